import { escapeHtml } from './escape';
import type { ExportMetadata } from './metadata';

/** Whether an article shows a title block above its body. */
export type TitleBlockMode = 'auto' | 'always' | 'never';

/**
 * Whether the title block shows: `auto` shows it when the frontmatter has a title and the body
 * no H1 of its own, so the title never shows twice. The preview and the export both ask here.
 */
export function showsTitleBlock(mode: TitleBlockMode, meta: ExportMetadata, hasH1: boolean): boolean {
  return mode === 'always' || (mode === 'auto' && !hasH1 && meta.titleSource === 'frontmatter');
}

/** The title block: title, description and a byline of authors and date, every value escaped. */
export function titleBlockHtml(meta: ExportMetadata): string {
  const lines = [`<header class="folio-title-block">`, `<h1>${escapeHtml(meta.title)}</h1>`];
  if (meta.description) lines.push(`<p class="folio-description">${escapeHtml(meta.description)}</p>`);
  const byline: string[] = [];
  if (meta.authors.length) byline.push(`<span>${escapeHtml(meta.authors.join(', '))}</span>`);
  if (meta.date) {
    const datetime = /^\d{4}-\d{2}-\d{2}/.exec(meta.date)?.[0];
    byline.push(
      datetime
        ? `<time datetime="${datetime}">${escapeHtml(meta.date)}</time>`
        : `<span>${escapeHtml(meta.date)}</span>`,
    );
  }
  if (byline.length) lines.push(`<p class="folio-byline">${byline.join(' · ')}</p>`);
  lines.push('</header>');
  return lines.join('\n');
}
