import GithubSlugger from 'github-slugger';
import { winningStubs } from './definitions';
import type { Unit } from './unit';

/** What the units before a window tell it: definition stubs, heading slugs, note citations. */
export interface ContextBefore {
  readonly stubs: readonly string[];
  /** The heading slugger's occurrences after the headings before the window. */
  readonly slugs: Readonly<Record<string, number>>;
  readonly footnoteRefs: readonly string[];
}

/** The context of a window at the start of the article: nothing before it. */
export const emptyContextBefore: ContextBefore = Object.freeze({
  stubs: Object.freeze([]),
  slugs: Object.freeze({}),
  footnoteRefs: Object.freeze([]),
});

/**
 * What the units around a window tell it, read from the incremental renderer's units and cached
 * by the unit next to the window: typing in a window replaces the window's own units only, so the
 * next keystroke there reads the cache. Dropped when a window's definition stubs, headings or
 * citations change, unless the window is the one it was read around.
 */
export class WindowContext {
  private beforeCache: { unit: Unit; context: ContextBefore } | null = null;
  private afterCache: { unit: Unit | undefined; stubs: string[] } | null = null;

  /** What the units before `units[start]` tell a window starting there. */
  before(units: readonly Unit[], start: number): ContextBefore {
    if (start === 0) return emptyContextBefore;
    const unit = units[start - 1]!;
    const cached = this.beforeCache;
    if (cached && cached.unit === unit) return cached.context;
    const before = units.slice(0, start);
    const slugger = new GithubSlugger();
    for (const text of before.flatMap((each) => each.headings)) slugger.slug(text);
    const context: ContextBefore = {
      // Only the first definition of a label wins: later ones need not be offered to windows.
      stubs: winningStubs(before.flatMap((each) => each.defs)),
      slugs: slugger.occurrences,
      footnoteRefs: before.flatMap((each) => each.footnoteRefs),
    };
    this.beforeCache = { unit, context };
    return context;
  }

  /** The definition stubs of the units from `units[end]` on. */
  stubsAfter(units: readonly Unit[], end: number): string[] {
    const unit = units[end];
    const cached = this.afterCache;
    if (cached && cached.unit === unit) return cached.stubs;
    const stubs = winningStubs(units.slice(end).flatMap((each) => each.defs));
    this.afterCache = { unit, stubs };
    return stubs;
  }

  /**
   * After a window `[start, end)` changed what it tells other windows: keeps only the caches read
   * around that same window (typing in a heading changes the window's context only).
   */
  windowChanged(units: readonly Unit[], start: number, end: number): void {
    if (start === 0 || this.beforeCache?.unit !== units[start - 1]) this.beforeCache = null;
    if (this.afterCache?.unit !== units[end]) this.afterCache = null;
  }

  /** Forgets everything (the units were rendered again). */
  clear(): void {
    this.beforeCache = null;
    this.afterCache = null;
  }
}
