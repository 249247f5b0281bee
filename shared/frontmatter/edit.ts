/**
 * Edits frontmatter as text: every operation returns the smallest splices that change one
 * value, and re-parses the result to prove that nothing else changed. The block is never
 * regenerated from an object, so comments, key order, quoting, indentation, blank lines,
 * anchors and line endings stay as they were.
 */
import { isMap, isScalar, isSeq, type Node as YamlNode, type Pair, type Scalar, type YAMLSeq } from 'yaml';
import { findFrontmatter } from './find-block';
import { describePair, dominantLineEnding, readFrontmatter, type ValueStyle } from './form-model';
import { parseBlock } from './parse-cache';
import { yamlParseOptions, type ParsedBlock } from './yaml-block';
import { pairSegment, parseLonePair } from './reparse';
import {
  blockScalar,
  inlineScalar,
  isYamlSource,
  keySource,
  sameData,
  scalarData,
  type ScalarValue,
} from './scalar-source';

/** One text change, in offsets of the text it was computed on (CodeMirror's change shape). */
export interface TextEdit {
  readonly from: number;
  readonly to: number;
  readonly insert: string;
}

/** A list item the engine can write. */
export type ListItem = string | number | boolean;

/** Any value a form field or the CLI can set. */
export type FieldValue = ScalarValue | readonly ListItem[];

/** Why an edit was refused; the text is left as it was. */
export class FrontmatterEditError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FrontmatterEditError';
  }
}

/** Applies non-overlapping `edits` (in offsets of `text`) and returns the new text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.from - b.from);
  let out = '';
  let at = 0;
  for (const edit of sorted) {
    out += text.slice(at, edit.from) + edit.insert;
    at = edit.to;
  }
  return out + text.slice(at);
}

type AnyPair = Pair<YamlNode, YamlNode | null>;

interface Context {
  readonly text: string;
  readonly parsed: ParsedBlock | null;
  readonly base: number;
  readonly eol: string;
  readonly pairs: readonly AnyPair[];
}

function context(text: string): Context {
  const block = findFrontmatter(text);
  if (block?.kind === 'toml')
    throw new FrontmatterEditError('TOML frontmatter is not edited by Folio; edit it as text.');
  const eol = block
    ? /\r\n$/.test(text.slice(block.from, block.contentFrom))
      ? '\r\n'
      : '\n'
    : dominantLineEnding(text);
  const parsed = parseBlock(text);
  if (!parsed) {
    const model = block ? null : readFrontmatter(text);
    if (model?.status === 'unsupported') throw new FrontmatterEditError(model.error!.message);
    return { text, parsed: null, base: 0, eol, pairs: [] };
  }
  if (parsed.error) {
    throw new FrontmatterEditError(
      `The frontmatter is not valid (line ${parsed.error.line}, column ${parsed.error.column}: ${parsed.error.message}); fix it as YAML first.`,
    );
  }
  const contents = parsed.doc.contents;
  let pairs: AnyPair[] = [];
  if (isMap(contents)) {
    if (contents.flow) throw new FrontmatterEditError('The frontmatter is a flow mapping; edit it as YAML.');
    pairs = contents.items as AnyPair[];
  } else if (contents !== null && !(isScalar(contents) && contents.value === null)) {
    throw new FrontmatterEditError('The frontmatter is not a list of keys and values.');
  }
  return { text, parsed, base: parsed.block.contentFrom, eol, pairs };
}

function findPair(ctx: Context, key: string): AnyPair | null {
  return ctx.pairs.find((pair) => isScalar(pair.key) && pair.key.value === key) ?? null;
}

function checkEditable(ctx: Context, key: string): void {
  const pair = findPair(ctx, key);
  if (!pair) return;
  const field = describePair(pair, ctx.base, ctx.text);
  if (!field.editable) throw new FrontmatterEditError(field.reason ?? `“${key}” cannot be edited here.`);
}

function lineStart(text: string, at: number): number {
  let i = at;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

function afterLine(text: string, at: number): number {
  let i = at;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  if (text[i] === '\r' && text[i + 1] === '\n') return i + 2;
  return i < text.length ? i + 1 : i;
}

function trimBreaks(text: string, from: number, to: number): number {
  let end = to;
  while (end > from && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  return end;
}

/** Where the value of `pair` may be replaced: just after the `:` to the end of the value. */
function valueSpan(ctx: Context, pair: AnyPair): { from: number; to: number } {
  const keyEnd = ctx.base + pair.key.range![1];
  const colon = ctx.text.indexOf(':', keyEnd);
  const from = colon + 1;
  const value = pair.value;
  const to = value?.range ? trimBreaks(ctx.text, from, ctx.base + value.range[1]) : from;
  return { from, to: Math.max(from, to) };
}

