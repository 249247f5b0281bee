import type { ChangeSet, Text } from '@codemirror/state';
import { FrontmatterTitle } from './frontmatter-title';

/** How long after an edit to the frontmatter the title block is read again. */
const titleReadDelayMs = 60;

/**
 * The export's title block above the preview's blocks, from the frontmatter (title,
 * description, byline), shown while no block has an H1 of its own, as the export shows it.
 * An edit that touches the frontmatter schedules one read of it a moment later, off the
 * keystroke: one read covers every edit made until it runs.
 */
export class TitleBlock {
  private readonly title = new FrontmatterTitle();
  private node: Element | null = null;
  /** The HTML shown (`''`: none). */
  private shown = '';
  private timer: ReturnType<typeof setTimeout> | null = null;

  /**
   * `readDoc` gives the editor's text when a scheduled read runs (`null`: no editor);
   * `changed` is called when that read changed the title block's HTML.
   */
  constructor(
    private readonly readDoc: () => Text | null,
    private readonly changed: () => void,
  ) {}

  /** Reads the frontmatter of an article that is being rendered whole. */
  opened(text: string): void {
    this.title.reset();
    this.title.update(text);
    this.cancel();
  }

  /** Schedules a read of the frontmatter when `changes` (giving `doc`) may have touched it. */
  edited(doc: Text, changes: ChangeSet): void {
    if (!this.title.touched(doc, changes) || this.timer !== null) return;
    // A 1,000-key block takes about a millisecond to read.
    this.timer = setTimeout(() => {
      this.timer = null;
      const current = this.readDoc();
      if (current && this.title.update(current)) this.changed();
    }, titleReadDelayMs);
  }

  /** Forgets the element shown (the article's content was replaced). */
  detach(): void {
    this.node = null;
  }

  /**
   * Shows the title block first in `article` when the frontmatter has a title and `hasH1` is
   * false, and removes it otherwise. True when what the article shows changed.
   */
  show(article: HTMLElement, hasH1: boolean, parse: (html: string) => Node[]): boolean {
    // Screen readers pick the voice by the frame's language: the article's, else the app's.
    const root = article.ownerDocument.documentElement;
    const lang = this.title.lang ?? (document.documentElement.lang || 'en');
    if (root.lang !== lang) root.lang = lang;
    const html = hasH1 ? '' : this.title.html;
    if (html === this.shown && (html === '' || this.node?.parentNode === article)) return false;
    this.node?.remove();
    this.node = null;
    this.shown = html;
    if (html) {
      this.node = parse(html).find((node): node is Element => node.nodeType === 1) ?? null;
      if (this.node) article.prepend(this.node);
    }
    return true;
  }

  /** Stops a scheduled read. */
  cancel(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
