import GithubSlugger from 'github-slugger';
import { sameDefinitions, winnerChanges } from './definitions';
import { footnotesHtml, notesHoldHeadings, patchFootnotes, type NoteChange } from './footnotes';
import { unclosedFrontmatterFence } from './frontmatter-fence';
import { renderRange, unitHtml, type RangeOptions, type RangeRender, type Unit } from './render-range';
import { WindowMismatch } from './window-mismatch';

/** One change to the text, in the coordinates of the text before any of the changes. */
export interface TextChange {
  readonly from: number;
  readonly to: number;
  readonly insert: string;
}

/** The HTML of one preview block (one or more top-level elements rendered together). */
export interface BlockHtml {
  /** Stable identity while the block's source is unchanged; new blocks get new keys. */
  readonly key: number;
  /** First and last source line (1-based) of the block. */
  readonly line: number;
  readonly lineEnd: number;
  readonly html: string;
}

/**
 * What changed in the preview: replace `deleteCount` blocks at `start` with `blocks`, move the
 * source lines of every later block by `lineDelta`, and replace the footnotes section when
 * `footer` is a string (`''`: no footnotes).
 */
export interface RenderPatch {
  readonly start: number;
  readonly deleteCount: number;
  readonly blocks: readonly BlockHtml[];
  readonly lineDelta: number;
  readonly footer?: string;
  /**
   * With `footer`, when only some notes' text changed: their new `<li>` items, by element id,
   * so that a preview can replace just those instead of the whole section.
   */
  readonly footnotes?: readonly { readonly id: string; readonly html: string }[];
  /** True when the whole article was rendered again. */
  readonly full: boolean;
  /**
   * How many source blocks (units: a block, or blocks that raw HTML couples) were parsed and
   * rendered again for this patch: the work it took, for benches and tests.
   */
  readonly rendered: number;
}

/** What the units before a window tell it (see {@link IncrementalRenderer.contextBefore}). */
interface ContextBefore {
  readonly stubs: readonly string[];
  readonly headings: readonly string[];
  /** The heading slugger's occurrences after `headings`. */
  readonly slugs: Readonly<Record<string, number>>;
  readonly footnoteRefs: readonly string[];
}

/**
 * Units outside an edited window whose HTML the edit changed without touching their text: later
 * headings whose ids moved (slugs number duplicates), and blocks that use a link whose winning
 * definition now points elsewhere. `shownBefore` is what the preview showed before the edit
 * (keys and first lines), to answer one patch; `footer`: the footnotes section uses such a link.
 */
interface FollowUps {
  readonly units: readonly Unit[];
  readonly shownBefore: readonly { readonly key: number; readonly line: number }[];
  readonly footer: boolean;
}

/**
 * Renders an article block by block and keeps the result, so that a keystroke re-renders only
 * the blocks around the edit. The output of {@link html} is byte-identical to
 * `renderMarkdown(text)`. It re-parses a window of blocks around each edit with the article's
 * link and footnote definitions (the first definition of a label wins), heading slugs and
 * footnote numbers as context, and widens the window when the blocks around it would parse
 * differently (an unclosed fence or `<!--`, a list that now continues, raw HTML left open; see
 * {@link WindowMismatch}). Blocks that raw HTML couples are kept together as one unit. A
 * change to which definition a label resolves to, or to the order of footnote citations,
 * renders everything once; the next edit is incremental again.
 */
export class IncrementalRenderer {
  private text = '';
  private units: Unit[] = [];
  private footer = '';
  private nextKey = 1;
  /**
   * The whole HTML when the units could not reproduce it (raw HTML leaving text outside every
   * block at the article's edges): the next edit renders everything again.
   */
  private exact: string | null = null;
  /** Whether the footnotes section holds headings (their ids follow every body heading's). */
  private footerHasHeadings = false;
  /** How many units the last edit rendered again (all of them for a whole render). */
  private lastRendered = 0;
  /**
   * Changes whenever a unit's definitions stubs, headings or citations change: what the units
   * before or after a window tell it is cached (see {@link contextBefore}) until then.
   */
  private contextVersion = 0;
  private beforeCache: { version: number; unit: Unit; context: ContextBefore } | null = null;
  private afterCache: { version: number; unit: Unit | undefined; stubs: string[] } | null = null;
  /** Units outside the last window that it changed (see {@link FollowUps}), until rendered. */
  private followUps: FollowUps | null = null;
  /** How many blocks the last patches left in the preview (one per unit, unless `exact`). */
  private shownBlocks = 0;
  /** An unclosed frontmatter fence on line 1: the article is parsed as a plain document. */
  private plainFence: '---' | '+++' | null = null;

