import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast';
import { sanitize } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import type { Root as MdastRoot, RootContent as MdastContent } from 'mdast';
import { normalizeUri } from 'micromark-util-sanitize-uri';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { citationsOf, neededStubs } from './definitions';
import { capNesting } from './nesting-cap';
import { noteDefinition } from './open-blocks';
import { unsafeTreeProcessor } from './pipeline';
import { afterSanitize } from './after-sanitize';
import { sanitizeSchema } from './sanitize-schema';

/** A note whose winning text changed: its identifier (upper case) and its source before and after. */
export interface NoteChange {
  readonly id: string;
  readonly before: string;
  readonly after: string;
}

/** What {@link patchFootnotes} gives: the new section and the items it replaced, by element id. */
export interface FootnotesPatch {
  readonly footer: string;
  readonly items: { id: string; html: string }[];
}

/**
 * The footnotes section of an article on its own, unsanitized: every citation of the article in
 * order (numbering and back-references depend on nothing else), then the source of every
 * top-level footnote definition and the link definitions they use, rendered as one small
 * document. `null` when nothing is cited. `stubs` are the article's definition stubs (see
 * {@link Definition.stub}); footnote stubs among them are ignored. `headingsBefore` are the texts
 * of the body's headings: headings inside notes take their slugs after them.
 */
export function footnoteSection(
  refs: readonly string[],
  footnoteSources: readonly string[],
  stubs: readonly string[],
  headingsBefore: readonly string[] = [],
): Element | null {
  if (refs.length === 0) return null;
  const notes = footnoteSources.join('\n\n');
  const links = neededStubs(
    notes,
    stubs.filter((stub) => !stub.startsWith('[^')),
  );
  // The article's definitions first, in its order: the first of a label wins, also over one
  // that a note holds and that comes later in the article.
  const source = [...links, refs.map((id) => `[^${id}]`).join(' '), notes].join('\n\n');
  const file = new VFile({ value: capNesting(source) });
  file.data.folioHeadings = { headingsBefore };
  const hast = unsafeTreeProcessor.runSync(unsafeTreeProcessor.parse(file), file) as HastRoot;
  const last = hast.children[hast.children.length - 1];
  if (last?.type !== 'element' || last.tagName !== 'section' || !('dataFootnotes' in last.properties))
    return null;
  return last;
}

/** {@link footnoteSection} sanitized and serialized: `''` when nothing is cited. */
export function footnotesHtml(
  refs: readonly string[],
  footnoteSources: readonly string[],
  stubs: readonly string[],
  headingsBefore: readonly string[],
): string {
  const section = footnoteSection(refs, footnoteSources, stubs, headingsBefore);
  if (!section) return '';
  const safe = sanitize({ type: 'root', children: [section] }, sanitizeSchema) as HastRoot;
  afterSanitize(safe);
  return toHtml(safe);
}

/**
 * Replaces the items of notes whose text changed in a footnotes section's HTML, rendering each
 * note alone: an item depends only on the note's text, its identifier, how often the body cites
 * it and its number (in the back-reference labels). `refs` are every citation of the article in
 * order, `linkStubs` its link definition stubs. `null` when that does not hold (a note citing
 * notes, a note cited only from notes, a heading in the note) or the old item is not found once.
 */
