import { anchorNames, isArticlePath, type PreparedArticle } from '../export';
import type { ArticleProblem, ProblemCode, ProblemSeverity } from './problems';

/** Titles longer than this get a warning (search engines cut them around 60–70 characters). */
export const maxTitleLength = 70;
/** Descriptions longer than this get a warning (snippets are cut around 160 characters). */
export const maxDescriptionLength = 160;

/** What the checks need to know about the rest of the library. */
export interface CheckContext {
  /** True when a library path is a file of the library (article, image, anything). */
  fileExists(libraryPath: string): boolean;
  /**
   * The anchor names (see `anchorNames`) of another article, or `null` when it cannot be read.
   * Only asked for articles that exist.
   */
  anchorsOf(articlePath: string): ReadonlySet<string> | null;
  /** Fields the library schema requires (empty without a schema). */
  readonly requiredFields: readonly string[];
}

/**
 * The preflight checks of one article, shared by the export dialog and `folio check`: broken
 * links to articles and headings, missing images or images outside the library, resources that
 * would load from the reader's own network (dropped from the page), images without alt text, skipped heading levels, more than one H1, required fields missing, and an empty or
 * very long title or description. Pure: the context answers questions about other files.
 */
export function checkArticle(article: PreparedArticle, context: CheckContext): ArticleProblem[] {
  const problems: ArticleProblem[] = [];
  const add = (
    severity: ProblemSeverity,
    code: ProblemCode,
    message: string,
    line: number | null = null,
  ): void => {
    problems.push({ path: article.path, line, severity, code, message });
  };

  for (const problem of article.frontmatterProblems) add('error', 'invalid-frontmatter', problem, 1);

  const ownAnchors = anchorNames(article.headings);
  for (const link of article.links) {
    const { target } = link;
    if (target.kind === 'fragment') {
      if (
        target.fragment &&
        !ownAnchors.has(target.fragment) &&
        !target.fragment.startsWith('user-content-fn')
      ) {
        add(
          'error',
          'broken-anchor',
          `The link “${link.href}” points to a heading that does not exist.`,
          link.line,
        );
      }
    } else if (target.kind === 'outside') {
      add('error', 'broken-link', `The link “${link.href}” leads outside the library.`, link.line);
    } else if (target.kind === 'library') {
      if (!context.fileExists(target.path)) {
        add(
          'error',
          'broken-link',
          `The link “${link.href}” points to “${target.path}”, which does not exist.`,
          link.line,
        );
      } else if (target.fragment && isArticlePath(target.path)) {
        const anchors = target.path === article.path ? ownAnchors : context.anchorsOf(target.path);
        if (anchors && !anchors.has(target.fragment)) {
          add(
            'error',
            'broken-anchor',
            `The link “${link.href}” points to a heading “#${target.fragment}” that “${target.path}” does not have.`,
            link.line,
          );
        }
      }
    }
  }

  // An image whose `src` was dropped for its host is reported once, as a local resource.
  const droppedImages = new Map<number | null, number>();
  for (const resource of article.droppedResources) {
    add(
      'error',
      'local-resource',
      `The ${resource.tagName} “${resource.url}” would load from the reader's own computer or network; it was left out.`,
      resource.line,
    );
    if (resource.tagName === 'img' && resource.attribute === 'src') {
      droppedImages.set(resource.line, (droppedImages.get(resource.line) ?? 0) + 1);
    }
  }

  for (const image of article.images) {
    const name = image.src ?? '(refused URL)';
    const droppedHere = image.src === null ? (droppedImages.get(image.line) ?? 0) : 0;
    if (droppedHere > 0) {
      droppedImages.set(image.line, droppedHere - 1);
    } else if (image.target?.kind === 'outside' || image.target === null) {
      add('error', 'image-outside-library', `The image “${name}” is outside the library.`, image.line);
    } else if (image.target.kind === 'library' && !context.fileExists(image.target.path)) {
      add('error', 'missing-image', `The image “${name}” does not exist.`, image.line);
    }
    if (!image.alt || !image.alt.trim()) {
      add(
        'warning',
        'image-without-alt',
        `The image “${name}” has no alt text for readers who cannot see it.`,
        image.line,
      );
    }
  }

  let previous = 0;
  let h1Count = 0;
  for (const heading of article.headings) {
    if (heading.depth === 1) h1Count++;
    if (previous > 0 && heading.depth > previous + 1) {
      add(
        'warning',
        'skipped-heading-level',
        `The heading “${heading.text}” jumps from level ${previous} to level ${heading.depth}.`,
        heading.line,
      );
    }
    previous = heading.depth;
  }
  if (h1Count > 1) {
    const second = article.headings.filter((h) => h.depth === 1)[1];
    add(
      'warning',
      'multiple-h1',
      `The article has ${h1Count} top-level (H1) headings; use one.`,
      second?.line ?? null,
    );
  }

  for (const field of context.requiredFields) {
    const value = article.data[field];
    if (value === undefined || value === null || (typeof value === 'string' && !value.trim())) {
      add('error', 'missing-field', `The field “${field}” is required by the library schema.`, 1);
    }
  }

  const rawTitle = article.data.title;
  if (rawTitle !== undefined && (rawTitle === null || (typeof rawTitle === 'string' && !rawTitle.trim()))) {
    add('error', 'empty-title', 'The title is empty.', 1);
  } else if (article.meta.titleSource === 'file') {
    add('warning', 'empty-title', 'The article has no title (no “title” field and no heading).', 1);
  } else if (article.meta.title.length > maxTitleLength) {
    add(
      'warning',
      'long-title',
      `The title is ${article.meta.title.length} characters long; keep it under ${maxTitleLength}.`,
      1,
    );
  }
  const rawDescription = article.data.description;
  if (
    rawDescription !== undefined &&
    (rawDescription === null || (typeof rawDescription === 'string' && !rawDescription.trim()))
  ) {
    add('warning', 'empty-description', 'The description is empty.', 1);
  } else if (article.meta.description && article.meta.description.length > maxDescriptionLength) {
    add(
      'warning',
      'long-description',
      `The description is ${article.meta.description.length} characters long; keep it under ${maxDescriptionLength}.`,
      1,
    );
  }
  return problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}