  /** Renders `text` from scratch. */
  reset(text: string): RenderPatch {
    this.text = text;
    return this.fullPatch();
  }

  /** Applies `changes` (sorted, non-overlapping, in the previous text's coordinates). */
  edit(changes: readonly TextChange[]): RenderPatch {
    if (changes.length === 0)
      return { start: 0, deleteCount: 0, blocks: [], lineDelta: 0, full: false, rendered: 0 };
    const old = this.text;
    let next = '';
    let cursor = 0;
    let lineDelta = 0;
    for (const change of changes) {
      next += old.slice(cursor, change.from) + change.insert;
      lineDelta += countLines(change.insert) - countLines(old.slice(change.from, change.to));
      cursor = change.to;
    }
    next += old.slice(cursor);
    this.text = next;
    const fromA = changes[0]!.from;
    const toA = changes[changes.length - 1]!.to;
    const delta = next.length - old.length;
    if (this.exact !== null || this.units.length === 0) return this.fullPatch();
    // Closing or opening the frontmatter changes how the whole article parses. An edit after a
    // closed frontmatter block cannot (and looking for its fence reads the whole text).
    const head = this.units[0];
    const pastFrontmatter =
      this.plainFence === null &&
      head !== undefined &&
      !head.produces &&
      /^(---|\+\+\+)/.test(old) &&
      fromA > head.to + 1;
    if (!pastFrontmatter && this.plainFence !== unclosedFrontmatterFence(next)) return this.fullPatch();

    let first = this.units.findIndex((unit) => unit.to >= fromA);
    if (first === -1) first = this.units.length;
    let last = -1;
    for (let index = this.units.length - 1; index >= 0; index--) {
      if (this.units[index]!.from <= toA) {
        last = index;
        break;
      }
    }
    const start = Math.max(0, Math.min(first, last + 1) - 1);
    const end = Math.min(this.units.length, Math.max(last, first) + 2);
    const patch = this.renderAround(start, end, delta, lineDelta);
    return patch.full || this.followUps === null ? patch : this.renderFollowUps(patch);
  }

  /**
   * Renders units `[start, end)` again after an edit that moved the text after them by `delta`
   * characters and `lineDelta` lines, widening the window as each {@link WindowMismatch} asks.
   */
  private renderAround(start: number, end: number, delta: number, lineDelta: number): RenderPatch {
    this.followUps = null;
    for (;;) {
      try {
        return this.renderWindow(start, end, delta, lineDelta);
      } catch (error) {
        if (!(error instanceof WindowMismatch)) throw error;
        if (error.widen === 'all') return this.fullPatch();
        if (error.widen === 'start') {
          start = Math.max(0, start - Math.max(1, end - start));
          if (start === 0 && end === this.units.length) return this.fullPatch();
          continue;
        }
        // A block that swallows the rest of the article swallows its definitions too (or, parsed
        // as a window, the definitions appended to it): the window to the end would only fail
        // after parsing most of the article, so render it all at once.
        if (
          error.swallowed &&
          (this.units.slice(start).some((unit) => unit.defs.length > 0) ||
            this.units.slice(0, start).some((unit) => unit.stubs.length > 0))
        ) {
          return this.fullPatch();
        }
        if (end === this.units.length) return this.fullPatch();
        const through = error.throughUnit ?? end + Math.max(1, end - start) - 1;
        end = Math.min(this.units.length, Math.max(end + 1, through + 1));
        if (start === 0 && end === this.units.length) return this.fullPatch();
      }
    }
  }