function keyColumn(ctx: Context, pair: AnyPair): number {
  const start = ctx.base + pair.key.range![0];
  return start - lineStart(ctx.text, start);
}

/** The indentation of top-level keys and of block list items relative to their key. */
function layout(ctx: Context): { keyIndent: string; seqIndent: string } {
  const first = ctx.pairs[0];
  const keyIndent = first ? ' '.repeat(keyColumn(ctx, first)) : '';
  for (const pair of ctx.pairs) {
    if (isSeq(pair.value) && !pair.value.flow && pair.value.items[0]) {
      const dash = dashOffset(ctx, pair.value.items[0] as YamlNode);
      return {
        keyIndent,
        seqIndent: ' '.repeat(Math.max(0, dash - lineStart(ctx.text, dash) - keyIndent.length)),
      };
    }
  }
  return { keyIndent, seqIndent: '  ' };
}

function dashOffset(ctx: Context, item: YamlNode): number {
  // Search before the item: the item's own text may start with a dash.
  let i = ctx.base + item.range![0] - 1;
  while (i > 0 && ctx.text[i] !== '-') i--;
  return i;
}

/** Shrinks one replacement to the part that really differs, so undo and diffs stay small. */
function minimal(text: string, from: number, to: number, insert: string): TextEdit[] {
  const old = text.slice(from, to);
  if (old === insert) return [];
  let head = 0;
  while (head < old.length && head < insert.length && old[head] === insert[head]) head++;
  let tail = 0;
  while (
    tail < old.length - head &&
    tail < insert.length - head &&
    old[old.length - 1 - tail] === insert[insert.length - 1 - tail]
  ) {
    tail++;
  }
  // Never split a surrogate pair or a CRLF.
  while (head > 0 && /[\uDC00-\uDFFF\n]/.test(old[head] ?? '')) head--;
  while (tail > 0 && /[\uD800-\uDBFF\r]/.test(old[old.length - tail - 1] ?? '')) tail--;
  return [{ from: from + head, to: to - tail, insert: insert.slice(head, insert.length - tail) }];
}

function scalarStyle(value: YamlNode | null): ValueStyle {
  if (!isScalar(value)) return 'plain';
  const scalar = value as Scalar;
  switch (scalar.type) {
    case 'QUOTE_SINGLE':
      return 'single';
    case 'QUOTE_DOUBLE':
      return 'double';
    case 'BLOCK_LITERAL':
      return 'literal';
    case 'BLOCK_FOLDED':
      return 'folded';
    default:
      return 'plain';
  }
}

function blockIndent(ctx: Context, pair: AnyPair): string {
  const value = pair.value;
  if (isScalar(value) && value.range) {
    const source = ctx.text.slice(ctx.base + value.range[0], ctx.base + value.range[1]);
    const match = /\r?\n([ \t]+)\S/.exec(source);
    if (match) return match[1]!;
  }
  return ' '.repeat(keyColumn(ctx, pair) + 2);
}

function scalarInsert(ctx: Context, pair: AnyPair, value: ScalarValue, preferred?: ValueStyle): string[] {
  const style = preferred ?? scalarStyle(pair.value);
  const candidates: string[] = [];
  if (typeof value === 'string' && (style === 'literal' || style === 'folded' || /\n/.test(value))) {
    const block = blockScalar(
      value,
      style === 'folded' ? 'folded' : 'literal',
      blockIndent(ctx, pair),
      ctx.eol,
    );
    if (block !== null && (style === 'literal' || style === 'folded')) candidates.push(` ${block}`);
  }
  candidates.push(` ${inlineScalar(value, style)}`);
  return candidates;
}

