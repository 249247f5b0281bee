/** How bad a problem is: errors fail `folio check` and a `--strict` export. */
export type ProblemSeverity = 'error' | 'warning';

/** Every kind of problem the preflight checks find. */
export const problemCodes = [
  'invalid-frontmatter',
  'broken-link',
  'broken-anchor',
  'missing-image',
  'image-outside-library',
  'image-without-alt',
  'local-resource',
  'skipped-heading-level',
  'multiple-h1',
  'missing-field',
  'empty-title',
  'long-title',
  'empty-description',
  'long-description',
  'too-complex',
] as const;

/** One of {@link problemCodes}. */
export type ProblemCode = (typeof problemCodes)[number];

/** One problem of one article, shown in the export dialog and printed by `folio check`. */
export interface ArticleProblem {
  /** Library-relative path of the article. */
  readonly path: string;
  /** 1-based source line, when known. */
  readonly line: number | null;
  readonly severity: ProblemSeverity;
  readonly code: ProblemCode;
  /** A sentence for the author. */
  readonly message: string;
}

/** True when any problem is an error. */
export function hasErrors(problems: readonly ArticleProblem[]): boolean {
  return problems.some((problem) => problem.severity === 'error');
}
