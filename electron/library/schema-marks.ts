/**
 * The library pane's schema marks: every article's frontmatter checked against the library's
 * schema (`.folio/schema.yaml`, or the built-in set without one). The listing is
 * performance-sensitive, so each article's result is memoized by its frontmatter text and the
 * schema: a re-scan, a watched change or a second listing re-checks only articles whose block
 * changed. The check reads data with the listing's quick readers, which agree with the form's.
 */
import type { ArticleSummary } from '../../shared/contract';
import { frontmatterData } from '../../shared/frontmatter/data';
import { findFrontmatter } from '../../shared/frontmatter/find-block';
import { validateData, type FrontmatterSchema } from '../../shared/frontmatter/schema';

/** Adds schema problems to summaries; see {@link createSchemaMarks}. */
export type SchemaMarker = (
  summaries: readonly ArticleSummary[],
  headOf: (path: string) => string | undefined,
  schema: FrontmatterSchema,
  /** The data the scan already read for a path (`null`: not checked); saves a second parse. */
  dataOf?: (path: string) => Readonly<Record<string, unknown>> | null | undefined,
) => ArticleSummary[];

interface Memo {
  readonly head: string;
  readonly schema: FrontmatterSchema;
  readonly problems: readonly string[];
}

/**
 * The schema problems of one article's head (the text before its body). `data`, when the scan
 * already read it, is used as is (`null`: TOML or unreadable YAML, which get no marks).
 */
export function headProblems(
  head: string,
  schema: FrontmatterSchema,
  data?: Readonly<Record<string, unknown>> | null,
): string[] {
  if (data !== undefined) return data === null ? [] : validateData(data, schema).map((p) => p.message);
  const block = findFrontmatter(head);
  // TOML is read-only in Folio and unreadable YAML is reported by the parser: no schema marks.
  if (block?.kind === 'toml') return [];
  const read = block ? frontmatterData(block) : { data: {}, problems: [] };
  if (read.problems.length > 0) return [];
  return validateData(read.data, schema).map((problem) => problem.message);
}

/**
 * A marker that keeps one memo entry per article: summaries whose head and schema are the same
 * as last time reuse their problems without reading the YAML again. Entries of articles no
 * longer listed are dropped on the next call. `check` computes one head's problems (default
 * {@link headProblems}; tests pass a counting one).
 */
export function createSchemaMarks(check: typeof headProblems = headProblems): SchemaMarker {
  let memo = new Map<string, Memo>();
  return (summaries, headOf, schema, dataOf) => {
    const next = new Map<string, Memo>();
    const out = summaries.map((summary) => {
      const head = headOf(summary.path) ?? '';
      const known = memo.get(summary.path);
      const entry =
        known && known.schema === schema && known.head === head
          ? known
          : {
              head,
              schema,
              problems: summary.problems.length > 0 ? [] : check(head, schema, dataOf?.(summary.path)),
            };
      next.set(summary.path, entry);
      return entry.problems.length > 0
        ? { ...summary, problems: [...summary.problems, ...entry.problems] }
        : summary;
    });
    memo = next;
    return out;
  };
}