function setScalarEdits(ctx: Context, key: string, value: ScalarValue, style?: ValueStyle): TextEdit[] {
  const pair = findPair(ctx, key);
  if (!pair) return addKeyEdits(ctx, key, value);
  const span = valueSpan(ctx, pair);
  const blockValue =
    isScalar(pair.value) && (pair.value.type === 'BLOCK_LITERAL' || pair.value.type === 'BLOCK_FOLDED');
  // A block scalar's range ends after its last line break; keep that break out of the splice.
  const fullTo = blockValue && pair.value?.range ? ctx.base + pair.value.range[1] : span.to;
  let lastError: unknown = null;
  for (const candidate of scalarInsert(ctx, pair, value, style)) {
    const isBlock = /^ [|>]/.test(candidate);
    const to = isBlock ? afterLineEnd(ctx.text, fullTo) : span.to;
    const edits = minimal(ctx.text, span.from, to, candidate);
    try {
      verify(ctx, edits, { key, kind: 'set', value: scalarData(value) });
      return edits;
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError instanceof Error ? lastError : new FrontmatterEditError(`“${key}” could not be set.`);
}

function afterLineEnd(text: string, at: number): number {
  // Block scalar ranges end after the line break of their last line (or at the end of text).
  if (at > 0 && (text[at - 1] === '\n' || text[at - 1] === '\r')) return at;
  return afterLine(text, at);
}

function listItemsSource(items: readonly ListItem[], reuse: Map<string, string[]>, flow: boolean): string[] {
  return items.map((item) => {
    const bucket = reuse.get(JSON.stringify(item));
    const reused = bucket?.shift();
    return reused ?? inlineScalar(item, 'plain', flow);
  });
}

function reusableItems(ctx: Context, seq: YAMLSeq): Map<string, string[]> {
  const reuse = new Map<string, string[]>();
  for (const item of seq.items as Scalar[]) {
    const key = JSON.stringify(item.toJSON());
    const source = ctx.text.slice(ctx.base + item.range![0], ctx.base + item.range![1]);
    reuse.set(key, [...(reuse.get(key) ?? []), source]);
  }
  return reuse;
}

function setListEdits(ctx: Context, key: string, items: readonly ListItem[]): TextEdit[] {
  const pair = findPair(ctx, key);
  if (!pair) return addKeyEdits(ctx, key, items);
  const value = pair.value;
  const span = valueSpan(ctx, pair);
  let edits: TextEdit[];
  if (isSeq(value) && !value.flow && items.length > 0) {
    edits = blockListEdits(ctx, value, items);
  } else if (isSeq(value) && value.flow) {
    const source = ctx.text.slice(ctx.base + value.range![0], ctx.base + value.range![1]);
    const padded = /^\[\s/.test(source) && items.length > 0;
    const inner = listItemsSource(items, reusableItems(ctx, value), true).join(', ');
    const insert = padded ? `[ ${inner} ]` : `[${inner}]`;
    edits = minimal(
      ctx.text,
      ctx.base + value.range![0],
      trimBreaks(ctx.text, 0, ctx.base + value.range![1]),
      insert,
    );
  } else if (items.length === 0) {
    edits = minimal(ctx.text, span.from, span.to, ' []');
  } else {
    const { keyIndent, seqIndent } = layout(ctx);
    const lines = listItemsSource(items, new Map(), false).map(
      (s) => `${ctx.eol}${keyIndent}${seqIndent}- ${s}`,
    );
    edits = minimal(ctx.text, span.from, span.to, lines.join(''));
  }
  verify(ctx, edits, { key, kind: 'set', value: [...items] });
  return edits;
}

/**
 * Block lists change line by line: removed items lose their line, new items get a line of the
 * same indentation next to their neighbours, kept items (and comments between them) stay.
 */
function blockListEdits(ctx: Context, seq: YAMLSeq, items: readonly ListItem[]): TextEdit[] {
  const old = (seq.items as Scalar[]).map((item) => item.toJSON() as unknown);
  const keep = lcs(old, items);
  const firstDash = dashOffset(ctx, seq.items[0] as YamlNode);
  const indent = ctx.text.slice(lineStart(ctx.text, firstDash), firstDash);
  const lineOf = (index: number): { from: number; to: number } => {
    const item = seq.items[index] as YamlNode;
    const from = lineStart(ctx.text, dashOffset(ctx, item));
    const end = ctx.base + item.range![1];
    return { from, to: afterLine(ctx.text, Math.max(end - 1, from)) };
  };
  const edits: TextEdit[] = [];
  const keptOld = new Set(keep.map(([i]) => i));
  for (let i = 0; i < old.length; i++) {
    if (!keptOld.has(i)) edits.push({ ...lineOf(i), insert: '' });
  }
  // Group new items by the kept old item they follow (-1: before the first kept one).
  let k = 0;
  let pending: string[] = [];
  let anchor = -1;
  const flush = (): void => {
    if (pending.length === 0) return;
    let at: number;
    let prefix = '';
    if (anchor >= 0) at = lineOf(anchor).to;
    else at = keep.length > 0 ? lineOf(keep[0]![0]).from : lineOf(0).from;
    // An item on the last line of a text without final newline needs a break before it.
    if (at === ctx.text.length && !/[\r\n]$/.test(ctx.text)) prefix = ctx.eol;
    const text = pending.map((s) => `${indent}- ${s}${ctx.eol}`).join('');
    edits.push({ from: at, to: at, insert: prefix + text });
    pending = [];
  };
  for (let j = 0; j < items.length; j++) {
    if (k < keep.length && keep[k]![1] === j) {
      flush();
      anchor = keep[k]![0];
      k++;
    } else {
      pending.push(inlineScalar(items[j]!, 'plain'));
    }
  }
  flush();
  return mergeEdits(edits);
}

function mergeEdits(edits: TextEdit[]): TextEdit[] {
  const sorted = [...edits].sort((a, b) => a.from - b.from || a.to - b.to);
  const out: TextEdit[] = [];
  for (const edit of sorted) {
    const last = out[out.length - 1];
    if (last && edit.from <= last.to) {
      out[out.length - 1] = {
        from: last.from,
        to: Math.max(last.to, edit.to),
        insert: last.insert + edit.insert,
      };
    } else out.push(edit);
  }
  return out;
}

/** Longest common subsequence of two lists, as index pairs. */
function lcs(a: readonly unknown[], b: readonly unknown[]): [number, number][] {
  const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i]![j] = sameData(a[i], b[j])
        ? table[i + 1]![j + 1]! + 1
        : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
    }
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (sameData(a[i], b[j])) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (table[i + 1]![j]! >= table[i]![j + 1]!) i++;
    else j++;
  }
  return pairs;
}

