/**
 * Re-reading a large block after a change inside one value, without parsing the whole block.
 *
 * The top-level pairs of a block mapping are independent: given the indentation of the map,
 * where one pair's lines end and the next key's line starts is fixed, and nothing one pair
 * writes can change how another reads, except anchors and aliases (which Folio never takes
 * this path for) and lines that end the document or the fence (`---`, `...`, directives,
 * which are refused). So when a change lies after one pair's key and before the next key's
 * line, parsing that pair's lines alone gives exactly the nodes a full parse would give, at
 * shifted offsets. Anything else, or any doubt, and the caller parses the whole block.
 */
import {
  isAlias,
  isCollection,
  isMap,
  isPair,
  isScalar,
  parseDocument,
  visit,
  type Document,
  type DocumentOptions,
  type Node as YamlNode,
  type ParseOptions,
  type Pair,
  type SchemaOptions,
} from 'yaml';

/** A top-level pair as `yaml` gives it. */
export type AnyPair = Pair<YamlNode, YamlNode | null>;

/** Where one top-level pair's lines lie in the whole text. */
export interface PairSegment {
  /** Start of the key's line. */
  readonly from: number;
  /** Start of the next key's line, or the end of the block content. */
  readonly to: number;
  /** Just after the key: changes must start here or later. */
  readonly keyEnd: number;
}

/** Lines at column 0 that would end the document or the block when they appear inside a value. */
const documentMarker = /(?:^|[\r\n])(?:(?:---|\.\.\.)(?=[ \t\r\n]|$)|%)/;

function lineStart(text: string, at: number): number {
  let i = at;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

/** The lines of pair `index` of a block map whose content starts at `base` and ends at `contentTo`. */
export function pairSegment(
  pairs: readonly AnyPair[],
  index: number,
  text: string,
  base: number,
  contentTo: number,
): PairSegment | null {
  const pair = pairs[index];
  const next = pairs[index + 1];
  if (!pair?.key?.range || (next && !next.key?.range)) return null;
  return {
    from: lineStart(text, base + pair.key.range[0]),
    to: next ? lineStart(text, base + next.key.range![0]) : contentTo,
    keyEnd: base + pair.key.range[1],
  };
}

function hasNodeProperties(node: YamlNode | Document): boolean {
  let found = false;
  visit(node, (_key, n) => {
    if (isAlias(n) || ((isScalar(n) || isCollection(n)) && (n.anchor || n.tag))) {
      found = true;
      return visit.BREAK;
    }
    return undefined;
  });
  return found;
}

/** True when the pair (or anything in it) has an anchor, an alias or an explicit tag. */
export function pairHasNodeProperties(pair: AnyPair): boolean {
  return (
    (pair.key !== null && hasNodeProperties(pair.key)) ||
    (pair.value !== null && hasNodeProperties(pair.value))
  );
}

/**
 * Parses one pair's lines alone and returns the pair when they read as exactly one plain
 * top-level pair with key `key`: no error or warning, a line break at the end (so the next key
 * still starts a line), no document markers, no anchors, aliases or tags. Otherwise `null`.
 */
export function parseLonePair(
  segment: string,
  key: string,
  options: ParseOptions & DocumentOptions & SchemaOptions,
): AnyPair | null {
  if (!/[\r\n]$/.test(segment) || documentMarker.test(segment)) return null;
  const doc = parseDocument(segment, options);
  if (doc.errors.length > 0 || doc.warnings.length > 0) return null;
  const contents = doc.contents;
  if (!isMap(contents) || contents.flow || contents.items.length !== 1) return null;
  const pair = contents.items[0] as AnyPair;
  if (!isScalar(pair.key) || pair.key.value !== key || hasNodeProperties(doc)) return null;
  return pair;
}

function shifted(
  range: readonly number[] | null | undefined,
  by: number,
): [number, number, number] | undefined {
  return range ? [range[0]! + by, range[1]! + by, range[2]! + by] : undefined;
}

/** Moves every range in `node` by `by` (new arrays: ranges are never shared, but be safe). */
export function shiftNode(node: unknown, by: number): void {
  if (by === 0 || node === null || typeof node !== 'object') return;
  if (isPair(node)) {
    shiftNode(node.key, by);
    shiftNode(node.value, by);
    return;
  }
  if (isScalar(node) || isAlias(node) || isCollection(node)) {
    const range = shifted(node.range, by);
    if (range) node.range = range;
    if (isCollection(node)) for (const item of node.items) shiftNode(item, by);
  }
}

/** The part of `before` and `after` that differs: `[from, beforeTo, afterTo)`. */
export function changedSpan(
  before: string,
  after: string,
): { from: number; beforeTo: number; afterTo: number } {
  const limit = Math.min(before.length, after.length);
  let from = 0;
  while (from < limit && before.charCodeAt(from) === after.charCodeAt(from)) from++;
  let tail = 0;
  while (
    tail < limit - from &&
    before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)
  ) {
    tail++;
  }
  return { from, beforeTo: before.length - tail, afterTo: after.length - tail };
}
