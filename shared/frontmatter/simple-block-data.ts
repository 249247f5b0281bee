/**
 * The quickest read of frontmatter data (the first reader of data.ts): most blocks are a few
 * `key: value` lines, flow lists (`tags: [a, b]`) and block lists (`- a`), which a line-by-line
 * reader takes in a fraction of a YAML parser's time (on a 10,000-article library, YAML parsing
 * was a third of a scan). It answers only for blocks made of those lines alone, with values
 * whose YAML 1.2 core-schema meaning is beyond doubt; for anything else (multi-line or escaped
 * strings, anchors, tags, nested maps, odd numbers, tabs, control characters, duplicate keys,
 * a key that is not a plain word) it returns `null` and the full readers decide.
 *
 * Hand-written because no YAML library offers such a subset; `tests/shared/frontmatter/
 * simple-block-data.test.ts` checks it against the shared `yaml` reader on the golden cases
 * and on thousands of random blocks.
 */
import type { FrontmatterBlock } from './find-block';
import { maxFrontmatterChars } from './yaml-block';

/** A key the reader takes: a word, possibly with `_`, `-` and `.` inside (not a YAML keyword). */
const simpleKey = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** Keys the core schema reads as null or booleans (then the key is not that text). */
const keywordKeys = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE']);

/**
 * Characters that never appear in the blocks this reader takes: tabs, `\r`, C0 and C1 controls,
 * DEL, line and paragraph separators, BOM, noncharacters and lone surrogates.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what sends a block to the full readers
const unusualCharacter = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]|\p{Cs}/u;

/** Characters a plain value may not start with (YAML indicators), quotes and `[` aside. */
const indicatorStart = /^[-?:,\]{}#&*!|>%@`]/;

/**
 * An integer the core schema reads as a number, small enough to be exact in a JS number, with no
 * sign on zero (`-0` is a number unlike `0` to a deep comparison).
 */
const safeInteger = /^(?:[-+]?[1-9][0-9]{0,14}|0)$/;

/**
 * Plain values that are, or come close to, numbers in some reading: digits with dots, signs,
 * exponents or underscores, `0x`/`0o`/`0b` prefixes, `.inf` and `.nan`. Left to the full
 * readers unless {@link safeInteger}. Dates (`2024-05-01`) and times (`10:30`) are not among
 * them: the core schema reads those as strings.
 */
const numberLike =
  /^[-+]?(?:[0-9][0-9_]*(?:\.[0-9_]*)?|\.[0-9_]+)(?:[eE][-+]?[0-9_]+)?$|^[-+]?0[xXoObB]|^[-+]?\.[A-Za-z]{3}$/;

/** Plain values that are `null` and booleans in the core schema. */
const coreWords = new Map<string, null | boolean>([
  ['~', null],
  ['null', null],
  ['Null', null],
  ['NULL', null],
  ['true', true],
  ['True', true],
  ['TRUE', true],
  ['false', false],
  ['False', false],
  ['FALSE', false],
]);

/** Marks a value this reader does not take. */
const unsure = Symbol('unsure');

/**
 * The data of a simple YAML block, or `null` when the full readers must decide (see the module
 * comment). Equal to what the shared `yaml` reader gives whenever it answers.
 */
export function simpleBlockData(block: FrontmatterBlock): Record<string, unknown> | null {
  if (block.kind !== 'yaml' || block.content.length > maxFrontmatterChars) return null;
  const content = block.content;
  if (unusualCharacter.test(content)) return null;
  const data: Record<string, unknown> = {};
  // The key whose value is still open: an empty value may be followed by `- item` lines.
  let listKey: string | null = null;
  let list: unknown[] | null = null;
  let listIndent = -1;
  let at = 0;
  while (at < content.length) {
    let end = content.indexOf('\n', at);
    if (end === -1) end = content.length;
    const line = content.slice(at, end);
    at = end + 1;
    if (line.length > 1024) return null; // `yaml` refuses implicit keys that long
    let indent = 0;
    while (line.charCodeAt(indent) === 32) indent++;
    if (indent === line.length || line.charCodeAt(indent) === 35 /* # */) continue; // blank, comment
    if (line.charCodeAt(indent) === 45 /* - */ && (line.length === indent + 1 || line[indent + 1] === ' ')) {
      // A block list item: only right under a key with an empty value, all at one indentation.
      if (listKey === null || (listIndent !== -1 && indent !== listIndent)) return null;
      listIndent = indent;
      const item = scalar(line.slice(indent + 2), false);
      if (item === unsure) return null;
      (list ??= []).push(item);
      continue;
    }
    if (indent > 0) return null; // a continued value, a nested map: not simple
    if (listKey !== null) data[listKey] = list; // `key:` alone is null; with items, the list
    listKey = null;
    list = null;
    listIndent = -1;
    const colon = line.indexOf(':');
    if (colon === -1) return null;
    const key = line.slice(0, colon);
    if (!simpleKey.test(key) || keywordKeys.has(key) || key === '__proto__' || Object.hasOwn(data, key)) {
      return null;
    }
    const rest = line.slice(colon + 1);
    if (spacesOff(rest) === '' || spacesOffStart(rest).startsWith('#')) {
      if (rest !== '' && rest[0] !== ' ') return null;
      listKey = key;
      continue;
    }
    if (rest[0] !== ' ') return null; // `key:value` is one plain string, not a pair
    const text = spacesOffStart(rest);
    const value = text[0] === '[' ? flowList(text) : scalar(text, false);
    if (value === unsure) return null;
    data[key] = value;
  }
  if (listKey !== null) data[listKey] = list;
  return data;
}

