import type { BlockHtml, RenderPatch } from '../../../shared/markdown';
import { BlockChunks } from './block-chunks';
import type { PreviewBlock } from './scroll-sync';

/** A block shown in the preview: its nodes, source lines and the renderer's key for it. */
interface Entry extends PreviewBlock {
  /** The renderer's identity of the block's HTML (see `BlockHtml.key`); 0 matches nothing. */
  key: number;
  /** Whether the block has an H1 of its own. */
  h1: boolean;
  /** Whether the block has images (to know when to look for remote ones). */
  images: boolean;
}

/** What one patch changed that the preview around the blocks cares about. */
export interface PatchOutcome {
  /** Whether images came or went (the frame may have gained or lost remote ones). */
  readonly imagesChanged: boolean;
  /** Whether the patch was a whole render. */
  readonly whole: boolean;
}

/** In a block's HTML a tag is the only `<h1` there can be (text has `&lt;`). */
const hasH1 = (html: string): boolean => html.includes('<h1');
const hasImages = (html: string): boolean => html.includes('<img');

/** The nodes `html` parses to in `doc` (a template's: no script runs, nothing loads yet). */
export function parseNodes(doc: Document, html: string): Node[] {
  const template = doc.createElement('template');
  template.innerHTML = html;
  return [...template.content.childNodes].filter(
    (node) => !(node.nodeType === 3 && node.textContent === '\n'),
  );
}

/**
 * Whether `nodes` already stand one after the other right before `anchor` (or, with the end
 * element as `anchor`, at the end of the last chunk), where an insert would put them.
 */
function inPlace(nodes: readonly Node[], anchor: Node): boolean {
  if (nodes.length === 0) return true;
  for (let index = 1; index < nodes.length; index++) {
    if (nodes[index - 1]!.nextSibling !== nodes[index]) return false;
  }
  const last = nodes[nodes.length - 1]!;
  if (last.nextSibling) return last.nextSibling === anchor;
  // The last of its chunk: the next chunk's first block, or the end element, comes next.
  const chunkAfter = last.parentNode?.nextSibling;
  return chunkAfter === anchor || (chunkAfter?.firstChild ?? null) === anchor;
}

/**
 * The blocks of one preview frame: applies the worker's patches to the frame's DOM, parsing
 * only the blocks a patch names and keeping the DOM of every block whose renderer key it
 * already shows (a block that only moved, or that a whole render left as it was). The blocks
 * live in chunk elements (block-chunks.ts), the footnotes section after them. Each patch is
 * counted on the frame element (see {@link recordPatch}).
 */
export class DomPatcher {
  private shown: Entry[] = [];
  /** The chunk elements the blocks live in, and the footnotes section after them. */
  private chunks: BlockChunks | null = null;
  /** The first screen of a long article, until the first patch replaces it. */
  private firstShown: Node[] = [];
  /** Whether the footnotes section shown has images. */
  private footerImages = false;
  /** How many blocks shown have an H1 of their own. */
  private h1Count = 0;
  private patchCount = 0;
  private wholeCount = 0;

  constructor(private readonly frame: HTMLIFrameElement) {}

  /** The blocks shown, in order (scroll sync reads their lines and nodes). */
  get entries(): readonly PreviewBlock[] {
    return this.shown;
  }

  /** Whether a block shown has an H1 of its own (the title block then stays away). */
  get hasH1(): boolean {
    return this.h1Count > 0;
  }

  /** The frame's article element, where the blocks go. */
  article(): HTMLElement | null {
    return this.frame.contentDocument?.getElementById('folio-preview') ?? null;
  }

  /** The nodes `html` parses to in the frame's document. */
  parse(html: string): Node[] {
    return parseNodes(this.frame.contentDocument!, html);
  }

  /**
   * Forgets which renderer keys the shown blocks have: a new worker numbers its blocks from
   * the start again, so its keys say nothing about the blocks shown.
   */
  forgetKeys(): void {
    for (const entry of this.shown) entry.key = 0;
  }

  /** Shows the first screen of a long article in place of everything, until the first patch. */
  showFirst(html: string): void {
    const article = this.article();
    if (!article) return;
    article.replaceChildren(...this.parse(html));
    this.shown = [];
    this.chunks = null;
    this.firstShown = [...article.childNodes];
    // The first screen's H1 stands for the article's until the whole of it is rendered.
    this.h1Count = hasH1(html) ? 1 : 0;
  }

