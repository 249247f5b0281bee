import type { List, ListItem } from 'mdast';
import { VFile } from 'vfile';
import type { ArticleText } from './article-text';
import {
  renderAlone,
  spliceInner,
  tellsNothing,
  type InnerContext,
  type InnerEditChange,
  type InnerEdited,
} from './inner-splice';
import { innerUnitMinChars, type InnerBlock } from './inner-blocks';
import { itemHtmlStaysInside, listTail } from './list-items';
import { capNesting } from './nesting-cap';
import { unsafeTreeProcessor } from './pipeline';
import type { Unit } from './unit';

/** How far past an item the line after it is looked for (blank lines between items aside). */
const probeReach = 4096;

/** An item's indentation and marker (`- `, `12.`), which say which list it belongs to. */
const markerAtStart = /^[ \t]*(?:[-+*]|\d{1,9}[.)])/;

/** A dummy item that makes a list loose when it follows an item after a blank line. */
const looseDummy = ' x';
const looseDummyHtml = '\n<li>\n<p>x</p>\n</li>';

/** How an item and the line after it parse (see {@link probeShape}). */
interface ItemShape {
  /** The list's kind, start and spread, the item's spread and task box, and what follows it. */
  readonly shape: string;
  /** Whether the item itself is spread (a blank line between its own blocks). */
  readonly spread: boolean;
  /** Where the list the item ends with starts (see list-items.ts `listTail`), if it has one. */
  readonly tail?: number;
}

/**
 * Applies an edit inside an item of a long list (see list-items.ts) by rendering that item alone
 * and putting its `<li>` in place of the old, when that is sure to give what rendering the whole
 * list would. An item's HTML depends on the rest of its list only through what the list is: its
 * kind and start (the first item's marker), whether it is loose (a blank line between two items
 * or inside one makes every paragraph a `<p>`), whether any item is a task (the list's class),
 * and where its items start and end. So the edit must keep the item's indentation and marker,
 * and the item with the first line after it (the next item's, or the block after the list's)
 * must parse as before the edit: one item, spread the same, with the same task box or none,
 * ending where the edit moved its end, then the next item or the block after the list where it
 * was (see {@link probeShape}). The item is then rendered alone, as loose as its list (after a blank line and a dummy
 * item when the list is loose and the item alone would not be); the first time, only if that
 * gives the HTML it has in the unit. An item that comes to hold raw HTML, a heading, a
 * definition or a footnote renders its list again. The first item must follow a blank line (a
 * paragraph before it would take in an item that became empty). Changes the unit in place and
 * answers the item's index and new HTML, or `null`, changing nothing, when the list must be
 * rendered again.
 */
export function editListItem(
  unit: Unit,
  index: number,
  change: InnerEditChange,
  context: InnerContext,
): InnerEdited | null {
  const inner = unit.inner!;
  const block = inner[index]!;
  const facts = block.listItem!;
  const { old, text, delta } = change;
  const from = unit.from + block.from;
  const oldTo = unit.from + block.to;
  const to = oldTo + delta;
  const oldSource = old.slice(from, oldTo);
  const source = text.slice(from, to);
  // The preview gives the list the block's source lines when it replaces one item: a list that
  // ends on another line than its unit (a fence in its last item takes in the blank line after
  // it) is rendered again whole.
  const [lines, ...others] = unit.rels;
  if (!lines || others.length > 0 || lines[1] !== unit.lineEnd - unit.line) return null;
  const marker = markerAtStart.exec(oldSource)?.[0];
  if (marker === undefined || markerAtStart.exec(source)?.[0] !== marker) return null;
  // Whether the first item starts a list depends on what comes before the list, outside the
  // probe: after a blank line, and with text on its first line (an empty item cannot interrupt
  // a paragraph, nor start a list where micromark counts the line as interrupting one).
  if (facts.first && (!text.precededByBlankLine(from) || !hasText(source, marker))) return null;
  const line = unit.line + block.line;
  if (facts.tail !== undefined && change.toA < from + facts.tail) {
    return editBeforeTail({
      unit,
      index,
      change,
      context,
      to,
      oldTo,
      oldSource,
      source,
      marker,
      line,
    });
  }
  const before = facts.probe ?? probeShape(oldSource, old, oldTo);
  const after = before && probeShape(source, text, to);
  if (!before || !after || before.shape !== after.shape) return null;
  // A spread item makes its list loose: a tight list cannot hold one.
  if (after.spread && !facts.loose) return null;
  if (!block.verified) {
    const was = renderItem(oldSource, marker, line, facts.loose && !before.spread, context);
    if (was?.html !== shownHtml(unit, block)) {
      inner.splice(index, 1);
      return null;
    }
  }
  const now = renderItem(source, marker, line, facts.loose && !after.spread, context);
  if (!now) return null;
  spliceInner(unit, index, now.html, change, now.references, context.nextKey);
  facts.probe = after;
  facts.tail = after.tail;
  return { item: { index: facts.item, html: now.html } };
}

