/**
 * What every frontmatter edit starts from: the text's block parsed once, its line ending and
 * top-level pairs, or a clear refusal when the block is not something the form may edit.
 */
import { isMap, isScalar, type Node as YamlNode, type Pair } from 'yaml';
import { findFrontmatter } from './find-block';
import { describePair, dominantLineEnding, readFrontmatter } from './form-model';
import { parseBlock } from './parse-cache';
import type { ParsedBlock } from './yaml-block';
import type { ScalarValue } from './scalar-source';

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

/** A top-level pair of the frontmatter mapping. */
export type AnyPair = Pair<YamlNode, YamlNode | null>;

/** The parsed text an edit is computed on. */
export interface EditContext {
  readonly text: string;
  readonly parsed: ParsedBlock | null;
  readonly base: number;
  readonly eol: string;
  readonly pairs: readonly AnyPair[];
}

/** Parses `text` for editing, or throws a {@link FrontmatterEditError} saying why it cannot be edited. */
export function editContext(text: string): EditContext {
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

/** The pair whose key is `key`, or `null`. */
export function findPair(ctx: EditContext, key: string): AnyPair | null {
  return ctx.pairs.find((pair) => isScalar(pair.key) && pair.key.value === key) ?? null;
}

/** Throws when `key` exists but the form must not edit it (anchors, tags, nested objects, ...). */
export function checkEditable(ctx: EditContext, key: string): void {
  const pair = findPair(ctx, key);
  if (!pair) return;
  const field = describePair(pair, ctx.base, ctx.text);
  if (!field.editable) throw new FrontmatterEditError(field.reason ?? `“${key}” cannot be edited here.`);
}
