/**
 * Where things sit in a frontmatter block: line starts and ends, the span of a value, and the
 * indentation of keys, list items and block scalars, so edits are written the way the file is.
 */
import { isScalar, isSeq, type Node as YamlNode } from 'yaml';
import type { AnyPair, EditContext } from './edit-context';

/** The offset where the line holding `at` starts. */
export function lineStart(text: string, at: number): number {
  let i = at;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

/** The offset just after the line break that ends the line holding `at` (or the end of text). */
export function afterLine(text: string, at: number): number {
  let i = at;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  if (text[i] === '\r' && text[i + 1] === '\n') return i + 2;
  return i < text.length ? i + 1 : i;
}

/** `to` moved back over any line breaks, not before `from`. */
export function trimBreaks(text: string, from: number, to: number): number {
  let end = to;
  while (end > from && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  return end;
}

/** Where a block scalar's replacement ends: its range already ends after a line break, or the line does. */
export function afterLineEnd(text: string, at: number): number {
  // Block scalar ranges end after the line break of their last line (or at the end of text).
  if (at > 0 && (text[at - 1] === '\n' || text[at - 1] === '\r')) return at;
  return afterLine(text, at);
}

/** Where the value of `pair` may be replaced: just after the `:` to the end of the value. */
export function valueSpan(ctx: EditContext, pair: AnyPair): { from: number; to: number } {
  const keyEnd = ctx.base + pair.key.range![1];
  const colon = ctx.text.indexOf(':', keyEnd);
  const from = colon + 1;
  const value = pair.value;
  const to = value?.range ? trimBreaks(ctx.text, from, ctx.base + value.range[1]) : from;
  return { from, to: Math.max(from, to) };
}

/** The column of the key of `pair`. */
export function keyColumn(ctx: EditContext, pair: AnyPair): number {
  const start = ctx.base + pair.key.range![0];
  return start - lineStart(ctx.text, start);
}

/** The indentation of top-level keys and of block list items relative to their key. */
export function layout(ctx: EditContext): { keyIndent: string; seqIndent: string } {
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

/** The offset of the dash that starts list item `item`. */
export function dashOffset(ctx: EditContext, item: YamlNode): number {
  // Search before the item: the item's own text may start with a dash.
  let i = ctx.base + item.range![0] - 1;
  while (i > 0 && ctx.text[i] !== '-') i--;
  return i;
}

/** The indentation of a block scalar's content lines: the current one, or the key's plus two. */
export function blockIndent(ctx: EditContext, pair: AnyPair): string {
  const value = pair.value;
  if (isScalar(value) && value.range) {
    const source = ctx.text.slice(ctx.base + value.range[0], ctx.base + value.range[1]);
    const match = /\r?\n([ \t]+)\S/.exec(source);
    if (match) return match[1]!;
  }
  return ' '.repeat(keyColumn(ctx, pair) + 2);
}
