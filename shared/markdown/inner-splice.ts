import type { ArticleText } from './article-text';
import { renderRange, type RangeOptions, type RangeRender } from './render-range';
import type { Unit } from './unit';
import { WindowMismatch } from './window-mismatch';

/** What the article around a unit tells a block inside it (see inner-edit.ts). */
export interface InnerContext {
  /** Definition stubs before the block (the units before, then the unit's own) and after it. */
  readonly stubsBefore: readonly string[];
  readonly stubsAfter: readonly string[];
  readonly slugsBefore: Readonly<Record<string, number>>;
  readonly footnoteRefsBefore: readonly string[];
  readonly hasFooter: boolean;
  /** Gives the unit its new key. */
  readonly nextKey: () => number;
  /** Told how many characters of source each render of a block alone takes. */
  readonly rendered?: (chars: number) => void;
}

/**
 * What an edit inside an inner block changed, for the preview: for an item of a long list, the
 * item's index among the list's items and its new `<li>`.
 */
export interface InnerEdited {
  readonly item?: { readonly index: number; readonly html: string };
}

/** An edit inside a unit's inner block: its span in the old text, and what it moved. */
export interface InnerEditChange {
  readonly old: ArticleText;
  readonly text: ArticleText;
  /** First and last offset the changes touch, in the old text. */
  readonly fromA: number;
  readonly toA: number;
  readonly delta: number;
  readonly lineDelta: number;
}

/**
 * Whether units rendered from an inner block alone tell nothing to the rest of the article: no
 * definitions, footnote citations or notes, and no headings (ids number duplicates).
 */
export function tellsNothing(units: readonly Unit[]): boolean {
  return units.every(
    (each) =>
      each.defs.length === 0 &&
      each.footnoteRefs.length === 0 &&
      each.headings.length === 0 &&
      !each.nestedFootnotes &&
      each.footnoteSources.length === 0,
  );
}

/**
 * Puts `html`, the new HTML of the unit's inner block `index` after an edit inside it, in place
 * of the old, and moves what follows it in the unit: the inner blocks after it, the source lines
 * of the element holding it and of the elements after it, the unit's end. `references`: the link
 * labels the block now uses. Gives the unit a new key.
 */
export function spliceInner(
  unit: Unit,
  index: number,
  html: string,
  change: Pick<InnerEditChange, 'delta' | 'lineDelta'>,
  references: readonly string[],
  nextKey: () => number,
): void {
  const inner = unit.inner!;
  const block = inner[index]!;
  const { delta, lineDelta } = change;
  const segment = unit.segments[block.segment]!;
  unit.segments[block.segment] = segment.slice(0, block.at) + html + segment.slice(block.at + block.length);
  const grow = html.length - block.length;
  for (const later of inner.slice(index + 1)) {
    if (later.segment === block.segment) later.at += grow;
    later.from += delta;
    later.to += delta;
    later.line += lineDelta;
    later.lineEnd += lineDelta;
  }
  block.to += delta;
  block.lineEnd += lineDelta;
  block.length = html.length;
  block.verified = true;
  // The element holding the block ends `lineDelta` lines later; the ones after it move.
  const holder = block.segment - 1;
  unit.rels = unit.rels.map(([start, end], element) =>
    element < holder
      ? [start, end]
      : element === holder
        ? [start, end + lineDelta]
        : [start + lineDelta, end + lineDelta],
  );
  unit.to += delta;
  unit.lineEnd += lineDelta;
  addReferences(unit, references);
  unit.key = nextKey();
}

/** Adds to the link labels `unit` uses those of `references` it does not use yet. */
export function addReferences(unit: Unit, references: readonly string[]): void {
  for (const reference of references)
    if (!unit.references.includes(reference)) unit.references.push(reference);
}

/** `text[from, to)` rendered alone with `context`, or `null` when it does not line up as a window. */
export function renderAlone(
  text: RangeOptions['text'],
  from: number,
  to: number,
  line: number,
  context: InnerContext,
): RangeRender | null {
  context.rendered?.(to - from);
  try {
    return renderRange({
      text,
      from,
      to,
      line,
      stubsBefore: context.stubsBefore,
      stubsAfter: context.stubsAfter,
      headings: { slugsBefore: context.slugsBefore },
      footnoteRefsBefore: context.footnoteRefsBefore,
      whole: false,
      textMayFollow: false,
      plainFence: false,
      hasFooter: context.hasFooter,
      nextKey: () => 0,
    });
  } catch (error) {
    if (error instanceof WindowMismatch) return null;
    throw error;
  }
}