  /**
   * Renders again, one by one, the units outside the edited window that it changed without
   * touching their text (see {@link FollowUps}), and answers one patch for the edit and them:
   * from the first block that changed to the last (blocks in between keep their keys, so the
   * preview keeps their DOM).
   */
  private renderFollowUps(patch: RenderPatch): RenderPatch {
    const { units, shownBefore, footer } = this.followUps!;
    this.followUps = null;
    let rendered = patch.rendered;
    let footerChanged = patch.footer !== undefined;
    for (const unit of units) {
      const index = this.units.indexOf(unit);
      if (index < 0) continue;
      const again = this.renderAround(index, index + 1, 0, 0);
      if (again.full) return again;
      rendered += again.rendered;
      footerChanged ||= again.footer !== undefined;
    }
    if (footer) {
      this.footer = this.renderFooter();
      footerChanged = true;
    }
    this.lastRendered = rendered;
    return {
      ...changedSpan(shownBefore, this.units, patch.lineDelta, (unit) => this.blockHtml(unit)),
      lineDelta: patch.lineDelta,
      ...(footerChanged ? { footer: this.footer } : {}),
      full: false,
      rendered,
    };
  }

  /** The whole article's HTML, byte-identical to `renderMarkdown` of the same text. */
  html(): string {
    if (this.exact !== null) return this.exact;
    const body = this.units
      .filter((unit) => unit.produces)
      .map((unit) => unitHtml(unit))
      .join('\n');
    return this.footer ? `${body}\n${this.footer}` : body;
  }

  /** The current text. */
  source(): string {
    return this.text;
  }

  /** How many units the last call of {@link edit} or {@link reset} rendered again. */
  renderedUnits(): number {
    return this.lastRendered;
  }

  private fullPatch(): RenderPatch {
    const deleteCount = this.shownBlocks;
    this.renderAll();
    // Units that cannot reproduce the article's HTML (text that raw HTML leaves outside every
    // block) would not show it: the preview then gets the whole HTML as one block.
    const blocks =
      this.exact === null
        ? this.units.map((unit) => this.blockHtml(unit))
        : [{ key: this.nextKey++, line: 1, lineEnd: countLines(this.text) + 1, html: this.exact }];
    this.shownBlocks = blocks.length;
    return {
      start: 0,
      deleteCount,
      blocks,
      lineDelta: 0,
      footer: this.exact === null ? this.footer : '',
      full: true,
      rendered: this.units.length,
    };
  }

  private renderAll(): void {
    this.plainFence = unclosedFrontmatterFence(this.text);
    const rendered = this.renderPart({
      from: 0,
      to: this.text.length,
      line: 1,
      stubsBefore: [],
      stubsAfter: [],
      headings: {},
      footnoteRefsBefore: [],
      whole: true,
      textMayFollow: false,
    });
    this.units = rendered.units;
    this.footer = rendered.footer;
    this.footerHasHeadings = rendered.footerHasHeadings;
    this.exact = null;
    if (rendered.irregular || this.html() !== rendered.exact) this.exact = rendered.exact;
    this.lastRendered = this.units.length;
    this.contextVersion++;
  }

  /**
   * What the units before `units[start]` tell a window starting there, cached by the unit just
   * before the window: it stays while typing in the window replaces the window's own units.
   */
  private contextBefore(start: number): ContextBefore {
    const unit = this.units[start - 1]!;
    const cached = this.beforeCache;
    if (cached && cached.version === this.contextVersion && cached.unit === unit) return cached.context;
    const before = this.units.slice(0, start);
    const headings = before.flatMap((each) => each.headings);
    const slugger = new GithubSlugger();
    for (const text of headings) slugger.slug(text);
    const context: ContextBefore = {
      stubs: before.flatMap((each) => each.stubs),
      headings,
      slugs: slugger.occurrences,
      footnoteRefs: before.flatMap((each) => each.footnoteRefs),
    };
    this.beforeCache = { version: this.contextVersion, unit, context };
    return context;
  }

