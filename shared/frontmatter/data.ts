/**
 * Frontmatter as plain data, the one way every part of Folio reads it (the listing, schema marks,
 * the preview's title block, the export, statistics). Three readers answer, quickest first, and
 * the first that answers wins; they are tested to give the very same data:
 *
 * 1. simple-block-data.ts: a line reader for blocks of plain `key: value` lines and lists;
 * 2. js-yaml-data.ts: js-yaml, where it is known to agree with `yaml`;
 * 3. yaml-block.ts: the lossless `yaml` parse, which also says what is wrong with a block.
 */
import { findFrontmatter, type FrontmatterBlock } from './find-block';
import { jsYamlData } from './js-yaml-data';
import { simpleBlockData } from './simple-block-data';
import { maxFrontmatterAliases, parseYamlBlock } from './yaml-block';

export { maxFrontmatterChars } from './yaml-block';

/** The data of a frontmatter block, or why there is none. */
export interface FrontmatterData {
  /** Plain data of a valid YAML mapping; empty when there is none or it is invalid. */
  readonly data: Readonly<Record<string, unknown>>;
  /** Problems in words for the author, with line and column where known. */
  readonly problems: readonly string[];
}

/** The outcome of reading an article's frontmatter: its block, data and problems. */
export interface ParsedFrontmatter extends FrontmatterData {
  readonly block: FrontmatterBlock | null;
}

/**
 * The data of a YAML `block` from the quick readers alone (see the module comment), or `null`
 * when only `yaml` can tell (the block may have a problem). For callers that have a slower way
 * of their own for the rest, like the library scan.
 */
export function quickFrontmatterData(block: FrontmatterBlock): Record<string, unknown> | null {
  return simpleBlockData(block) ?? jsYamlData(block);
}

/**
 * The data of a YAML `block` (see the module comment), or its problems. YAML 1.2 core schema,
 * unique keys, at most 100 aliases, a size cap; nothing is executed. A TOML block gives no data.
 */
export function frontmatterData(block: FrontmatterBlock): FrontmatterData {
  if (block.kind === 'toml') return { data: {}, problems: [] };
  const quick = quickFrontmatterData(block);
  return quick ? { data: quick, problems: [] } : yamlData(block);
}

/**
 * The data of a YAML `block` read by `yaml` alone, or its problems: what the quick readers are
 * checked against.
 */
export function yamlData(block: FrontmatterBlock): FrontmatterData {
  if (block.kind === 'toml') return { data: {}, problems: [] };
  const parsed = parseYamlBlock(block);
  if (parsed.error) {
    const { line, column, message } = parsed.error;
    return { data: {}, problems: [`Invalid frontmatter at line ${line}, column ${column}: ${message}`] };
  }
  const value: unknown = parsed.doc.toJS({ maxAliasCount: maxFrontmatterAliases });
  if (value === null || value === undefined) return { data: {}, problems: [] };
  if (typeof value !== 'object' || Array.isArray(value)) {
    return { data: {}, problems: ['The frontmatter is not a list of keys and values.'] };
  }
  return { data: value as Record<string, unknown>, problems: [] };
}

/**
 * Finds and reads the frontmatter of `text` ({@link frontmatterData}). TOML blocks are found but
 * not interpreted.
 */
export function parseFrontmatter(text: string): ParsedFrontmatter {
  const block = findFrontmatter(text);
  return block ? { block, ...frontmatterData(block) } : { block, data: {}, problems: [] };
}