function addKeyEdits(ctx: Context, key: string, value: FieldValue): TextEdit[] {
  if (findPair(ctx, key)) throw new FrontmatterEditError(`“${key}” is already there.`);
  const { keyIndent, seqIndent } = layout(ctx);
  let valueSource: string;
  if (Array.isArray(value)) {
    const list = value as readonly ListItem[];
    valueSource =
      list.length === 0
        ? ' []'
        : list.map((item) => `${ctx.eol}${keyIndent}${seqIndent}- ${inlineScalar(item, 'plain')}`).join('');
  } else if (isYamlSource(value) && value.yaml === '') {
    valueSource = ''; // `key:` with nothing after it: an empty value the author fills in next
  } else {
    valueSource = ` ${inlineScalar(value as ScalarValue, 'plain')}`;
  }
  const line = `${keyIndent}${keySource(key)}:${valueSource}${ctx.eol}`;
  let edits: TextEdit[];
  if (!ctx.parsed) {
    const from = ctx.text.charCodeAt(0) === 0xfeff ? 1 : 0;
    if (findFrontmatter(ctx.text)) throw new FrontmatterEditError('This frontmatter cannot be edited.');
    edits = [{ from, to: from, insert: `---${ctx.eol}${line}---${ctx.eol}` }];
  } else {
    edits = [{ from: ctx.parsed.block.contentTo, to: ctx.parsed.block.contentTo, insert: line }];
  }
  verify(ctx, edits, {
    key,
    kind: 'set',
    value: Array.isArray(value) ? [...value] : scalarData(value as ScalarValue),
  });
  return edits;
}

