/**
 * The frontmatter form's model of a text: each top-level field with its value, how it is
 * written, where it sits and whether the form may edit it. Read through the `yaml` library
 * (yaml-block.ts), with the form's recent parses (parse-cache.ts) so that an edit right after a
 * read does not parse a large block again.
 */
import { isAlias, isMap, isScalar, isSeq, type Node as YamlNode, type Pair, type Scalar } from 'yaml';
import { findFrontmatter, type FrontmatterBlock } from './find-block';
import { formParses, parseBlock, type RecentParses } from './parse-cache';
import type { FrontmatterError } from './yaml-block';

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

/**
 * Reads the frontmatter of `text` into a model the form and the CLI use. Never executes
 * anything. `options.cache` is passed to {@link parseBlock} (default {@link formParses}; `null`
 * parses the whole block).
 */
export function readFrontmatter(
  text: string,
  options: { readonly cache?: RecentParses | null } = {},
): FrontmatterModel {
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
  const parsed = parseBlock(text, options.cache === undefined ? formParses : options.cache)!;
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

/** How `node` is written in the source (`empty` for a key with no value). */
export function styleOf(node: YamlNode | null): ValueStyle {
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
