import { VFile } from 'vfile';
import type { ArticleText } from './article-text';
import { startsBlockTagLine } from './html-block-lines';
import { unsafeTreeProcessor } from './pipeline';
import { htmlTags } from './raw-html-tags';
import type { RangeRender } from './render-range';
import {
  renderAlone,
  spliceInner,
  tellsNothing,
  type InnerContext,
  type InnerEditChange,
  type InnerEdited,
} from './inner-splice';
import { editListItem } from './list-item-edit';
import type { Unit } from './unit';

export type { InnerContext, InnerEditChange, InnerEdited } from './inner-splice';

/**
 * Applies an edit inside one inner block of a coupled `unit` (see inner-blocks.ts) by rendering
 * that block alone and putting its HTML in place of the old, when that is sure to give what
 * rendering the whole unit would: the block alone, before and after the edit, renders as one
 * plain element with the HTML it has in the unit, and it neither runs on into the next block nor
 * joins the one before. Changes the unit in place (a new key comes from `nextKey`) and answers
 * what changed; answers `null`, changing nothing, when the unit must be rendered again instead.
 * The units after it are left to the caller to move.
 */
export function editInnerBlock(
  unit: Unit,
  change: InnerEditChange,
  context: InnerContext,
): InnerEdited | null {
  const inner = unit.inner;
  if (!inner) return null;
  const { old, text, fromA, toA, delta } = change;
  const index = inner.findIndex((block) => unit.from + block.from <= fromA && toA <= unit.from + block.to);
  if (index < 0) return null;
  const block = inner[index]!;
  if (block.listItem) return editListItem(unit, index, change, context);
  const from = unit.from + block.from;
  const to = unit.from + block.to + delta;
  const line = unit.line + block.line;
  const source = text.slice(from, to);
  if (block.afterContainer && /^[ \t]/.test(source)) return null;
  if (block.raw) {
    // Raw HTML stays one HTML block with the same tags: the same elements, nested the same way,
    // in the same stream of raw HTML as the lines around it.
    if (block.tags === undefined)
      block.tags = rawTags(old.slice(from, unit.from + block.to))?.join(' ') ?? null;
    const tags = rawTags(source);
    if (/\n[ \t]*\n/.test(source) || !startsBlockTagLine(source.split('\n', 1)[0]!)) return null;
    if (tags === null || tags.join(' ') !== block.tags) return null;
  } else if (!text.precededByBlankLine(from) || !followedByBlock(text, from, to)) {
    return null;
  }
  const render = (from: number, to: number, line: number, source: ArticleText): RangeRender | null =>
    renderAlone(source, from, to, line, context);
  const segment = unit.segments[block.segment]!;
  const current = segment.slice(block.at, block.at + block.length);
  if (!block.verified) {
    // The block alone gave the HTML it has in the unit before the edit: the raw HTML around it
    // does not change it.
    const before = aloneHtml(
      render(from, unit.from + block.to, line, old),
      from,
      unit.from + block.to,
      block.raw,
    );
    if (before !== current) {
      inner.splice(index, 1);
      return null;
    }
  }
  const rendered = render(from, to, line, text);
  const html = aloneHtml(rendered, from, to, block.raw);
  if (html === null || (!block.raw && rendered!.hadRawHtml)) return null;
  const fresh = rendered!.units;
  if (!tellsNothing(fresh)) return null;
  spliceInner(
    unit,
    index,
    html,
    change,
    fresh.flatMap((each) => each.references),
    context.nextKey,
  );
  return {};
}

/**
 * The HTML of a block rendered alone (its source lines left out), or `null` unless the part
 * rendered as units from exactly `from` to `to`: one element for Markdown, any run of nodes for
 * raw HTML (its units joined as the article joins them).
 */
function aloneHtml(rendered: RangeRender | null, from: number, to: number, raw: boolean): string | null {
  const units = rendered?.units ?? [];
  if (units.length === 0 || units[0]!.from !== from || units[units.length - 1]!.to !== to) return null;
  if (rendered!.openAtEnd || rendered!.runsOn || rendered!.footer !== '') return null;
  if (raw) {
    return units
      .filter((unit) => unit.produces)
      .map((unit) => unit.segments.join(''))
      .join('\n');
  }
  const unit = units[0]!;
  if (units.length !== 1 || !unit.produces || unit.rels.length !== 1) return null;
  const [head, tail] = unit.segments as [string, string];
  if (!/^<[a-z][a-z0-9]*$/.test(head) || !tail.endsWith('>')) return null;
  return head + tail;
}

/** The tags of raw HTML as an HTML block of its own (see `htmlTags`). */
function rawTags(value: string): string[] | null {
  return htmlTags({ type: 'html', value });
}

/**
 * Whether a blank line follows the block at `[from, to)` and the block after it starts where it
 * did: parsed with the first line of what follows, the block does not run on into it (an
 * unclosed fence, a list that the next line continues).
 */
function followedByBlock(text: ArticleText, from: number, to: number): boolean {
  if (to >= text.length) return true;
  const after = text.slice(to, Math.min(text.length, to + 4096));
  const gap = /^\n(?:[ \t]*\n)+/.exec(after);
  if (!gap) return false;
  if (gap[0].length === after.length) return after.length === text.length - to;
  const lineEnd = after.indexOf('\n', gap[0].length);
  if (lineEnd < 0 && after.length < text.length - to) return false;
  const source = text.slice(from, to) + after.slice(0, lineEnd < 0 ? after.length : lineEnd);
  const tree = unsafeTreeProcessor.parse(new VFile({ value: source }));
  const nextAt = to - from + gap[0].length;
  return tree.children.some((node) => (node.position?.start.offset ?? -1) >= nextAt);
}