function removeKeyEdits(ctx: Context, key: string): TextEdit[] {
  const pair = findPair(ctx, key);
  if (!pair) return [];
  const from = lineStart(ctx.text, ctx.base + pair.key.range![0]);
  const end = ctx.base + (pair.value?.range?.[1] ?? pair.key.range![2]);
  const endsWithBreak = ctx.text[end - 1] === '\n' || ctx.text[end - 1] === '\r';
  const lineEnd = pair.value?.range ? ctx.base + pair.value.range[2] : end;
  const to = endsWithBreak ? end : afterLine(ctx.text, Math.max(lineEnd - 1, end - 1, from));
  const edits = [{ from, to, insert: '' }];
  verify(ctx, edits, { key, kind: 'remove' });
  return edits;
}

type Intent = { key: string; kind: 'set'; value: unknown } | { key: string; kind: 'remove' };

interface PairView {
  readonly key: string;
  readonly source: string;
  readonly data: unknown;
}

function pairViews(text: string, known?: ParsedBlock | null): PairView[] {
  const parsed = known === undefined ? parseBlock(text) : known;
  if (!parsed) return [];
  if (parsed.error) throw new FrontmatterEditError(`The edit would break the YAML: ${parsed.error.message}`);
  const contents = parsed.doc.contents;
  if (contents === null || (isScalar(contents) && contents.value === null)) return [];
  if (!isMap(contents)) throw new FrontmatterEditError('The edit would break the frontmatter mapping.');
  const base = parsed.block.contentFrom;
  return (contents.items as AnyPair[]).map((pair) => {
    const from = base + pair.key.range![0];
    const to = trimBreaks(text, from, base + (pair.value?.range?.[1] ?? pair.key.range![2]));
    return {
      key: isScalar(pair.key) ? String(pair.key.value) : text.slice(from, base + pair.key.range![1]),
      source: text.slice(from, to),
      data: pair.value ? jsonOf(pair.value) : null,
    };
  });
}

function jsonOf(node: YamlNode): unknown {
  try {
    return node.toJSON();
  } catch {
    return undefined;
  }
}

/**
 * Re-parses the edited text and refuses the edit unless only the intended value changed. An
 * edit inside one existing pair is checked by parsing only that pair's lines (see
 * {@link verifiedInPlace}); anything else, or any doubt, re-parses the whole block.
 */
function verify(ctx: Context, edits: readonly TextEdit[], intent: Intent): void {
  if (intent.kind === 'set' && verifiedInPlace(ctx, edits, intent)) return;
  verifyWhole(ctx, edits, intent);
}

/**
 * The cheap proof for typing in a large block: when every splice lies after the key of one
 * pair and before the line of the next key, the rest of the block keeps its bytes by
 * construction, and it is enough to parse that pair's lines alone (see reparse.ts) and see
 * them read as exactly the intended key and value. Returns false (so the caller re-parses
 * everything) whenever a condition does not hold.
 */
function verifiedInPlace(
  ctx: Context,
  edits: readonly TextEdit[],
  intent: { key: string; value: unknown },
): boolean {
  if (!ctx.parsed || edits.length === 0) return false;
  const index = ctx.pairs.findIndex((pair) => isScalar(pair.key) && pair.key.value === intent.key);
  const segment = pairSegment(ctx.pairs, index, ctx.text, ctx.base, ctx.parsed.block.contentTo);
  if (!segment || edits.some((edit) => edit.from < segment.keyEnd || edit.to > segment.to)) return false;
  const lines = applyEdits(
    ctx.text.slice(segment.from, segment.to),
    edits.map((edit) => ({
      from: edit.from - segment.from,
      to: edit.to - segment.from,
      insert: edit.insert,
    })),
  );
  const pair = parseLonePair(lines, intent.key, yamlParseOptions);
  if (!pair || !sameData(pair.value ? jsonOf(pair.value) : null, intent.value)) return false;
  // The fences must not move: the block still closes where it did, shifted by the edit.
  const delta = edits.reduce((sum, edit) => sum + edit.insert.length - (edit.to - edit.from), 0);
  const after = findFrontmatter(applyEdits(ctx.text, edits));
  const before = ctx.parsed.block;
  return after?.contentFrom === before.contentFrom && after.contentTo === before.contentTo + delta;
}

