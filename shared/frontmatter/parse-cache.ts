/**
 * The form's recent parses. The form reads the block on each change and the edit that follows
 * starts from the same text, so keeping the last few parses skips a second full parse of a large
 * block; an edit inside one top-level value re-parses only that pair (see reparse.ts). Parsed
 * documents are never mutated, so sharing them is safe.
 */
import { isMap, isScalar, type Document } from 'yaml';
import { findFrontmatter, type FrontmatterBlock } from './find-block';
import {
  changedSpan,
  pairHasNodeProperties,
  pairSegment,
  parseLonePair,
  shiftNode,
  type AnyPair,
} from './reparse';
import { parseYamlBlock, yamlParseOptions, type ParsedBlock } from './yaml-block';

/**
 * The last few parsed blocks, keyed by the text up to the end of the closing fence (which fixes
 * every offset of the result), most recent first.
 */
export class RecentParses {
  private readonly entries: { key: string; value: ParsedBlock }[] = [];

  /** `size`: how many parses are kept (default 4). */
  constructor(private readonly size = 4) {}

  /**
   * The parse of the YAML `block` found in `text`: a kept one for the same text up to the
   * closing fence, else one made from the most recent parse when only one top-level value
   * changed, else a whole new parse. Remembers the answer.
   */
  parse(text: string, block: FrontmatterBlock): ParsedBlock {
    const key = text.slice(0, block.to);
    const hit = this.entries.findIndex((entry) => entry.key === key);
    if (hit >= 0) {
      const [entry] = this.entries.splice(hit, 1);
      this.entries.unshift(entry!);
      return entry!.value;
    }
    const recent = this.entries[0];
    const value = (recent && reparsed(recent, key, block)) ?? parseYamlBlock(block);
    this.entries.unshift({ key, value });
    if (this.entries.length > this.size) this.entries.pop();
    return value;
  }
}

/** The parses the form model (form-model.ts) and the edits (edit.ts) share by default. */
export const formParses = new RecentParses();

/**
 * Parses the YAML block found in `text` (not TOML); `null` when there is none. `cache` (default
 * {@link formParses}) lets a recent parse of the same or a nearly identical block answer; `null`
 * always parses the whole block (tests compare the two).
 */
export function parseBlock(text: string, cache: RecentParses | null = formParses): ParsedBlock | null {
  const block = findFrontmatter(text);
  if (!block || block.kind !== 'yaml') return null;
  return cache ? cache.parse(text, block) : parseYamlBlock(block);
}

/**
 * The block of `key` (a text up to its closing fence) from the recent parse of `previous`, when
 * the two differ inside one top-level value: only that pair's lines are parsed (see
 * reparse.ts) and the rest of the previous document is reused at shifted offsets. `null` when
 * that does not apply, so the caller parses the whole block. The previous document is cloned,
 * never changed: it stays valid for its own text.
 */
function reparsed(
  previous: { key: string; value: ParsedBlock },
  key: string,
  block: FrontmatterBlock,
): ParsedBlock | null {
  const old = previous.value;
  const contents = old.doc.contents;
  if (old.error || old.block.contentFrom !== block.contentFrom || !isMap(contents) || contents.flow) {
    return null;
  }
  const delta = key.length - previous.key.length;
  if (block.contentTo !== old.block.contentTo + delta) return null;
  const span = changedSpan(previous.key, key);
  const base = block.contentFrom;
  const pairs = contents.items as AnyPair[];
  let index = -1;
  for (let i = 0; i < pairs.length && base + (pairs[i]!.key?.range?.[1] ?? Infinity) <= span.from; i++)
    index = i;
  const segment = pairSegment(pairs, index, previous.key, base, old.block.contentTo);
  if (!segment || span.from < segment.keyEnd || span.beforeTo > segment.to) return null;
  const oldPair = pairs[index]!;
  if (!isScalar(oldPair.key) || typeof oldPair.key.value !== 'string' || pairHasNodeProperties(oldPair)) {
    return null;
  }
  const pair = parseLonePair(
    key.slice(segment.from, segment.to + delta),
    oldPair.key.value,
    yamlParseOptions,
  );
  if (!pair) return null;
  const doc = old.doc.clone() as Document.Parsed;
  const items = (doc.contents as typeof contents).items as AnyPair[];
  shiftNode(pair, segment.from - base);
  for (let i = index + 1; i < items.length; i++) shiftNode(items[i], delta);
  items[index] = pair;
  const [start, valueEnd, nodeEnd] = (doc.contents as typeof contents).range ?? [0, 0, 0];
  (doc.contents as typeof contents).range = [start, valueEnd + delta, nodeEnd + delta];
  if (doc.range) doc.range = [doc.range[0], doc.range[1] + delta, doc.range[2] + delta];
  return { block, doc, error: null };
}
