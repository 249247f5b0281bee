/**
 * The lossless parse of a YAML frontmatter block with the `yaml` library: the reader every other
 * reader is checked against, and the one the form edits through (it keeps comments, quoting and
 * offsets). YAML 1.2 core schema, unique keys, an alias limit and a size cap; nothing is ever
 * executed. Problems are placed in the article's text (line and column) for the author.
 */
import { parseDocument, visit, type Document } from 'yaml';
import type { FrontmatterBlock } from './find-block';

/** Largest frontmatter block Folio parses (characters). */
export const maxFrontmatterChars = 256 * 1024;

/** Most aliases a frontmatter block may use; more is treated as an alias bomb. */
export const maxFrontmatterAliases = 100;

/** Options every frontmatter parse uses: YAML 1.2 core schema, unique keys, nothing executed. */
export const yamlParseOptions = {
  schema: 'core',
  version: '1.2',
  uniqueKeys: true,
  prettyErrors: true,
  strict: true,
} as const;

/** A problem that makes the block unreadable, placed in the whole text. */
export interface FrontmatterError {
  readonly message: string;
  /** 1-based line in the whole text. */
  readonly line: number;
  /** 1-based column. */
  readonly column: number;
  /** Offset in the whole text, for "jump there". */
  readonly offset: number;
}

/** A parsed block kept for editing: the `yaml` document and the problem that makes it unreadable. */
export interface ParsedBlock {
  readonly block: FrontmatterBlock;
  readonly doc: Document.Parsed;
  readonly error: FrontmatterError | null;
}

/**
 * Parses a YAML `block` with `yaml` (see the module comment). The problem, if any, is placed in
 * the article the block was found in: the opening fence is its first line, so the block alone
 * tells every line and column.
 */
export function parseYamlBlock(block: FrontmatterBlock): ParsedBlock {
  const place = (offset: number, message: string): FrontmatterError => {
    const before = block.content.slice(0, offset);
    const line = 1 + before.split(/\r\n|\r|\n/).length;
    const lastBreak = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
    return { message, line, column: offset - lastBreak, offset: block.contentFrom + offset };
  };
  if (block.content.length > maxFrontmatterChars) {
    const doc = parseDocument('', yamlParseOptions);
    return { block, doc, error: place(0, 'The frontmatter is too large to read (over 256 KB).') };
  }
  const doc = parseDocument(block.content, yamlParseOptions);
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem) {
    const message = problem.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    return { block, doc, error: place(problem.pos[0], describeYamlProblem(problem.code, message)) };
  }
  let aliases = 0;
  let firstAlias: number | null = null;
  visit(doc, {
    Alias(_key, node) {
      aliases++;
      firstAlias ??= node.range?.[0] ?? 0;
    },
  });
  const bomb = `These aliases expand too much (more than ${maxFrontmatterAliases}); Folio does not expand them.`;
  if (aliases > maxFrontmatterAliases) return { block, doc, error: place(firstAlias ?? 0, bomb) };
  if (aliases === 0) return { block, doc, error: null }; // nothing can expand
  try {
    doc.toJS({ maxAliasCount: maxFrontmatterAliases });
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    return { block, doc, error: place(firstAlias ?? 0, /alias/i.test(message) ? bomb : message) };
  }
  return { block, doc, error: null };
}

function describeYamlProblem(code: string, message: string): string {
  if (code === 'DUPLICATE_KEY') return `Duplicate key: ${message}`;
  if (code === 'TAG_RESOLVE_FAILED') return `Unknown tag: ${message}`;
  return message;
}