  /** The definition stubs of the units from `units[end]` on, cached by that first unit. */
  private stubsAfter(end: number): string[] {
    const unit = this.units[end];
    const cached = this.afterCache;
    if (cached && cached.version === this.contextVersion && cached.unit === unit) return cached.stubs;
    const stubs = this.units.slice(end).flatMap((each) => each.stubs);
    this.afterCache = { version: this.contextVersion, unit, stubs };
    return stubs;
  }

  private renderWindow(start: number, end: number, delta: number, lineDelta: number): RenderPatch {
    const units = this.units;
    const old = units.slice(start, end);
    const from = start === 0 ? 0 : units[start]!.from;
    const oldTo = end === units.length ? this.text.length - delta : units[end - 1]!.to;
    const to = oldTo + delta;
    const line = start === 0 ? 1 : units[start]!.line;
    // Start after a blank line: micromark lets an open paragraph above change how the next
    // line's blocks start (an ordered list not starting at 1 cannot interrupt it).
    if (start > 0 && !precededByBlankLine(this.text, from)) throw new WindowMismatch('start');
    const context: ContextBefore =
      start === 0 ? { stubs: [], headings: [], slugs: {}, footnoteRefs: [] } : this.contextBefore(start);
    // Text never serializes starting with `<`: a unit that does starts with an element.
    let following: Unit | undefined;
    for (let index = end; index < units.length && !following; index++) {
      if (units[index]!.produces) following = units[index];
    }
    const textMayFollow = following !== undefined && !unitHtml(following).startsWith('<');
    const rendered = this.renderPart({
      from,
      to,
      line,
      stubsBefore: context.stubs,
      stubsAfter: this.stubsAfter(end),
      headings: { slugsBefore: context.slugs },
      footnoteRefsBefore: context.footnoteRefs,
      whole: false,
      textMayFollow,
    });
    const fresh = rendered.units;
    if (end < units.length) {
      const lastOld = units[end - 1]!;
      const lastNew = fresh[fresh.length - 1];
      if (!lastNew || lastNew.from !== lastOld.from + delta || lastNew.to !== to || rendered.openAtEnd) {
        const swallowed = !!lastNew && lastNew.to === to && lastNew.from < lastOld.from + delta;
        throw new WindowMismatch('end', undefined, swallowed);
      }
    }
    if (start > 0 && fresh[0]?.from !== from) throw new WindowMismatch('all');
    const oldDefs = old.flatMap((unit) => unit.defs);
    const freshDefs = fresh.flatMap((unit) => unit.defs);
    // The window was parsed with the winning definitions of the rest of the article, so its
    // own blocks are right; the rest changes only if a label now resolves differently. When
    // only the text of winning notes changed, the blocks that cite them stay the same (a
    // citation shows the note's number, not its text): the footnotes section is redone.
    let footerChanged = false;
    const notes: NoteChange[] = [];
    const relinked = new Set<string>();
    if (!sameDefinitions(oldDefs, freshDefs)) {
      if (old.some((unit) => unit.nestedFootnotes) || fresh.some((unit) => unit.nestedFootnotes)) {
        throw new WindowMismatch('all');
      }
      const changes = winnerChanges(
        units.slice(0, start).flatMap((unit) => unit.defs),
        oldDefs,
        freshDefs,
        units.slice(end).flatMap((unit) => unit.defs),
      );
      for (const change of changes) {
        if (change.before === undefined || change.after === undefined) throw new WindowMismatch('all');
        // A link that now points elsewhere: the blocks that use its label are rendered again.
        if (change.kind === 'link') {
          relinked.add(change.id);
          continue;
        }
        footerChanged = true;
        notes.push({ id: change.id, before: change.before, after: change.after });
      }
    }
    if (
      old.flatMap((unit) => unit.footnoteRefs).join('\u0001') !==
      fresh.flatMap((unit) => unit.footnoteRefs).join('\u0001')
    ) {
      throw new WindowMismatch('all');
    }
    // The footnotes section is rendered from the top-level notes' sources: a note inside a
    // quote or a list (which may be the one that wins its label) needs a whole render.
    const redoFooter = footerChanged || (this.footerHasHeadings && headingsDiffer(old, fresh));
    if (
      redoFooter &&
      [...units.slice(0, start), ...fresh, ...units.slice(end)].some((unit) => unit.nestedFootnotes)
    ) {
      throw new WindowMismatch('all');
    }
    const oldHeadings = old.flatMap((unit) => unit.headings).join('\u0001');
    const headingsChanged = oldHeadings !== fresh.flatMap((unit) => unit.headings).join('\u0001');
    const followUps = new Set<Unit>();
    if (headingsChanged && end < units.length) {
      const slugger = new GithubSlugger();
      for (const text of [...context.headings, ...fresh.flatMap((unit) => unit.headings)]) slugger.slug(text);
      // Later headings whose ids moved (`intro-1` becoming `intro`) are rendered again after
      // the window, each alone: nothing else in them depends on the headings before them.
      for (let index = end; index < units.length; index++) {
        const unit = units[index]!;
        const ids = unit.headings.map((text) => slugger.slug(text));
        if (ids.some((id, at) => id !== unit.headingIds[at])) followUps.add(unit);
      }
    }
    const relinkedFooter = relinked.size > 0 && this.footer !== '' && usesAny(units, relinked, true);
    if (relinked.size > 0) {
      // A note inside a quote or a list may use the label: only a whole render places it.
      if (this.footer !== '' && units.some((unit) => unit.nestedFootnotes)) throw new WindowMismatch('all');
      for (const unit of [...units.slice(0, start), ...units.slice(end)]) {
        if (unit.produces && unit.references.some((id) => relinked.has(id))) followUps.add(unit);
      }
    }
    if (followUps.size > 0 || relinkedFooter) {
      this.followUps = {
        units: [...followUps].sort((a, b) => a.from - b.from),
        shownBefore: units.map((unit) => ({ key: unit.key, line: unit.line })),
        footer: relinkedFooter,
      };
    }
    if (
      headingsChanged ||
      old.flatMap((unit) => unit.stubs).join('\n') !== fresh.flatMap((unit) => unit.stubs).join('\n')
    )
      this.contextVersion++;
    // Keys of blocks whose HTML did not change survive, so the preview leaves them alone.
    const reused = new Map<string, number[]>();
    for (const unit of old) {
      const id = unitHtml(unit, 0);
      reused.set(id, [...(reused.get(id) ?? []), unit.key]);
    }
    for (const unit of fresh) {
      const key = reused.get(unitHtml(unit, 0))?.shift();
      if (key !== undefined) unit.key = key;
    }
    for (let index = end; index < units.length; index++) {
      const unit = units[index]!;
      unit.from += delta;
      unit.to += delta;
      unit.line += lineDelta;
      unit.lineEnd += lineDelta;
    }
    units.splice(start, end - start, ...fresh);
    // Send only what differs: unchanged leading and trailing blocks of the window stay.
    let head = 0;
    while (
      head < old.length &&
      head < fresh.length &&
      old[head]!.key === fresh[head]!.key &&
      old[head]!.line === fresh[head]!.line
    ) {
      head++;
    }
    let tail = 0;
    while (
      tail < old.length - head &&
      tail < fresh.length - head &&
      old[old.length - 1 - tail]!.key === fresh[fresh.length - 1 - tail]!.key
    ) {
      tail++;
    }
    const changed = fresh.slice(head, fresh.length - tail);
    let footnotes: { id: string; html: string }[] | undefined;
    // Headings inside notes take their ids after every heading of the body.
    if (headingsChanged && this.footerHasHeadings) {
      footerChanged = true;
      this.footer = this.renderFooter();
    } else if (footerChanged) {
      const patched = this.footerHasHeadings
        ? null
        : patchFootnotes(
            this.footer,
            notes,
            this.units.flatMap((unit) => unit.footnoteRefs),
            this.units.flatMap((unit) => unit.stubs).filter((stub) => !stub.startsWith('[^')),
          );
      this.footer = patched?.footer ?? this.renderFooter();
      footnotes = patched?.items;
    }
    if (footerChanged) this.footerHasHeadings = notesHoldHeadings(this.footer);
    this.lastRendered = fresh.length;
    this.shownBlocks = units.length;
    return {
      start: start + head,
      deleteCount: old.length - head - tail,
      blocks: changed.map((unit) => this.blockHtml(unit)),
      lineDelta,
      ...(footerChanged ? { footer: this.footer, ...(footnotes ? { footnotes } : {}) } : {}),
      full: false,
      rendered: fresh.length,
    };
  }

