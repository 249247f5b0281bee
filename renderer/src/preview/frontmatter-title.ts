import type { ChangeSet, Text } from '@codemirror/state';
import { readExportMetadata } from '../../../shared/export/metadata';
import { titleBlockHtml } from '../../../shared/export/title-block';
import {
  findFrontmatter,
  frontmatterData,
  maxFrontmatterChars,
  openingFence,
  type FrontmatterBlock,
} from '../../../shared/frontmatter';

/**
 * The language the frontmatter declares, as the export reads it (`checked`), or `null` when it
 * declares none or one that is not a language tag (the export then says `en`; the preview keeps
 * the app's language).
 */
function declaredLang(data: Record<string, unknown> | null, checked: string | undefined): string | null {
  const asked = data?.lang ?? data?.language;
  if (typeof asked !== 'string' || !checked) return null;
  return checked.toLowerCase() === asked.trim().toLowerCase() ? checked : null;
}

/**
 * Follows the frontmatter of the article in the preview for its title block (the export's:
 * title, description, byline), so the preview shows what the export will. {@link touched} says
 * cheaply whether an edit may have changed it; {@link update} reads the block again.
 */
export class FrontmatterTitle {
  /** Offset just after the frontmatter block; 0 when there is none. */
  private end = 0;
  private source: string | null = null;
  /** The title block's HTML; empty when the frontmatter has no title. */
  html = '';
  /** The article's language from its frontmatter (`lang` or `language`); `null` when it has none. */
  lang: string | null = null;

  /** Forgets the article (a new one is opening). */
  reset(): void {
    this.end = 0;
    this.source = null;
    this.html = '';
    this.lang = null;
  }

  /**
   * Whether `changes` (just applied, giving `doc`) may have changed the title block: they touch
   * the frontmatter, or the article starts with a fence (a block may be opening or closing).
   * Reads nothing but the first line, so it can run on every keystroke.
   */
  touched(doc: Text, changes: ChangeSet): boolean {
    return this.end > 0
      ? changes.touchesRange(0, this.end) !== false
      : openingFence(doc.sliceString(0, 64)) !== null;
  }

  /** Reads the frontmatter of `doc` again. True when the title block's HTML or the language changed. */
  update(doc: Text | string): boolean {
    const length = doc.length;
    const head = (to: number): string =>
      typeof doc === 'string' ? doc.slice(0, to) : doc.sliceString(0, to);
    const fenced = openingFence(head(Math.min(length, 64))) !== null;
    // The closing fence is looked for near where it was, then as far as the frontmatter reader
    // reads (a longer block is no frontmatter for it either).
    let text = '';
    let block: FrontmatterBlock | null = null;
    for (const limit of fenced ? [Math.max(4096, this.end * 2), maxFrontmatterChars + 16] : []) {
      text = head(Math.min(length, limit));
      block = findFrontmatter(text);
      if (block || limit >= length) break;
    }
    this.end = block ? block.to : 0;
    const source = block?.kind === 'yaml' ? text.slice(0, block.to) : null;
    if (source === this.source) return false;
    this.source = source;
    const data = block && source ? frontmatterData(block).data : null;
    const meta = data ? readExportMetadata(data, { heading: null, path: '' }) : null;
    const html = meta?.titleSource === 'frontmatter' ? titleBlockHtml(meta) : '';
    const lang = declaredLang(data, meta?.lang);
    if (html === this.html && lang === this.lang) return false;
    this.html = html;
    this.lang = lang;
    return true;
  }
}
