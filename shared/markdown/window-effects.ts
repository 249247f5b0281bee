import { sameDefinitions, winnerChanges } from './definitions';
import { SluggerAfter } from './heading-ids';
import { labelMentions } from './label-mentions';
import type { NoteChange } from './footnotes';
import type { Unit } from './unit';
import { WindowMismatch } from './window-mismatch';

/** What an edited window is and what the renderer knows around it (see {@link windowEffects}). */
export interface WindowState {
  /** Every unit of the article before the edit. */
  readonly units: readonly Unit[];
  /** The window: `units[start, end)` before the edit, `fresh` after it. */
  readonly start: number;
  readonly end: number;
  readonly fresh: readonly Unit[];
  /** The heading slugger's counts after the headings before the window. */
  readonly slugsBefore: Readonly<Record<string, number>>;
  /** Whether the article has a footnotes section, and whether its notes hold headings. */
  readonly hasFooter: boolean;
  readonly footerHasHeadings: boolean;
  /**
   * The units outside the window whose text may write a reference to the link label `id` (see
   * label-mentions.ts); `null` when it cannot tell, or when they are so many that a whole
   * render costs less.
   */
  readonly mentioning?: (id: string) => readonly Unit[] | null;
}

/** What a window's new units change outside the window (see {@link windowEffects}). */
export interface WindowEffects {
  /** Notes whose winning text changed: their items of the footnotes section are redone. */
  readonly notes: readonly NoteChange[];
  /** Whether the window's headings changed (slugs after it, headings inside notes). */
  readonly headingsChanged: boolean;
  /** Whether the window's definitions or headings changed what other windows are parsed with. */
  readonly contextChanged: boolean;
  /**
   * Units outside the window to render again without their text changing: later headings whose
   * ids moved, blocks that use a link whose winning definition now points elsewhere, and blocks
   * that write a label that came to exist or went away.
   */
  readonly followUps: readonly Unit[];
  /**
   * The new heading ids of follow-ups whose headings only moved (`intro-1` becoming `intro`):
   * they need their ids changed, not a render.
   */
  readonly renamed: ReadonlyMap<Unit, readonly string[]>;
  /** Whether the footnotes section uses such a link (it is then rendered again). */
  readonly footerUsesRelinked: boolean;
}

/**
 * What rendering a window again changes in the rest of the article, or a {@link WindowMismatch}
 * `'all'` when only a whole render can tell: the window was parsed with the winning
 * definitions of the rest of the article, so its own blocks are right; the rest changes only if
 * a label now resolves differently, the order of footnote citations changed, or heading slugs
 * moved. When only the text of winning notes changed, the blocks that cite them stay the same
 * (a citation shows the note's number, not its text): the footnotes section is redone. A link
 * label that comes to exist or stops existing changes how the blocks that write it parse (text
 * in brackets becomes a link, or a link text in brackets): those blocks are rendered again,
 * found by their text, since only the ones that made a link of it know the label. A note that
 * comes to exist or stops existing renumbers the notes: a whole render.
 */
export function windowEffects(state: WindowState): WindowEffects {
  const { units, start, end, fresh } = state;
  const old = units.slice(start, end);
  // The units outside the window (most of a long article): read only when an edit reaches them.
  const outside = (): Unit[] => [...units.slice(0, start), ...units.slice(end)];
  const oldDefs = old.flatMap((unit) => unit.defs);
  const freshDefs = fresh.flatMap((unit) => unit.defs);
  const notes: NoteChange[] = [];
  const relinked = new Set<string>();
  // Labels that came to exist or stopped existing, and the units outside that may write them.
  const appeared = new Set<string>();
  const mentioned = new Set<Unit>();
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
      if (change.before === undefined || change.after === undefined) {
        const mentions = change.kind === 'link' ? state.mentioning?.(change.id) : null;
        if (!mentions) throw new WindowMismatch('all');
        for (const unit of mentions) mentioned.add(unit);
        appeared.add(change.id);
        relinked.add(change.id);
        continue;
      }
      // A link that now points elsewhere: the blocks that use its label are rendered again.
      if (change.kind === 'link') relinked.add(change.id);
      else notes.push({ id: change.id, before: change.before, after: change.after });
    }
  }
  if (joined(old, 'footnoteRefs') !== joined(fresh, 'footnoteRefs')) throw new WindowMismatch('all');
  const headingsChanged = joined(old, 'headings') !== joined(fresh, 'headings');
  // The footnotes section is rendered from the top-level notes' sources: a note inside a
  // quote or a list (which may be the one that wins its label) needs a whole render.
  const redoFooter = notes.length > 0 || (state.footerHasHeadings && headingsChanged);
  if (redoFooter && [...outside(), ...fresh].some((unit) => unit.nestedFootnotes))
    throw new WindowMismatch('all');
  const followUps = new Set<Unit>();
  const renamed = new Map<Unit, string[]>();
  if (headingsChanged && end < units.length) {
    const slugger = new SluggerAfter(state.slugsBefore);
    for (const text of fresh.flatMap((unit) => unit.headings)) slugger.slug(text);
    // Later headings whose ids moved (`intro-1` becoming `intro`) are rendered again after
    // the window, each alone: nothing else in them depends on the headings before them.
    for (const unit of units.slice(end)) {
      const ids = unit.headings.map((text) => slugger.slug(text));
      if (ids.some((id, at) => id !== unit.headingIds[at])) {
        followUps.add(unit);
        renamed.set(unit, ids);
      }
    }
  }
  let footerUsesRelinked = false;
  if (relinked.size > 0 && state.hasFooter) {
    // A note inside a quote or a list may use the label: only a whole render places it.
    if (units.some((unit) => unit.nestedFootnotes)) throw new WindowMismatch('all');
    footerUsesRelinked = [...units, ...fresh].some(
      (unit) =>
        unit.footnoteSources.length > 0 &&
        (unit.references.some((id) => relinked.has(id)) ||
          unit.footnoteSources.some((source) =>
            [...appeared].some((id) => labelMentions(source, id)?.length !== 0),
          )),
    );
  }
  if (relinked.size > 0) {
    for (const unit of outside()) {
      if (unit.produces && (mentioned.has(unit) || unit.references.some((id) => relinked.has(id)))) {
        followUps.add(unit);
        renamed.delete(unit);
      }
    }
  }
  return {
    notes,
    headingsChanged,
    contextChanged:
      headingsChanged ||
      old.flatMap((unit) => unit.stubs).join('\n') !== fresh.flatMap((unit) => unit.stubs).join('\n'),
    followUps: [...followUps].sort((a, b) => a.from - b.from),
    renamed,
    footerUsesRelinked,
  };
}

/** The units' headings or citations as one string; an empty heading's text counts too. */
function joined(units: readonly Unit[], field: 'footnoteRefs' | 'headings'): string {
  const list = units.flatMap((unit) => unit[field]);
  return `${list.length}\u0002${list.join('\u0001')}`;
}

/**
 * Units outside an edited window whose HTML the edit changed without touching their text: later
 * headings whose ids moved (slugs number duplicates), and blocks that use a link whose winning
 * definition now points elsewhere. `shownBefore` is what the preview showed before the edit
 * (keys and first lines), to answer one patch; `footer`: the footnotes section uses such a link.
 */
export interface FollowUps {
  readonly units: readonly Unit[];
  /** New heading ids of the units that only need them (see {@link WindowEffects.renamed}). */
  readonly renamed: ReadonlyMap<Unit, readonly string[]>;
  readonly shownBefore: readonly { readonly key: number; readonly line: number }[];
  readonly footer: boolean;
}
