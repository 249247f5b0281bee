import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  visit,
  type Document,
  type Node as YamlNode,
  type Pair,
  type Scalar,
} from 'yaml';
import { findFrontmatter, type FrontmatterBlock } from './find-block';
import {
  changedSpan,
  pairHasNodeProperties,
  pairSegment,
  parseLonePair,
  shiftNode,
  type AnyPair,
} from './reparse';

/** Largest frontmatter block Folio parses (characters). */
export const maxFrontmatterChars = 256 * 1024;

/** Most aliases a frontmatter block may use; more is treated as an alias bomb. */
export const maxFrontmatterAliases = 100;

/** Options every frontmatter parse uses: YAML 1.2 core schema, unique keys, nothing executed. */
export const yamlParseOptions = {
  schema: 'core',
  version: '1.2',
  uniqueKeys: true,
  prettyErrors: true,
  strict: true,
} as const;

/** A problem that makes the block unreadable, placed in the whole text. */
export interface FrontmatterError {
  readonly message: string;
  /** 1-based line in the whole text. */
  readonly line: number;
  /** 1-based column. */
  readonly column: number;
  /** Offset in the whole text, for "jump there". */
  readonly offset: number;
}

/** How a value is written in the source. */
export type ValueStyle = 'plain' | 'single' | 'double' | 'literal' | 'folded' | 'flow' | 'block' | 'empty';

/** What kind of value a field holds, as the form shows it. */
export type FieldKind = 'string' | 'number' | 'boolean' | 'null' | 'list' | 'object' | 'other';

/** One top-level key of the frontmatter mapping. */
export interface FrontmatterField {
  readonly key: string;
  /** Plain data (strings stay strings: dates keep their text). */
  readonly value: unknown;
  readonly kind: FieldKind;
  readonly style: ValueStyle;
  /** False for nodes the form must not edit (anchors, aliases, tags, nested objects, ...). */
  readonly editable: boolean;
  /** Why the field is read-only, in words for the author. */
  readonly reason: string | null;
  /** Offsets in the whole text: from the key to the end of the value (for "Edit as YAML"). */
  readonly from: number;
  readonly to: number;
  /** The value as written (for scalars: `1.10` stays `1.10`, a 22-digit id keeps its digits). */
  readonly source: string;
}

/** The state of the frontmatter of one text. */
export type FrontmatterStatus = 'none' | 'ok' | 'error' | 'toml' | 'unsupported';

/** Everything the form, the CLI and the editor need to know about a text's frontmatter. */
export interface FrontmatterModel {
  readonly status: FrontmatterStatus;
  readonly block: FrontmatterBlock | null;
  /** Set when `status` is `error` or `unsupported`. */
  readonly error: FrontmatterError | null;
  /** Top-level fields in file order (empty unless `status` is `ok`). */
  readonly fields: readonly FrontmatterField[];
  /** The text's dominant line ending, for inserted lines. */
  readonly lineEnding: '\n' | '\r\n';
}

/** A parsed block kept for editing: the `yaml` document and where its content starts. */
export interface ParsedBlock {
  readonly block: FrontmatterBlock;
  readonly doc: Document.Parsed;
  readonly error: FrontmatterError | null;
}

/**
 * The last few parsed blocks, keyed by the text up to the end of the closing fence (which fixes
 * every offset of the result). The form reads the block on each change and the edit that
 * follows starts from the same text, so the second full parse of a large block is skipped.
 * Parsed documents are never mutated, so sharing them is safe.
 */
const parsedCache: { key: string; value: ParsedBlock }[] = [];
const parsedCacheSize = 4;

/**
 * Parses the YAML block found in `text` (not TOML); `null` when there is none. `reuse` (default
 * true) lets a recent parse of the same or a nearly identical block answer; false always parses
 * the whole block (tests compare the two).
 */