export function patchFootnotes(
  footer: string,
  notes: readonly NoteChange[],
  refs: readonly string[],
  linkStubs: readonly string[],
): FootnotesPatch | null {
  const order: string[] = [];
  const counts = new Map<string, number>();
  for (const id of refs) {
    if (!counts.has(id)) order.push(id);
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const items: { id: string; html: string }[] = [];
  for (const { id, before, after } of notes) {
    if (citesNotes(before) || citesNotes(after)) return null;
    const number = order.indexOf(id) + 1;
    if (number === 0) return null;
    const oldItem = footnoteItem(id, before, counts.get(id)!, number, linkStubs);
    const newItem = footnoteItem(id, after, counts.get(id)!, number, linkStubs);
    if (!oldItem || !newItem) return null;
    const at = footer.indexOf(oldItem.html);
    if (at < 0 || footer.indexOf(oldItem.html, at + 1) >= 0) return null;
    footer = footer.slice(0, at) + newItem.html + footer.slice(at + oldItem.html.length);
    items.push(newItem);
  }
  return { footer, items };
}

/** The footnotes-section item of one note, rendered alone (see {@link patchFootnotes}). */
function footnoteItem(
  id: string,
  source: string,
  count: number,
  number: number,
  linkStubs: readonly string[],
): { id: string; html: string } | null {
  const links = neededStubs(source, linkStubs);
  const cites = Array.from({ length: count }, () => `[^${id}]`).join(' ');
  const file = new VFile({ value: capNesting([...links, cites, source].join('\n\n')) });
  const hast = unsafeTreeProcessor.runSync(unsafeTreeProcessor.parse(file), file) as HastRoot;
  const section = hast.children[hast.children.length - 1];
  if (section?.type !== 'element' || section.tagName !== 'section') return null;
  const list = section.children.find(
    (node): node is Element => node.type === 'element' && node.tagName === 'ol',
  );
  const items = list?.children.filter((node): node is Element => node.type === 'element') ?? [];
  if (items.length !== 1) return null;
  // Alone it is note 1: give its back-references the number it has in the article.
  visit(items[0]!, 'element', (node: Element) => {
    const label = node.properties.ariaLabel;
    if (typeof label === 'string' && 'dataFootnoteBackref' in node.properties) {
      node.properties.ariaLabel = label.replace(/^Back to reference 1(?=-|$)/, `Back to reference ${number}`);
    }
  });
  const safe = sanitize({ type: 'root', children: [items[0]!] }, sanitizeSchema) as HastRoot;
  afterSanitize(safe);
  const item = safe.children[0];
  if (item?.type !== 'element') return null;
  const html = toHtml(safe);
  // Alone, a heading in the note would take its id without the body's headings before it.
  if (/<h[1-6][\s>]/.test(html)) return null;
  return { id: String(item.properties.id ?? ''), html };
}

/** Whether a footnote definition's text (after its label) may cite notes. */
function citesNotes(definition: string): boolean {
  return noteDefinition(definition)
    .replace(/^[ \t]*\[\^(?:\\.|[^\]\\])*\]:/, '')
    .includes('[^');
}

/** Whether the notes of a footnotes section's HTML hold headings (besides its own label). */
export function notesHoldHeadings(footer: string): boolean {
  return /<h[1-6][\s>]/.test(footer.slice(footer.indexOf('<ol')));
}

/** Whether a footnote definition holds a heading (its slug would depend on the footnotes order). */
export function hasFootnoteHeading(tree: MdastRoot): boolean {
  let found = false;
  visit(tree, 'footnoteDefinition', (definition) => {
    visit(definition, 'heading', () => {
      found = true;
    });
  });
  return found;
}

/** Whether a footnotes section lies somewhere inside these nodes (raw HTML left open around it). */
export function holdsFootnotesSection(children: readonly HastContent[]): boolean {
  let found = false;
  visit({ type: 'root', children: [...children] } as HastRoot, 'element', (node: Element) => {
    if (node.tagName === 'section' && 'dataFootnotes' in node.properties) found = true;
  });
  return found;
}

/**
 * Gives the footnote citations of a re-rendered window (`nodes`, rendered from the mdast
 * `blocks`) the numbers and ids a full render gives them, after the citations `before` it:
 * numbered by first citation in the whole article, `-2`, `-3` for repeats. Answers whether a
 * number shown changed (a heading that holds it takes its id from it).
 */
export function renumberFootnotes(
  nodes: readonly HastContent[],
  blocks: readonly MdastContent[],
  before: readonly string[],
): boolean {
  const ids = blocks.flatMap(citationsOf);
  const links: Element[] = [];
  visit({ type: 'root', children: [...nodes] } as HastRoot, 'element', (node: Element) => {
    if (node.tagName === 'a' && 'dataFootnoteRef' in node.properties) links.push(node);
  });
  return renumberFootnoteLinks(links, ids, before);
}

/**
 * {@link renumberFootnotes} given the window's citation links (`a[data-footnote-ref]`, in
 * order) and the identifiers they cite (`ids`, as {@link citationsOf} gives them). Answers
 * whether a number shown changed.
 */
export function renumberFootnoteLinks(
  links: readonly Element[],
  ids: readonly string[],
  before: readonly string[],
): boolean {
  let changed = false;
  const order: string[] = [];
  const counts = new Map<string, number>();
  for (const id of before) {
    if (!counts.has(id)) order.push(id);
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  links.forEach((link, index) => {
    const id = ids[index];
    if (id === undefined) return;
    const reuse = (counts.get(id) ?? 0) + 1;
    if (!counts.has(id)) order.push(id);
    counts.set(id, reuse);
    const safeId = normalizeUri(id.toLowerCase());
    link.properties.id = `fnref-${safeId}${reuse > 1 ? `-${reuse}` : ''}`;
    const number = String(order.indexOf(id) + 1);
    const shown = link.children[0];
    if (link.children.length !== 1 || shown?.type !== 'text' || shown.value !== number) changed = true;
    link.children = [{ type: 'text', value: number }] as ElementContent[];
  });
  return changed;
}