  /**
   * Applies a worker patch: only the blocks it names are parsed and replaced. `'stale'`, changing
   * nothing, when a block names a list item of a block not shown (see `BlockHtml.item`): the
   * article must then be rendered again.
   */
  apply(patch: RenderPatch): PatchOutcome | 'stale' | null {
    const article = this.article();
    if (!article) return null;
    if (!patch.full) {
      const removed = this.shown.slice(patch.start, patch.start + patch.deleteCount);
      const placeable = (block: BlockHtml): boolean => {
        const earlier = removed.find((entry) => entry.key !== 0 && entry.key === block.item!.of);
        return earlier !== undefined && this.itemShown(earlier, block.item!.index) !== null;
      };
      if (patch.blocks.some((block) => block.item && !placeable(block))) return 'stale';
    }
    for (const node of this.firstShown) node.parentNode?.removeChild(node);
    this.firstShown = [];
    if (!this.chunks) {
      const section = article.ownerDocument.createElement('div');
      section.className = 'folio-footnotes';
      article.append(section);
      this.chunks = new BlockChunks(article, section);
    }
    const chunks = this.chunks;
    const footer = chunks.end;
    const whole = patch.full;
    if (whole) patch = this.trimWhole(patch);
    const removed = this.shown.slice(patch.start, patch.start + patch.deleteCount);
    // Read before a list's entry takes its typed item's flags (it is then both removed and added).
    const removedH1 = removed.filter((entry) => entry.h1).length;
    const removedImages = removed.some((entry) => entry.images);
    // A key the renderer kept names the same HTML: its DOM moves instead of being parsed again.
    const pool = new Map<number, Entry>();
    for (const entry of removed) if (entry.key !== 0) pool.set(entry.key, entry);
    const added = patch.blocks.map((block) => this.entryFor(block, pool));
    for (const entry of pool.values()) {
      for (const node of entry.nodes) {
        chunks.removing(node);
        node.parentNode?.removeChild(node);
      }
    }
    this.shown.splice(patch.start, patch.deleteCount, ...added);
    // After a whole render the first screen's guess (showFirst) is gone: count them all.
    if (whole) this.h1Count = this.shown.filter((entry) => entry.h1).length;
    else {
      this.h1Count += added.filter((entry) => entry.h1).length - removedH1;
    }
    if (patch.lineDelta !== 0) {
      for (let index = patch.start + added.length; index < this.shown.length; index++) {
        const entry = this.shown[index]!;
        entry.line += patch.lineDelta;
        entry.lineEnd += patch.lineDelta;
      }
    }
    // Insert (or move) the added blocks' nodes before the next block that has any.
    let anchor: Node | null = footer;
    for (let index = patch.start + added.length; index < this.shown.length; index++) {
      const first = this.shown[index]!.nodes[0];
      if (first) {
        anchor = first;
        break;
      }
    }
    const nodes = added.flatMap((entry) => entry.nodes);
    // Reused blocks move (their old chunk may be left empty), unless they are where they go:
    // moving a node lays it out again, a list of hundreds of items for one typed into.
    if (!inPlace(nodes, anchor)) {
      for (const node of nodes) chunks.removing(node);
      chunks.insert(nodes, anchor);
    }
    chunks.settle();
    if (patch.footer !== undefined && !(patch.footnotes && this.replaceNotes(patch.footnotes))) {
      footer.replaceChildren(...this.parse(patch.footer));
    }
    const footerHadImages = this.footerImages;
    if (patch.footer !== undefined) this.footerImages = hasImages(patch.footer);
    this.recordPatch(patch);
    return {
      whole,
      imagesChanged:
        removedImages ||
        added.some((entry) => entry.images) ||
        (patch.footer !== undefined && (this.footerImages || footerHadImages)),
    };
  }

  /**
   * A whole render as a patch of the blocks that changed: the blocks at either end that keep
   * the keys shown keep their DOM where it is (taking the new render's source lines), so the
   * frame's chunks keep the sizes they measured, and only the blocks between are parsed and
   * laid out again. A whole render of a long article usually changes a few blocks (a link
   * definition that changed) or everything after one place (a fence opened there). With nothing
   * shown (opening, a restarted worker) it replaces everything.
   */
  private trimWhole(patch: RenderPatch): RenderPatch {
    const shown = this.shown;
    const blocks = patch.blocks;
    const keep = (entry: Entry, block: BlockHtml): boolean => {
      if (entry.key !== block.key) return false;
      entry.line = block.line;
      entry.lineEnd = block.lineEnd;
      return true;
    };
    let head = 0;
    while (head < shown.length && head < blocks.length && keep(shown[head]!, blocks[head]!)) head++;
    let tail = 0;
    while (
      tail < shown.length - head &&
      tail < blocks.length - head &&
      keep(shown[shown.length - 1 - tail]!, blocks[blocks.length - 1 - tail]!)
    ) {
      tail++;
    }
    return {
      ...patch,
      start: head,
      deleteCount: shown.length - head - tail,
      blocks: blocks.slice(head, blocks.length - tail),
      lineDelta: 0,
    };
  }

