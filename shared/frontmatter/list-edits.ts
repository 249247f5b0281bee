/**
 * Setting a list value: flow lists (`[a, b]`) are rewritten in place reusing the source of kept
 * items, block lists (`- a`) change line by line, and a missing key is added.
 */
import { isSeq, type Node as YamlNode, type Scalar, type YAMLSeq } from 'yaml';
import { inlineScalar, sameData } from './scalar-source';
import { findPair, type EditContext, type ListItem } from './edit-context';
import { afterLine, dashOffset, layout, lineStart, trimBreaks, valueSpan } from './block-layout';
import { mergeEdits, minimalEdits, type TextEdit } from './text-edit';
import { addKeyEdits } from './key-edits';
import { verify } from './verify-edit';

function listItemsSource(items: readonly ListItem[], reuse: Map<string, string[]>, flow: boolean): string[] {
  return items.map((item) => {
    const bucket = reuse.get(JSON.stringify(item));
    const reused = bucket?.shift();
    return reused ?? inlineScalar(item, 'plain', flow);
  });
}

function reusableItems(ctx: EditContext, seq: YAMLSeq): Map<string, string[]> {
  const reuse = new Map<string, string[]>();
  for (const item of seq.items as Scalar[]) {
    const key = JSON.stringify(item.toJSON());
    const source = ctx.text.slice(ctx.base + item.range![0], ctx.base + item.range![1]);
    reuse.set(key, [...(reuse.get(key) ?? []), source]);
  }
  return reuse;
}

/** The edits that set `key` to `items`, verified by re-parsing. */
export function setListEdits(ctx: EditContext, key: string, items: readonly ListItem[]): TextEdit[] {
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
    edits = minimalEdits(
      ctx.text,
      ctx.base + value.range![0],
      trimBreaks(ctx.text, 0, ctx.base + value.range![1]),
      insert,
    );
  } else if (items.length === 0) {
    edits = minimalEdits(ctx.text, span.from, span.to, ' []');
  } else {
    const { keyIndent, seqIndent } = layout(ctx);
    const lines = listItemsSource(items, new Map(), false).map(
      (s) => `${ctx.eol}${keyIndent}${seqIndent}- ${s}`,
    );
    edits = minimalEdits(ctx.text, span.from, span.to, lines.join(''));
  }
  verify(ctx, edits, { key, kind: 'set', value: [...items] });
  return edits;
}

/**
 * Block lists change line by line: removed items lose their line, new items get a line of the
 * same indentation next to their neighbours, kept items (and comments between them) stay.
 */
function blockListEdits(ctx: EditContext, seq: YAMLSeq, items: readonly ListItem[]): TextEdit[] {
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
