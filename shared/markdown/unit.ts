import type { Element, Root as HastRoot, RootContent as HastContent } from 'hast';
import { sanitize } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import type { Nodes as MdastNodes } from 'mdast';
import { visit } from 'unist-util-visit';
import { afterSanitize } from './after-sanitize';
import { wellNested, type Block } from './cut-units';
import { citationsOf, definitionsOf, type Definition } from './definitions';
import { innerMarker, withMarkers, type InnerBlock, type InnerRun } from './inner-blocks';
import { clobberPrefix, headingAnchorId } from './heading-anchors';
import { noteSource, openThroughBlankLines, staysOpen } from './open-blocks';
import type { ListItemFacts } from './list-item-facts';
import { sanitizeSchema } from './sanitize-schema';

/**
 * One unit of an article as the incremental renderer keeps it: a top-level block, or blocks that
 * raw HTML couples, with its HTML and what it tells the rest of the article.
 */
export interface Unit {
  /** Stable identity while its HTML is unchanged (the preview keeps its DOM). */
  key: number;
  /** Offset of the start of the unit's first line. */
  from: number;
  /** Offset of the end of the unit's last line (before its line break). */
  to: number;
  line: number;
  lineEnd: number;
  /** Whether remark-rehype writes something for it (definitions and frontmatter write nothing). */
  produces: boolean;
  /** HTML around the source-line attributes of its top-level elements. */
  segments: string[];
  /** Source lines of those elements, relative to `line`. */
  rels: [number, number][];
  /** Link and footnote definitions inside it, in source order. */
  defs: Definition[];
  /** Markdown that defines the same labels, to parse other parts of the article against. */
  stubs: string[];
  /** Identifiers of its footnote citations in order (upper case). */
  footnoteRefs: string[];
  /** Source of its top-level footnote definitions, to render the footnotes section alone. */
  footnoteSources: string[];
  /**
   * Whether micromark holds its last block open after its last line, and through the blank
   * lines after it, for the next block to interrupt (see open-blocks.ts).
   */
  endsOpen: boolean;
  openThroughBlankLines: boolean;
  /**
   * Whether its last block is a list: micromark reads each line of indented code after a list
   * (and blank lines) as a code block of its own, which the code read alone is not.
   */
  endsWithList: boolean;
  /** Whether it holds a footnote definition inside a container (a quote, a list). */
  nestedFootnotes: boolean;
  /** Identifiers of the link and image references it uses (upper case, as definitions match). */
  references: string[];
  /** Whether its raw HTML closes every element it opens, in order (see `wellNested`). */
  nests: boolean;
  /** Texts of its headings that took a slug, in order. */
  headings: string[];
  /** The ids those headings took (before the sanitizer's prefix). */
  headingIds: string[];
  /** Its first block continues an HTML block of the unit before it (see html-block-lines.ts). */
  continues: boolean;
  /** Blocks inside it whose HTML can be replaced alone (units that raw HTML couples; see inner-blocks.ts). */
  inner?: InnerBlock[];
}

const linePlaceholder = ' data-line="0" data-line-end="0"';

/** Where the HTML of an inner block sits in a serialized node. */
interface InnerPlace {
  readonly block: Block;
  readonly raw: boolean;
  readonly at: number;
  readonly length: number;
  readonly listItem?: ListItemFacts;
}

/** A top-level node sanitized and serialized (see {@link serializeNode}). */
export interface Serialized {
  /** The node sanitized and serialized, its source lines replaced by a placeholder. */
  readonly out: string;
  readonly lines: [number, number] | null;
  /** Where the HTML of the inner blocks it holds sits in `out`. */
  readonly inner?: readonly InnerPlace[];
}

/** Sanitizes and serializes a top-level node, its source lines replaced by a placeholder. */
export function serializeNode(node: HastContent): Serialized {
  let lines: [number, number] | null = null;
  if (node.type === 'element' && typeof node.properties.dataLine === 'number') {
    lines = [node.properties.dataLine, Number(node.properties.dataLineEnd)];
    node.properties.dataLine = 0;
    node.properties.dataLineEnd = 0;
  }
  return { out: serializeAlone([node]), lines };
}