export function parseBlock(text: string, reuse = true): ParsedBlock | null {
  const block = findFrontmatter(text);
  if (!block || block.kind !== 'yaml') return null;
  if (!reuse) return parseFoundBlock(text, block);
  const key = text.slice(0, block.to);
  const hit = parsedCache.findIndex((entry) => entry.key === key);
  if (hit >= 0) {
    const [entry] = parsedCache.splice(hit, 1);
    parsedCache.unshift(entry!);
    return entry!.value;
  }
  const recent = parsedCache[0];
  const value = (recent && reparsed(recent, key, block)) ?? parseFoundBlock(text, block);
  parsedCache.unshift({ key, value });
  if (parsedCache.length > parsedCacheSize) parsedCache.pop();
  return value;
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

function parseFoundBlock(text: string, block: FrontmatterBlock): ParsedBlock {
  const place = (offset: number, message: string): FrontmatterError => {
    const absolute = block.contentFrom + offset;
    const before = text.slice(0, absolute);
    const line = before.split(/\r\n|\r|\n/).length;
    const lastBreak = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
    return { message, line, column: absolute - lastBreak, offset: absolute };
  };
  if (block.content.length > maxFrontmatterChars) {
    const doc = parseDocument('', yamlParseOptions);
    return { block, doc, error: place(0, 'The frontmatter is too large to read (over 256 KB).') };
  }
  const doc = parseDocument(block.content, yamlParseOptions);
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem) {
    const message = problem.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    return { block, doc, error: place(problem.pos[0], describeYamlProblem(problem.code, message)) };
  }
  let aliases = 0;
  let firstAlias: number | null = null;
  visit(doc, {
    Alias(_key, node) {
      aliases++;
      firstAlias ??= node.range?.[0] ?? 0;
    },
  });
  const bomb = `These aliases expand too much (more than ${maxFrontmatterAliases}); Folio does not expand them.`;
  if (aliases > maxFrontmatterAliases) return { block, doc, error: place(firstAlias ?? 0, bomb) };
  if (aliases === 0) return { block, doc, error: null }; // nothing can expand
  try {
    doc.toJS({ maxAliasCount: maxFrontmatterAliases });
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    return { block, doc, error: place(firstAlias ?? 0, /alias/i.test(message) ? bomb : message) };
  }
  return { block, doc, error: null };
}

function describeYamlProblem(code: string, message: string): string {
  if (code === 'DUPLICATE_KEY') return `Duplicate key: ${message}`;
  if (code === 'TAG_RESOLVE_FAILED') return `Unknown tag: ${message}`;
  return message;
}

/**
 * Reads the frontmatter of `text` into a model the form and the CLI use. Never executes
 * anything. `options.reuse` is passed to {@link parseBlock} (default true).
 */
export function readFrontmatter(text: string, options: { readonly reuse?: boolean } = {}): FrontmatterModel {
  const lineEnding = dominantLineEnding(text);
  const block = findFrontmatter(text);
  if (!block) {
    // `---js`, `---json`...: other engines' executable or typed fences. Never run, never edited.
    const fence = /^\uFEFF?(---|\+\+\+)([A-Za-z][\w-]*)[ \t]*(?:\r?\n|\r|$)/.exec(text);
    if (fence) {
      const offset = text.charCodeAt(0) === 0xfeff ? 1 : 0;
      const message = `This article starts with a “${fence[1]}${fence[2]}” block, which Folio does not read (and never runs); edit it as text.`;
      return {
        status: 'unsupported',
        block: null,
        error: { message, line: 1, column: 1, offset },
        fields: [],
        lineEnding,
      };
    }
    return { status: 'none', block: null, error: null, fields: [], lineEnding };
  }
  if (block.kind === 'toml') return { status: 'toml', block, error: null, fields: [], lineEnding };
  const parsed = parseBlock(text, options.reuse ?? true)!;
  if (parsed.error) return { status: 'error', block, error: parsed.error, fields: [], lineEnding };
  const contents = parsed.doc.contents;
  if (contents === null || (isScalar(contents) && contents.value === null)) {
    return { status: 'ok', block, error: null, fields: [], lineEnding };
  }
  if (!isMap(contents) || contents.flow) {
    const offset = block.contentFrom + (contents.range?.[0] ?? 0);
    return {
      status: 'unsupported',
      block,
      error: {
        message: isMap(contents)
          ? 'The frontmatter is written as a flow mapping ({ ... }); edit it as YAML.'
          : 'The frontmatter is not a list of keys and values.',
        line: text.slice(0, offset).split(/\r\n|\r|\n/).length,
        column: 1,
        offset,
      },
      fields: [],
      lineEnding,
    };
  }
  const fields = contents.items.map((pair) =>
    describePair(pair as Pair<YamlNode, YamlNode | null>, block.contentFrom, text),
  );
  return { status: 'ok', block, error: null, fields, lineEnding };
}