/** The item's `<li>` as the unit holds it. */
function shownHtml(unit: Unit, block: InnerBlock): string {
  return unit.segments[block.segment]!.slice(block.at, block.at + block.length);
}

/** What {@link editBeforeTail} works from: the edit's item, before and after. */
interface TailEdit {
  readonly unit: Unit;
  readonly index: number;
  readonly change: InnerEditChange;
  readonly context: InnerContext;
  readonly to: number;
  readonly oldTo: number;
  readonly oldSource: string;
  readonly source: string;
  readonly marker: string;
  readonly line: number;
}

/** The first line of a list item with text after its marker, up to that text. */
const itemLineStart = /^([ \t]*(?:[-+*]|\d{1,9}[.)])[ \t]+)\S/;

/** The HTML a stub list (see {@link editBeforeTail}) ends an item's `<li>` with. */
const stubListHtml = /\n<(ul|ol)(?: [^<>]*)?>\n<li>x<\/li>\n<\/\1>\n<\/li>$/;

/**
 * An edit before the long list an item ends with (a changelog's "Libraries" item holding fifty
 * entries), which that list's HTML does not depend on: the list's looseness, numbers and task
 * boxes are its own, and its source lines are left as they were. The item is rendered and
 * probed with the list cut to a stub: its first line's indentation and marker, then `x`. A line
 * like that starts a list, interrupts a paragraph or not, and is read as a lazy line or not,
 * just as the list's first line does. The stub's HTML is then replaced by the list's: the end
 * of the item's `<li>` as the unit holds it, after the HTML the item rendered with the stub
 * before the edit gave (which must start the `<li>`, or the list is rendered again).
 */
function editBeforeTail(edit: TailEdit): InnerEdited | null {
  const { unit, index, change, context, to, oldTo, oldSource, source, marker, line } = edit;
  const block = unit.inner![index]!;
  const facts = block.listItem!;
  const tail = facts.tail!;
  const first = itemLineStart.exec(oldSource.slice(tail))?.[1];
  if (first === undefined) return null;
  const stubbedOld = `${oldSource.slice(0, tail)}${first}x`;
  const stubbedNew = `${source.slice(0, tail + change.delta)}${first}x`;
  const before = probeShape(stubbedOld, change.old, oldTo, 0);
  const after = before && probeShape(stubbedNew, change.text, to, 0);
  if (!before || !after || before.shape !== after.shape || before.tail !== tail) return null;
  if (after.tail !== tail + change.delta || (after.spread && !facts.loose)) return null;
  const was = renderItem(stubbedOld, marker, line, facts.loose && !before.spread, context);
  const now = renderItem(stubbedNew, marker, line, facts.loose && !after.spread, context);
  const wasStub = was && stubListHtml.exec(was.html);
  const nowStub = now && stubListHtml.exec(now.html);
  if (!now || !wasStub || !nowStub) return null;
  const lead = was!.html.slice(0, wasStub.index);
  const current = shownHtml(unit, block);
  const list = current.slice(lead.length, current.length - '\n</li>'.length);
  if (!current.startsWith(lead) || !current.endsWith('\n</li>') || !/^\n<(?:ul|ol)[ >]/.test(list))
    return null;
  const html = `${now.html.slice(0, nowStub.index)}${list}\n</li>`;
  spliceInner(unit, index, html, change, now.references, context.nextKey);
  facts.probe = undefined;
  facts.tail = after.tail;
  return { item: { index: facts.item, html } };
}

/**
 * How an item parses with the line after it: `item` (its source from its first line, or that
 * with its last list cut to a stub) then `text` from `to`, the item's end, to the end of the
 * first line after it that is not blank, parsed alone. Whether a line starts a sibling item
 * depends on the item before it only through the line's indentation and marker (micromark never
 * reads a sibling as interrupting a paragraph), which the edit keeps: so the item's own lines
 * and the line after them tell whether the list still parts where it did. The shape names the
 * list's kind and spread, the item's spread and task box, and where the next item starts or the
 * list ends, from the item's end; `null` when `item` does not parse as one item, or the line
 * after it lies too far. `tail`: where the list the item ends with starts, if it has
 * `tailChars` or more (see list-items.ts `listTail`).
 */
