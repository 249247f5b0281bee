import { parseDocument } from 'yaml';
import { findFrontmatter, type FrontmatterBlock } from './find-block';

/** Largest frontmatter block Folio parses (characters). */
export const maxFrontmatterChars = 256 * 1024;

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
  if (!block) return { block, data: {}, problems: [] };
  if (block.kind === 'toml') return { block, data: {}, problems: [] };
  if (block.content.length > maxFrontmatterChars) {
    return { block, data: {}, problems: ['The frontmatter is too large to read.'] };
  }
  const doc = parseDocument(block.content, {
    schema: 'core',
    version: '1.2',
    uniqueKeys: true,
    prettyErrors: true,
  });
  if (doc.errors.length > 0) {
    const first = doc.errors[0]!;
    const line = (first.linePos?.[0]?.line ?? 0) + 1; // +1 for the opening fence line
    const col = first.linePos?.[0]?.col ?? 1;
    return {
      block,
      data: {},
      problems: [`Invalid frontmatter at line ${line}, column ${col}: ${firstLine(first.message)}`],
    };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return {
      block,
      data: {},
      problems: [`Invalid frontmatter: ${firstLine(error instanceof Error ? error.message : String(error))}`],
    };
  }
  if (value === null || value === undefined) return { block, data: {}, problems: [] };
  if (typeof value !== 'object' || Array.isArray(value)) {
    return { block, data: {}, problems: ['The frontmatter is not a list of keys and values.'] };
  }
  return { block, data: value as Record<string, unknown>, problems: [] };
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
