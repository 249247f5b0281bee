import { exportCsp } from './document';
import { escapeHtml } from './escape';

/** One article on the library's index page. */
export interface IndexEntry {
  readonly title: string;
  /** Relative URL of the exported article from the index. */
  readonly href: string;
  /** Frontmatter date as written, if any. */
  readonly date: string | null;
  /** Sort key when there is no date: the file's modification time (ISO 8601). */
  readonly updated: string;
  readonly description: string | null;
  readonly tags: readonly string[];
}

/** Options of {@link buildIndexDocument}. */
export interface IndexDocumentOptions {
  /** Heading and `<title>` of the page (the library's name). */
  readonly title: string;
  /** The same stylesheet as the articles. */
  readonly css: string;
  readonly lang?: string;
}

/** Sorts entries newest first: by `date` (else modification time), then by title. */
export function sortNewestFirst(entries: readonly IndexEntry[]): IndexEntry[] {
  const key = (entry: IndexEntry): string => entry.date ?? entry.updated;
  return [...entries].sort((a, b) => key(b).localeCompare(key(a)) || a.title.localeCompare(b.title));
}

/**
 * Builds the `index.html` of a library export: every article with its title, date, description
 * and tags, newest first, in the articles' theme and under the same CSP. Pure; all text escaped.
 */
export function buildIndexDocument(entries: readonly IndexEntry[], options: IndexDocumentOptions): string {
  const items = sortNewestFirst(entries).map((entry) => {
    const parts = [`<li>`, `<h2><a href="${escapeHtml(entry.href)}">${escapeHtml(entry.title)}</a></h2>`];
    if (entry.date) {
      const datetime = /^\d{4}-\d{2}-\d{2}/.exec(entry.date)?.[0];
      parts.push(
        datetime
          ? `<p class="folio-byline"><time datetime="${datetime}">${escapeHtml(entry.date)}</time></p>`
          : `<p class="folio-byline">${escapeHtml(entry.date)}</p>`,
      );
    }
    if (entry.description) parts.push(`<p class="folio-description">${escapeHtml(entry.description)}</p>`);
    if (entry.tags.length) {
      const tags = entry.tags.map((tag) => `<li>${escapeHtml(tag)}</li>`).join('');
      parts.push(`<ul class="folio-tags">${tags}</ul>`);
    }
    parts.push('</li>');
    return parts.join('\n');
  });
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(options.lang ?? 'en')}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(exportCsp('inline'))}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(options.title)}</title>`,
    '<meta name="generator" content="Folio">',
    `<style>\n${options.css.replace(/<\/(style)/gi, '<\\/$1')}\n</style>`,
    '</head>',
    '<body>',
    '<main class="folio-article folio-index">',
    `<h1>${escapeHtml(options.title)}</h1>`,
    entries.length ? `<ol>\n${items.join('\n')}\n</ol>` : '<p>No articles to show.</p>',
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