function probeShape(
  item: string,
  text: ArticleText,
  to: number,
  tailChars = innerUnitMinChars,
): ItemShape | null {
  const rest = text.slice(to, Math.min(text.length, to + probeReach));
  let probeEnd = -1;
  for (let at = rest.indexOf('\n'); at >= 0;) {
    const lineEnd = rest.indexOf('\n', at + 1);
    const end = lineEnd < 0 ? rest.length : lineEnd;
    if (/\S/.test(rest.slice(at + 1, end))) {
      probeEnd = end;
      break;
    }
    if (lineEnd < 0) break;
    at = lineEnd;
  }
  if (probeEnd < 0) {
    if (to + rest.length < text.length) return null;
    probeEnd = rest.length;
  }
  const value = capNesting(item + rest.slice(0, probeEnd));
  const tree = unsafeTreeProcessor.parse(new VFile({ value }));
  const list = tree.children[0];
  const self = list?.type === 'list' ? list.children[0] : undefined;
  const selfEnd = item.length;
  if (list?.type !== 'list' || !self || list.position?.start.line !== 1 || itemEnd(self, value) !== selfEnd)
    return null;
  const next = list.children[1]?.position?.start.offset;
  const after = tree.children[1]?.position?.start.offset;
  const shape = [
    `${String(list.ordered)}:${String(list.start)}:${String(list.spread)}`,
    `${String(self.spread)}:${self.checked === null || self.checked === undefined ? '' : 'task'}`,
    // Where the item ends, a line break that ends it included: a fence it opens takes in the
    // blank line after it.
    `${(self.position?.end.offset ?? 0) - selfEnd}`,
    `${list.children.length}`,
    next === undefined ? `end ${String((itemEnd(list, value) ?? 0) - selfEnd)}` : `next ${next - selfEnd}`,
    `${tree.children.length}`,
    after === undefined ? '' : String(after - selfEnd),
  ].join('|');
  return { shape, spread: self.spread === true, tail: listTail(self, value, tailChars) ?? undefined };
}

/** Whether an item's first line holds something after its marker. */
function hasText(source: string, marker: string): boolean {
  const lineEnd = source.indexOf('\n');
  return /\S/.test(source.slice(marker.length, lineEnd < 0 ? source.length : lineEnd));
}

/** Where a node ends, before a line break that ends it. */
function itemEnd(node: List | ListItem, value: string): number | undefined {
  const end = node.position?.end.offset;
  return end !== undefined && value[end - 1] === '\n' ? end - 1 : end;
}

/**
 * An item's `<li>` rendered alone (its source from its first line, which starts with `marker`,
 * at `line`), with the links, headings and citations the article has around it, or `null` when
 * it does not render as one item that tells the rest of the article nothing. `loosen`: the list
 * is loose and the item alone would not be, so a dummy item follows it after a blank line.
 */
function renderItem(
  source: string,
  marker: string,
  line: number,
  loosen: boolean,
  context: InnerContext,
): { html: string; references: string[] } | null {
  const value = loosen ? `${source}\n\n${marker}${looseDummy}` : source;
  const rendered = renderAlone(value, 0, value.length, line, context);
  if (!rendered) return null;
  const units = rendered.units;
  if (rendered.openAtEnd || rendered.footer !== '' || !tellsNothing(units)) return null;
  // Raw HTML in the item must stay inside it, as in the list's other items (list-items.ts).
  if (rendered.hadRawHtml && !rawHtmlStaysInside(value)) return null;
  const unit = units[0];
  if (units.length !== 1 || !unit?.produces || unit.rels.length !== 1) return null;
  const [head, tail] = unit.segments as [string, string];
  const tag = /^<(ul|ol)(?: [^<>]*)?$/.exec(head)?.[1];
  const close = `${loosen ? looseDummyHtml : ''}\n</${tag}>`;
  if (!tag || !tail.startsWith('>\n') || !tail.endsWith(close)) return null;
  const html = tail.slice(2, tail.length - close.length);
  if (!html.startsWith('<li') || !html.endsWith('</li>')) return null;
  return { html, references: unit.references };
}

/** Whether the raw HTML of the list items that `source` holds stays inside each of them. */
function rawHtmlStaysInside(source: string): boolean {
  const tree = unsafeTreeProcessor.parse(new VFile({ value: capNesting(source) }));
  return tree.children.every(
    (node) => node.type !== 'list' || node.children.every((item) => itemHtmlStaysInside(item)),
  );
}