/**
 * One value written on one line: `'single'`, `"double"` (no escapes) or plain; `inFlow` for an
 * item of a `[...]` list (ends at `,` or `]`, handled by the caller). A trailing comment is
 * dropped.
 */
function scalar(source: string, inFlow: boolean): unknown {
  const text = spacesOffStart(source);
  const quote = text[0];
  if (quote === '"' || quote === "'") {
    let close = text.indexOf(quote, 1);
    let value: string;
    if (quote === "'") {
      // `''` is a quote inside a single-quoted string.
      while (close !== -1 && text[close + 1] === "'") close = text.indexOf("'", close + 2);
      if (close === -1) return unsure;
      value = text.slice(1, close).replaceAll("''", "'");
    } else {
      if (close === -1) return unsure;
      value = text.slice(1, close);
      if (value.includes('\\')) return unsure; // escapes: the full readers decode them
    }
    const after = text.slice(close + 1);
    if (spacesOff(after) !== '' && !/^ +#/.test(after)) return unsure;
    return value;
  }
  // In a flow list a comment would swallow the closing `]`: left to the full readers.
  if (inFlow && text.includes('#')) return unsure;
  // A plain value ends at ` #` (a comment); `: ` inside would make it a pair.
  const hash = text.indexOf(' #');
  const plain = spacesOffEnd(hash === -1 ? text : text.slice(0, hash));
  if (plain === '') return inFlow ? unsure : null;
  if (indicatorStart.test(plain) && !safeInteger.test(plain)) return unsure;
  if (plain[0] === '"' || plain[0] === "'" || plain[0] === '[') return unsure;
  if (plain.includes(': ') || plain.endsWith(':')) return unsure;
  if (inFlow && /[,[\]{}#"']/.test(plain)) return unsure;
  const word = coreWords.get(plain);
  if (word !== undefined) return word;
  if (safeInteger.test(plain)) return Number(plain);
  if (numberLike.test(plain)) return unsure;
  return plain;
}

/** `[a, 'b', "c"]` on one line, with plain or quoted items and no nesting, or {@link unsure}. */
function flowList(text: string): unknown {
  const close = text.indexOf(']');
  if (close === -1) return unsure;
  const after = text.slice(close + 1);
  if (spacesOff(after) !== '' && !/^ +#/.test(after)) return unsure;
  const inner = text.slice(1, close);
  if (spacesOff(inner) === '') return [];
  // Quoted items may hold commas: split only when there are no quotes at all.
  if (/["'[{]/.test(inner)) return quotedFlowList(inner);
  // In place in the array `split` gives: exactly as long as the list (a library keeps ten
  // thousand of these lists, and `push` would leave spare room in each).
  const items: unknown[] = inner.split(',');
  for (let i = 0; i < items.length; i++) {
    const item = scalar(spacesOff(items[i] as string), true);
    if (item === unsure) return unsure;
    items[i] = item;
  }
  return items;
}

/** Items of a flow list where some are quoted (`"a, b", 'c'`), or {@link unsure}. */
function quotedFlowList(inner: string): unknown {
  const items: unknown[] = [];
  let at = 0;
  for (;;) {
    while (inner[at] === ' ') at++;
    const quote = inner[at];
    let itemEnd: number;
    if (quote === '"' || quote === "'") {
      let close = inner.indexOf(quote, at + 1);
      if (quote === "'")
        while (close !== -1 && inner[close + 1] === "'") close = inner.indexOf("'", close + 2);
      if (close === -1) return unsure;
      const item = scalar(inner.slice(at, close + 1), true);
      if (item === unsure) return unsure;
      items.push(item);
      itemEnd = close + 1;
      while (inner[itemEnd] === ' ') itemEnd++;
      if (itemEnd < inner.length && inner[itemEnd] !== ',') return unsure;
    } else {
      const comma = inner.indexOf(',', at);
      itemEnd = comma === -1 ? inner.length : comma;
      const item = scalar(spacesOff(inner.slice(at, itemEnd)), true);
      if (item === unsure) return unsure;
      items.push(item);
    }
    if (itemEnd >= inner.length) return items;
    at = itemEnd + 1;
    if (spacesOff(inner.slice(at)) === '') return unsure; // a trailing comma: left to the full readers
  }
}

/** Without leading spaces. Only spaces: YAML does not count NBSP or other Unicode spaces. */
function spacesOffStart(text: string): string {
  let start = 0;
  while (text.charCodeAt(start) === 32) start++;
  return start === 0 ? text : text.slice(start);
}

/** Without trailing spaces (only spaces, as {@link spacesOffStart}). */
function spacesOffEnd(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 32) end--;
  return end === text.length ? text : text.slice(0, end);
}

/** Without leading and trailing spaces (only spaces, as {@link spacesOffStart}). */
function spacesOff(text: string): string {
  return spacesOffEnd(spacesOffStart(text));
}