/** Nodes sanitized and serialized on their own. */
function serializeAlone(nodes: readonly HastContent[]): string {
  const safe = sanitize({ type: 'root', children: [...nodes] }, sanitizeSchema) as HastRoot;
  afterSanitize(safe);
  return toHtml(safe);
}

/**
 * {@link serializeNode} of a node holding inner blocks: the nodes of each are serialized on their
 * own and put back where a marker stood in their place, so that the result is the same HTML and
 * says where each inner block's HTML is.
 */
export function serializeWithInner(
  node: HastContent,
  inner: ReadonlyMap<Element, readonly InnerRun[]>,
): Serialized {
  const { result, runs } = withMarkers(node, inner, () => serializeNode(node));
  let out = result.out;
  const places: InnerPlace[] = [];
  let searchFrom = 0;
  runs.forEach((run, index) => {
    const marker = innerMarker(index);
    const at = out.indexOf(marker, searchFrom);
    if (at < 0) return;
    const html = serializeAlone(run.parent.children.slice(run.index, run.index + run.count));
    out = out.slice(0, at) + html + out.slice(at + marker.length);
    places.push({
      block: run.block,
      raw: run.raw,
      at,
      length: html.length,
      ...(run.listItem ? { listItem: run.listItem } : {}),
    });
    searchFrom = at + html.length;
  });
  return { out, lines: result.lines, inner: places };
}

/** A serialized node's HTML with its source lines written in. */
export function withLines({ out, lines }: Serialized): string {
  const at = lines ? out.indexOf(linePlaceholder) : -1;
  if (!lines || at < 0) return out;
  return `${out.slice(0, at)} data-line="${lines[0]}" data-line-end="${lines[1]}"${out.slice(at + linePlaceholder.length)}`;
}

/** A unit from its blocks and its top-level hast nodes. */
export function unitOf(
  group: readonly Block[],
  nodes: readonly HastContent[],
  windowText: string,
  from: number,
  serialize: (node: HastContent) => Serialized,
  key: number,
): Unit {
  const unitLine = group[0]!.line;
  const segments: string[] = [];
  const rels: [number, number][] = [];
  const inner: InnerBlock[] = [];
  let html = '';
  const headings: string[] = [];
  const headingIds: string[] = [];
  visit({ type: 'root', children: [...nodes] } as HastRoot, 'element', (node: Element) => {
    const text = (node.data as { folioSlugText?: string } | undefined)?.folioSlugText;
    if (text !== undefined) {
      headings.push(text);
      headingIds.push(String(node.properties.id));
    }
  });
  const unitFrom = group[0]!.from;
  for (const node of nodes) {
    const { out, lines, inner: places } = serialize(node);
    const at = lines ? out.indexOf(linePlaceholder) : -1;
    if (lines && at >= 0) {
      segments.push(html + out.slice(0, at));
      rels.push([lines[0] - unitLine, lines[1] - unitLine]);
      html = out.slice(at + linePlaceholder.length);
      // Only blocks inside an element with source lines: its end line moves with theirs.
      for (const place of places ?? []) {
        if (place.at < at) continue;
        const index = group.indexOf(place.block);
        inner.push({
          from: place.block.from - unitFrom,
          to: place.block.to - unitFrom,
          line: place.block.line - unitLine,
          lineEnd: place.block.lineEnd - unitLine,
          segment: segments.length,
          at: place.at - at - linePlaceholder.length,
          length: place.length,
          raw: place.raw,
          afterContainer: index > 0 && ['list', 'footnoteDefinition'].includes(group[index - 1]!.node.type),
          verified: false,
          ...(place.listItem
            ? {
                listItem: {
                  first: place.listItem.first,
                  loose: place.listItem.loose,
                  item: place.listItem.item,
                  ...(place.listItem.tail === undefined ? {} : { tail: place.listItem.tail }),
                },
              }
            : {}),
        });
      }
    } else {
      html += out;
    }
  }
  segments.push(html);
  const defs: Definition[] = [];
  const footnoteRefs: string[] = [];
  const footnoteSources: string[] = [];
  const references: string[] = [];
  let nestedFootnotes = false;
  for (const block of group) {
    visit(block.node as MdastNodes, (node) => {
      if (node.type === 'linkReference' || node.type === 'imageReference')
        references.push(node.identifier.toUpperCase());
    });
    defs.push(...definitionsOf(block.node, windowText, block.interrupts === true));
    footnoteRefs.push(...citationsOf(block.node));
    if (block.node.type === 'footnoteDefinition') {
      footnoteSources.push(
        noteSource(windowText.slice(block.from - from, block.to - from), block.interrupts === true),
      );
    } else {
      visit(block.node as MdastNodes, 'footnoteDefinition', () => {
        nestedFootnotes = true;
      });
    }
  }
  return {
    key,
    from: group[0]!.from,
    to: group[group.length - 1]!.to,
    line: unitLine,
    lineEnd: group[group.length - 1]!.lineEnd,
    continues: group[0]!.continues === true,
    produces: nodes.length > 0,
    segments,
    rels,
    defs,
    stubs: defs.map((def) => def.stub),
    footnoteRefs,
    footnoteSources,
    nestedFootnotes,
    references,
    nests: wellNested(group),
    endsOpen: staysOpen(group[group.length - 1]!.node, windowText),
    openThroughBlankLines: openThroughBlankLines(group[group.length - 1]!.node, windowText),
    endsWithList: group[group.length - 1]!.node.type === 'list',
    headings,
    headingIds,
    ...(inner.length > 0 ? { inner } : {}),
  };
}