function verifyWhole(ctx: Context, edits: readonly TextEdit[], intent: Intent): void {
  const after = applyEdits(ctx.text, edits);
  const before = pairViews(ctx.text, ctx.parsed);
  const now = pairViews(after);
  const expectedKeys = before.map((p) => p.key).filter((k) => intent.kind === 'set' || k !== intent.key);
  if (intent.kind === 'set' && !expectedKeys.includes(intent.key)) expectedKeys.push(intent.key);
  const gotKeys = now.map((p) => p.key);
  if (expectedKeys.join('\u0000') !== gotKeys.join('\u0000')) {
    throw new FrontmatterEditError(`Setting “${intent.key}” would change other keys; edit it as YAML.`);
  }
  for (const pair of now) {
    if (pair.key === intent.key) {
      if (intent.kind === 'set' && !sameData(pair.data, intent.value)) {
        throw new FrontmatterEditError(
          `“${intent.key}” could not be written as that value; edit it as YAML.`,
        );
      }
      continue;
    }
    if (before.find((p) => p.key === pair.key)?.source !== pair.source) {
      throw new FrontmatterEditError(`Setting “${intent.key}” would change “${pair.key}”; edit it as YAML.`);
    }
  }
  if (findFrontmatter(after)?.from !== (findFrontmatter(ctx.text)?.from ?? findFrontmatter(after)?.from)) {
    throw new FrontmatterEditError('The edit would move the frontmatter block.');
  }
}

/**
 * Sets a scalar value, keeping its quoting style where the new text allows it (a plain value
 * that would read back differently, like `01234` or `yes`, gets quotes). A missing key is added.
 */
export function setScalar(
  text: string,
  key: string,
  value: ScalarValue,
  options: EditOptions = {},
): TextEdit[] {
  const ctx = context(text);
  checkEditable(ctx, key);
  return setScalarEdits(ctx, key, value, options.style);
}

/** Options of {@link setScalar} and {@link setField}. */
export interface EditOptions {
  /**
   * The style to prefer instead of the value's current one. The form passes the style a field
   * had when it got focus, so a space typed at the end (which needs quotes for a moment) does
   * not leave a plain title quoted for good. Default: the current style.
   */
  readonly style?: ValueStyle;
}

/** Sets a list, keeping its flow (`[a, b]`) or block (`- a`) style and untouched items' text. */
export function setList(text: string, key: string, items: readonly ListItem[]): TextEdit[] {
  const ctx = context(text);
  checkEditable(ctx, key);
  return setListEdits(ctx, key, items);
}

/** Sets any field value: lists with {@link setList}, everything else with {@link setScalar}. */
export function setField(
  text: string,
  key: string,
  value: FieldValue,
  options: EditOptions = {},
): TextEdit[] {
  return Array.isArray(value)
    ? setList(text, key, value as readonly ListItem[])
    : setScalar(text, key, value as ScalarValue, options);
}

/**
 * Appends a key after the last one, with the file's indentation and line ending. Creates the
 * block when the text has none.
 */
export function addKey(text: string, key: string, value: FieldValue): TextEdit[] {
  return addKeyEdits(context(text), key, value);
}

/** Removes a key with its whole line(s); comments on other lines stay. */
export function removeKey(text: string, key: string): TextEdit[] {
  const ctx = context(text);
  checkEditable(ctx, key);
  return removeKeyEdits(ctx, key);
}

/** True when `value` is a YAML-source value (re-exported for callers building CLI values). */
export { isYamlSource };