/** Describes one top-level pair of a parsed block (`base`: offset of the block content in `text`). */
export function describePair(
  pair: Pair<YamlNode, YamlNode | null>,
  base: number,
  text: string,
): FrontmatterField {
  const key = pair.key;
  const value = pair.value;
  const keyText = isScalar(key)
    ? String(key.value)
    : text.slice(base + (key?.range?.[0] ?? 0), base + (key?.range?.[1] ?? 0));
  const from = base + (key?.range?.[0] ?? 0);
  const to = base + (value?.range?.[1] ?? key?.range?.[2] ?? 0);
  const data = value ? safeJS(value) : null;
  const source = value?.range
    ? text.slice(base + value.range[0], trimEnd(text, base + value.range[0], base + value.range[1]))
    : '';
  const base_ = { key: keyText, value: data, from, to: trimEnd(text, from, to), source };
  let reason: string | null = null;
  if (!isScalar(key) || typeof key.value !== 'string' || key.tag || key.anchor) reason = 'a complex key';
  else if (key.value === '<<') reason = 'a merge key';
  else if (isAlias(value)) reason = 'an alias';
  else if (value?.anchor) reason = 'an anchor';
  else if (value?.tag) reason = 'an explicit tag';
  else if (isMap(value)) reason = 'a nested object';
  else if (isSeq(value) && !value.items.every(isSimpleItem)) reason = 'a list of nested values';
  else if (isScalar(value) && isBlockScalar(value) && hasIndentIndicator(text, base, value)) {
    reason = 'a block scalar with an indentation indicator';
  }
  return {
    ...base_,
    kind: kindOf(value, data),
    style: styleOf(value),
    editable: reason === null,
    reason: reason === null ? null : `“${keyText}” is ${reason}; edit it as YAML.`,
  };
}

function trimEnd(text: string, from: number, to: number): number {
  let end = to;
  while (end > from && /[\r\n]/.test(text[end - 1]!)) end--;
  return end;
}

function safeJS(node: YamlNode): unknown {
  try {
    return node.toJSON();
  } catch {
    return null;
  }
}

function isSimpleItem(item: unknown): boolean {
  return isScalar(item) && !item.anchor && !item.tag && item.value !== null && !isBlockScalar(item);
}

function isBlockScalar(node: Scalar): boolean {
  return node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED';
}

function hasIndentIndicator(text: string, base: number, node: Scalar): boolean {
  const header = text.slice(base + node.range![0], base + node.range![0] + 4);
  return /^[|>][-+]?[1-9]|^[|>][1-9]/.test(header);
}

function kindOf(node: YamlNode | null, data: unknown): FieldKind {
  if (isSeq(node)) return 'list';
  if (isMap(node)) return 'object';
  if (data === null || data === undefined) return 'null';
  if (typeof data === 'string') return 'string';
  if (typeof data === 'number') return 'number';
  if (typeof data === 'boolean') return 'boolean';
  return 'other';
}

function styleOf(node: YamlNode | null): ValueStyle {
  if (!node) return 'empty';
  if (isSeq(node) || isMap(node)) return node.flow ? 'flow' : 'block';
  if (!isScalar(node)) return 'plain';
  switch (node.type) {
    case 'QUOTE_SINGLE':
      return 'single';
    case 'QUOTE_DOUBLE':
      return 'double';
    case 'BLOCK_LITERAL':
      return 'literal';
    case 'BLOCK_FOLDED':
      return 'folded';
    default:
      return node.range && node.range[0] === node.range[1] ? 'empty' : 'plain';
  }
}

/** The line ending most used in `text` (`\n` when there is none). */
export function dominantLineEnding(text: string): '\n' | '\r\n' {
  let crlf = 0;
  let lf = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (text[i - 1] === '\r') crlf++;
    else lf++;
  }
  return crlf > lf ? '\r\n' : '\n';
}
