/**
 * The proof behind every frontmatter edit: the edited text is parsed again and the edit is
 * refused unless exactly the intended key changed, to exactly the intended value.
 */
import { isMap, isScalar, type Node as YamlNode } from 'yaml';
import { findFrontmatter } from './find-block';
import { parseBlock } from './parse-cache';
import { yamlParseOptions, type ParsedBlock } from './yaml-block';
import { pairSegment, parseLonePair } from './reparse';
import { sameData } from './scalar-source';
import { FrontmatterEditError, type AnyPair, type EditContext } from './edit-context';
import { trimBreaks } from './block-layout';
import { applyEdits, type TextEdit } from './text-edit';

/** What an edit means to do: set `key` to `value`, or remove `key`. */
export type Intent = { key: string; kind: 'set'; value: unknown } | { key: string; kind: 'remove' };

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
export function verify(ctx: EditContext, edits: readonly TextEdit[], intent: Intent): void {
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
  ctx: EditContext,
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

function verifyWhole(ctx: EditContext, edits: readonly TextEdit[], intent: Intent): void {
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