  private blockHtml(unit: Unit): BlockHtml {
    return { key: unit.key, line: unit.line, lineEnd: unit.lineEnd, html: unitHtml(unit) };
  }

  /**
   * The footnotes section on its own, from every citation, note and definition of the article,
   * with every body heading before it (headings inside notes take their ids after them).
   */
  private renderFooter(): string {
    return footnotesHtml(
      this.units.flatMap((unit) => unit.footnoteRefs),
      this.units.flatMap((unit) => unit.footnoteSources),
      this.units.flatMap((unit) => unit.stubs),
      this.units.flatMap((unit) => unit.headings),
    );
  }

  /** Renders `text[from, to)` with what the renderer knows of the rest (see {@link renderRange}). */
  private renderPart(
    part: Pick<
      RangeOptions,
      | 'from'
      | 'to'
      | 'line'
      | 'stubsBefore'
      | 'stubsAfter'
      | 'headings'
      | 'footnoteRefsBefore'
      | 'whole'
      | 'textMayFollow'
    >,
  ): RangeRender {
    return renderRange({
      ...part,
      text: this.text,
      plainFence: this.plainFence !== null,
      hasFooter: this.footer !== '',
      nextKey: () => this.nextKey++,
    });
  }
}

/** Whether some units (only those with notes, when `notes`) use a link label of `ids`. */
function usesAny(units: readonly Unit[], ids: ReadonlySet<string>, notes: boolean): boolean {
  return units.some(
    (unit) => (!notes || unit.footnoteSources.length > 0) && unit.references.some((id) => ids.has(id)),
  );
}

