import type { ChangeSet, Text } from '@codemirror/state';
import { readExportMetadata } from '../../../shared/export/metadata';
import { titleBlockHtml } from '../../../shared/export/title-block';
import {
  fastFrontmatterData,
  findFrontmatter,
  maxFrontmatterChars,
  parseFrontmatter,
  simpleFrontmatterData,
  type FrontmatterBlock,
} from '../../../shared/frontmatter';

/**
 * Follows the frontmatter of the article in the preview for its title block (the export's:
 * title, description, byline), so the preview shows what the export will. The YAML is read
 * again only when an edit may have changed the block: one that touches it, or any edit while
 * the article starts with a fence that is not closed yet.
 */
export class FrontmatterTitle {
  /** Offset just after the frontmatter block; 0 when there is none. */
  private end = 0;
  private source: string | null = null;
  /** The title block's HTML; empty when the frontmatter has no title. */
  html = '';

  /** Forgets the article (a new one is opening). */
  reset(): void {
    this.end = 0;
    this.source = null;
    this.html = '';
  }

  /**
   * Reads the frontmatter of `doc` (the whole article on open; after an edit, `changes` say
   * whether it may have changed). True when the title block's HTML changed.
   */
  update(doc: Text | string, changes?: ChangeSet): boolean {
    const length = doc.length;
    const head = (to: number): string =>
      typeof doc === 'string' ? doc.slice(0, to) : doc.sliceString(0, to);
    const fenced = /^\uFEFF?(?:---|\+\+\+)[ \t]*(?:\r?\n|$)/.test(head(Math.min(length, 64)));
    if (changes && !(this.end > 0 ? changes.touchesRange(0, this.end) : fenced)) return false;
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
    // The library's quick readers first (the same data as `yaml`, tested so), then `yaml`.
    const data =
      block && source
        ? (simpleFrontmatterData(block) ?? fastFrontmatterData(block) ?? parseFrontmatter(source).data)
        : null;
    const meta = data ? readExportMetadata(data, { heading: null, path: '' }) : null;
    const html = meta?.titleSource === 'frontmatter' ? titleBlockHtml(meta) : '';
    if (html === this.html) return false;
    this.html = html;
    return true;
  }
}
