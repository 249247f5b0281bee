import type { FrontmatterBlock } from './find-block';
import { findFrontmatter } from './find-block';
import { maxFrontmatterAliases, parseBlock } from './read';

export { maxFrontmatterChars } from './read';

/** The outcome of reading an article's frontmatter. */
export interface ParsedFrontmatter {
  readonly block: FrontmatterBlock | null;
  /** Plain data of a valid YAML mapping; empty when there is none or it is invalid. */
  readonly data: Readonly<Record<string, unknown>>;
  /** Problems in words for the author, with line and column where known. */
  readonly problems: readonly string[];
}

/**
 * Reads the frontmatter of `text` as YAML 1.2 core schema data, never executing anything:
 * unique keys, at most 100 aliases, a size cap. TOML blocks are found but not interpreted.
 */
export function parseFrontmatter(text: string): ParsedFrontmatter {
  const block = findFrontmatter(text);
  if (!block || block.kind === 'toml') return { block, data: {}, problems: [] };
  const parsed = parseBlock(text)!;
  if (parsed.error) {
    const { line, column, message } = parsed.error;
    return {
      block,
      data: {},
      problems: [`Invalid frontmatter at line ${line}, column ${column}: ${message}`],
    };
  }
  const value: unknown = parsed.doc.toJS({ maxAliasCount: maxFrontmatterAliases });
  if (value === null || value === undefined) return { block, data: {}, problems: [] };
  if (typeof value !== 'object' || Array.isArray(value)) {
    return { block, data: {}, problems: ['The frontmatter is not a list of keys and values.'] };
  }
  return { block, data: value as Record<string, unknown>, problems: [] };
}
