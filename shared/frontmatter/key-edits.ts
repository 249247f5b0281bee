/**
 * Adding and removing whole keys: a new key goes after the last one (or into a new block), a
 * removed key takes its line(s) with it. Both are verified by re-parsing.
 */
import { inlineScalar, isYamlSource, keySource, scalarData, type ScalarValue } from './scalar-source';
import { findFrontmatter } from './find-block';
import {
  FrontmatterEditError,
  findPair,
  type EditContext,
  type FieldValue,
  type ListItem,
} from './edit-context';
import { afterLine, layout, lineStart } from './block-layout';
import { verify } from './verify-edit';
import type { TextEdit } from './text-edit';

/** The edits that append `key: value` with the block's indentation (creating the block if needed). */
export function addKeyEdits(ctx: EditContext, key: string, value: FieldValue): TextEdit[] {
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

/** The edits that remove `key` with its whole line(s); none when it is not there. */
export function removeKeyEdits(ctx: EditContext, key: string): TextEdit[] {
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