  /**
   * Counts the patch on the frame element, outside the preview's own document, where a test or
   * a bench reads what a keystroke cost without timing it: `data-preview-patches` (patches
   * shown since the frame loaded), `data-preview-whole-renders` (of those, whole renders of the
   * article, opening included) and `data-preview-blocks` (blocks the last patch replaced).
   */
  private recordPatch(patch: RenderPatch): void {
    this.patchCount++;
    if (patch.full) this.wholeCount++;
    const data = this.frame.dataset;
    data.previewPatches = String(this.patchCount);
    data.previewWholeRenders = String(this.wholeCount);
    data.previewBlocks = String(Math.max(patch.deleteCount, patch.blocks.length));
  }

  /**
   * Replaces the footnotes-section items of notes whose text changed (typing in a note), so a
   * long article's hundreds of notes are not parsed again per keystroke. False when an item
   * is not there (the section is then replaced whole).
   */
  private replaceNotes(notes: readonly { readonly id: string; readonly html: string }[]): boolean {
    const list = this.chunks?.end.querySelector(':scope > section > ol');
    if (!list) return false;
    const found = notes.map((note) => [...list.children].find((item) => item.id === note.id));
    if (found.some((item) => !item)) return false;
    notes.forEach((note, index) => found[index]!.replaceWith(...this.parse(note.html)));
    return true;
  }

  /**
   * The `<li>` at `index` of the list `entry` shows (the `<tr>` of its table's body), if it is
   * one list (table) with such an item.
   */
  private itemShown(entry: Entry, index: number): Element | null {
    // The frame's nodes are not instances of this window's `Element`.
    const block = entry.nodes.length === 1 ? (entry.nodes[0] as Element) : undefined;
    if (block?.nodeType !== 1) return null;
    const [parent, name] =
      block.localName === 'table'
        ? [[...block.children].find((child) => child.localName === 'tbody'), 'tr']
        : block.localName === 'ul' || block.localName === 'ol'
          ? [block, 'li']
          : [undefined, ''];
    return [...(parent?.children ?? [])].filter((child) => child.localName === name)[index] ?? null;
  }

  /**
   * Puts the item `block.item` names in place of the one `entry` (the list the block was) shows,
   * and gives the entry the block's key and lines: typing in an item of a long list parses that
   * `<li>` alone (`apply` made sure the item is there).
   */
  private replaceItem(entry: Entry, block: BlockHtml): void {
    const { index, html, images, h1 } = block.item!;
    const list = entry.nodes[0] as Element;
    this.itemShown(entry, index)!.replaceWith(...this.parse(html));
    list.setAttribute('data-line', String(block.line));
    list.setAttribute('data-line-end', String(block.lineEnd));
    entry.key = block.key;
    entry.line = block.line;
    entry.lineEnd = block.lineEnd;
    entry.renderedLine = block.line;
    entry.images = images;
    entry.h1 = h1;
  }

  private entryFor(block: BlockHtml, pool: Map<number, Entry>): Entry {
    const reused = pool.get(block.key);
    if (reused) {
      pool.delete(block.key);
      reused.line = block.line;
      reused.lineEnd = block.lineEnd;
      return reused;
    }
    if (block.item) {
      const earlier = pool.get(block.item.of)!;
      this.replaceItem(earlier, block);
      pool.delete(block.item.of);
      return earlier;
    }
    // The line its DOM carries: scroll sync reads moved blocks' stale `data-line` through it.
    const match = / data-line="(\d+)"/.exec(block.html);
    return {
      key: block.key,
      h1: hasH1(block.html),
      images: hasImages(block.html),
      line: block.line,
      lineEnd: block.lineEnd,
      renderedLine: match ? Number(match[1]) : block.line,
      nodes: this.parse(block.html),
    };
  }
}