/**
 * The blocks between the first and the last that differ from what the preview showed (`shown`:
 * keys and first lines before an edit that moved later lines by `lineDelta`), as a patch's
 * `start`, `deleteCount` and `blocks`.
 */
function changedSpan(
  shown: readonly { readonly key: number; readonly line: number }[],
  units: readonly Unit[],
  lineDelta: number,
  blockHtml: (unit: Unit) => BlockHtml,
): Pick<RenderPatch, 'start' | 'deleteCount' | 'blocks'> {
  let head = 0;
  while (
    head < shown.length &&
    head < units.length &&
    shown[head]!.key === units[head]!.key &&
    shown[head]!.line === units[head]!.line
  )
    head++;
  let tail = 0;
  while (
    tail < shown.length - head &&
    tail < units.length - head &&
    shown[shown.length - 1 - tail]!.key === units[units.length - 1 - tail]!.key &&
    shown[shown.length - 1 - tail]!.line + lineDelta === units[units.length - 1 - tail]!.line
  )
    tail++;
  return {
    start: head,
    deleteCount: shown.length - head - tail,
    blocks: units.slice(head, units.length - tail).map(blockHtml),
  };
}

/** Whether two runs of units hold different headings. */
function headingsDiffer(a: readonly Unit[], b: readonly Unit[]): boolean {
  return (
    a.flatMap((unit) => unit.headings).join('\u0001') !== b.flatMap((unit) => unit.headings).join('\u0001')
  );
}

function precededByBlankLine(text: string, offset: number): boolean {
  if (offset === 0) return true;
  const lineStart = text.lastIndexOf('\n', offset - 2) + 1;
  return /^[ \t]*$/.test(text.slice(lineStart, offset - 1));
}

function countLines(text: string): number {
  let count = 0;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) count++;
  return count;
}