/** A unit's HTML with its source lines, as if it started on `line`. */
export function unitHtml(unit: Unit, line = unit.line): string {
  let html = unit.segments[0]!;
  for (let index = 0; index < unit.rels.length; index++) {
    const [start, end] = unit.rels[index]!;
    html += ` data-line="${line + start}" data-line-end="${line + end}"${unit.segments[index + 1]!}`;
  }
  return html;
}

/** Moves the units from `units[from]` on by `delta` characters and `lineDelta` lines. */
export function shiftUnits(units: readonly Unit[], from: number, delta: number, lineDelta: number): void {
  for (let index = from; index < units.length; index++) {
    const unit = units[index]!;
    unit.from += delta;
    unit.to += delta;
    unit.line += lineDelta;
    unit.lineEnd += lineDelta;
  }
}

/**
 * Gives a unit's headings new ids (`ids`, slugs in order, as `unit.headingIds`) in its HTML,
 * where nothing else depends on them: answers false, changing nothing, when an id is not found
 * in order as a heading's first attribute, or lies in the sanitizer's prefix space (where ids
 * written in the article's HTML live too).
 */
export function renameHeadings(unit: Unit, ids: readonly string[]): boolean {
  if (ids.length !== unit.headingIds.length) return false;
  const anchors = (list: readonly string[]): string[] => list.map(headingAnchorId);
  const [before, after] = [anchors(unit.headingIds), anchors(ids)];
  if ([...before, ...after].some((id) => id.startsWith(clobberPrefix))) return false;
  const segments = [...unit.segments];
  let segment = 0;
  let at = 0;
  for (let index = 0; index < before.length; index++) {
    const pattern = new RegExp(`<h[1-6] id="${escapeRegExp(before[index]!)}"`, 'g');
    let found: RegExpExecArray | null = null;
    for (; segment < segments.length; segment++, at = 0) {
      pattern.lastIndex = at;
      found = pattern.exec(segments[segment]!);
      if (found) break;
    }
    if (!found) return false;
    const idAt = found.index + found[0].indexOf('"') + 1;
    const text = segments[segment]!;
    segments[segment] = text.slice(0, idAt) + after[index]! + text.slice(idAt + before[index]!.length);
    at = idAt + after[index]!.length + 1;
  }
  unit.segments = segments;
  unit.headingIds = [...ids];
  return true;
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
