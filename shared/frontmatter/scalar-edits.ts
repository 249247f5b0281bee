/**
 * Setting a scalar value in the style it is written in (or a preferred one), falling back to a
 * quoted form when the text would read back as something else, and adding a missing key.
 */
import { isScalar } from 'yaml';
import { styleOf, type ValueStyle } from './form-model';
import { blockScalar, inlineScalar, scalarData, type ScalarValue } from './scalar-source';
import { FrontmatterEditError, findPair, type AnyPair, type EditContext } from './edit-context';
import { afterLineEnd, blockIndent, valueSpan } from './block-layout';
import { minimalEdits, type TextEdit } from './text-edit';
import { addKeyEdits } from './key-edits';
import { verify } from './verify-edit';

function scalarInsert(ctx: EditContext, pair: AnyPair, value: ScalarValue, preferred?: ValueStyle): string[] {
  const style = preferred ?? styleOf(pair.value);
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

/** The edits that set `key` to `value` (in `style` when given), verified by re-parsing. */
export function setScalarEdits(
  ctx: EditContext,
  key: string,
  value: ScalarValue,
  style?: ValueStyle,
): TextEdit[] {
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
    const edits = minimalEdits(ctx.text, span.from, to, candidate);
    try {
      verify(ctx, edits, { key, kind: 'set', value: scalarData(value) });
      return edits;
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError instanceof Error ? lastError : new FrontmatterEditError(`“${key}” could not be set.`);
}
