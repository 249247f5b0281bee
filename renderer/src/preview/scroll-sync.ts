import type { EditorView } from '@codemirror/view';
import { editorScrollFor, editorTopLine } from './editor-lines';
import { InnerLines } from './inner-lines';
import { SkippedLayout } from './skipped-layout';

/** One preview block as scroll sync sees it: its source lines now and the DOM nodes it made. */
export interface PreviewBlock {
  line: number;
  lineEnd: number;
  /** The line the block's HTML was rendered at (its `data-line` may be stale after moves). */
  renderedLine: number;
  nodes: Node[];
}

interface Anchor {
  readonly element: HTMLElement;
  readonly line: number;
  readonly lineEnd: number;
}

const storageKey = 'folio-preview-sync';

/**
 * Two-way scroll sync by source lines: the editor's top line maps to the preview block that
 * carries it (interpolated inside the block), and back. The side the author scrolled last
 * leads; when the preview's heights change (images, math, fonts) it is re-anchored to the same
 * source line. Can be turned off; the choice is remembered.
 */
export class ScrollSync {
  private view: EditorView | null = null;
  private frame: HTMLIFrameElement | null = null;
  private anchors: Anchor[] | null = null;
  /** Per block (its node list, which lives as long as the block): its elements' own lines. */
  private readonly rawByNodes = new WeakMap<readonly Node[], readonly Anchor[]>();
  private leader: 'editor' | 'preview' = 'editor';
  /**
   * The pane the author last touched (wheel, pointer, keys). Only its scrolling leads: the
   * other pane's scroll events come from sync itself or from layout settling.
   */
  private intent: 'editor' | 'preview' = 'editor';
  /** The source line (fractional) at the top of the leading side. */
  private topLine = 1;
  /**
   * Where sync itself last scrolled each side: the scroll event that reports that position is
   * sync's own, any other is the author's (a time window instead dropped the author's last
   * scroll events after a far jump, and the editor stayed where the jump began).
   */
  private scrolledTo: { editor: number | null; preview: number | null } = { editor: null, preview: null };
  private resize: ResizeObserver | null = null;
  private reanchorFrame: number | null = null;
  /** The first block whose content changed since the preview was last anchored (none: Infinity). */
  private changedFrom = Infinity;
  /** The source line the preview was last anchored at (null: not yet). */
  private anchoredLine: number | null = null;
  private cleanups: (() => void)[] = [];
  /** Lays out the skipped chunks whose blocks' boxes are read. */
  private readonly layout = new SkippedLayout();
  /** Where the code lines, table rows and list items of the blocks are shown. */
  private readonly inner = new InnerLines();
  enabled = localStorage.getItem(storageKey) !== 'off';
  /** Clicking a block in the preview moves the editor cursor to its source. */
  readonly clickToSource = true;

  constructor(
    private readonly blocks: () => readonly PreviewBlock[],
    private readonly reveal: (line: number) => void,
  ) {}

  /** Turns sync on or off (remembered across runs). */
  setEnabled(enabled: boolean): void {
    this.enabled = enabled;
    localStorage.setItem(storageKey, enabled ? 'on' : 'off');
    if (enabled) this.followEditor();
  }

  /** Follows the scrolling of `view`. */
  attachEditor(view: EditorView | null): void {
    this.view = view;
    if (!view) return;
    const intent = (): void => {
      this.intent = 'editor';
    };
    for (const type of ['wheel', 'pointerdown', 'keydown', 'touchstart'] as const) {
      view.dom.addEventListener(type, intent, { passive: true, capture: true });
      this.cleanups.push(() => view.dom.removeEventListener(type, intent, { capture: true }));
    }
    const onScroll = (): void => {
      if (this.consume('editor', view.scrollDOM.scrollTop) || this.intent !== 'editor') return;
      this.leader = 'editor';
      this.topLine = this.editorTopLine();
      if (this.enabled) this.scrollPreviewTo(this.topLine);
    };
    view.scrollDOM.addEventListener('scroll', onScroll, { passive: true });
    this.cleanups.push(() => view.scrollDOM.removeEventListener('scroll', onScroll));
  }

  /** Follows the scrolling and the size changes of the preview frame. */
  attachPreview(frame: HTMLIFrameElement): void {
    this.frame = frame;
    this.anchors = null;
    const win = frame.contentWindow;
    const article = frame.contentDocument?.getElementById('folio-preview');
    if (!win || !article) return;
    const intent = (): void => {
      this.intent = 'preview';
    };
    for (const type of ['wheel', 'pointerdown', 'keydown', 'touchstart'] as const) {
      win.addEventListener(type, intent, { passive: true, capture: true });
      this.cleanups.push(() => win.removeEventListener(type, intent, { capture: true }));
    }
    const onScroll = (): void => {
      if (this.consume('preview', win.scrollY) || this.intent !== 'preview') return;
      this.leader = 'preview';
      const line = this.lineAtY(win.scrollY);
      if (line === null) return;
      this.topLine = line;
      if (this.enabled) this.scrollEditorTo(line);
    };
    win.addEventListener('scroll', onScroll, { passive: true });
    this.resize?.disconnect();
    this.resize = new ResizeObserver(() => this.reanchor());
    this.resize.observe(article);
    this.cleanups.push(() => win.removeEventListener('scroll', onScroll));
  }

  /**
   * The preview's blocks changed, from block `firstBlock` on (default: anything may have
   * moved): forget cached positions and keep the anchor, once per frame. Measuring right away
   * would force a layout of the whole preview on every keystroke. When every change lies below
   * the block at the top and the top line is the one last anchored, nothing shown at the top
   * moved and the preview is not measured at all: typing in view changes blocks below the top,
   * and a long preview's layout, forced there, cost more than the rest of the app's work on a
   * keystroke. (When the patched blocks change the preview's height, its size observer
   * re-anchors it after the frame's own layout.)
   */
  contentChanged(firstBlock = 0): void {
    this.anchors = null;
    this.changedFrom = Math.min(this.changedFrom, firstBlock);
    if (this.reanchorFrame !== null) return;
    // Known at once, without a frame of its own: a frame requested here ran after the one that
    // shows the patch, on every keystroke, and held up whatever waited for the page after it.
    if (!this.enabled || this.topStays()) {
      this.changedFrom = Infinity;
      return;
    }
    this.reanchorFrame = requestAnimationFrame(() => {
      this.reanchorFrame = null;
      this.reanchor(true);
    });
  }

  /** The source line of a clicked preview element, or `null` outside any block. */
  lineAtElement(target: Element | null): number | null {
    let element: Element | null = target;
    while (element && !element.hasAttribute('data-line')) element = element.parentElement;
    if (!element) return null;
    const found = this.anchorList().find((anchor) => anchor.element === element);
    if (found) return found.line;
    // A nested element with its own data-line cannot exist (the renderer strips them), but a
    // stale one still maps through its block's shift.
    return Number(element.getAttribute('data-line'));
  }

  /** Scrolls the editor so that the cursor's line and the preview agree (used on open). */
  followEditor(): void {
    if (!this.view) return;
    this.leader = 'editor';
    this.intent = 'editor';
    this.topLine = this.editorTopLine();
    this.scrollPreviewTo(this.topLine);
  }

  /** Detaches every listener. */
  dispose(): void {
    for (const cleanup of this.cleanups) cleanup();
    this.cleanups = [];
    this.resize?.disconnect();
    if (this.reanchorFrame !== null) cancelAnimationFrame(this.reanchorFrame);
    this.layout.dispose();
  }

  /** Moves the editor cursor to `line`: exposed for keyboard access from the preview. */
  revealLine(line: number): void {
    this.reveal(line);
  }

  /** Whether a scroll event at `position` on `side` is sync's own (see {@link scrolledTo}). */
  private consume(side: 'editor' | 'preview', position: number): boolean {
    const own = this.scrolledTo[side];
    this.scrolledTo[side] = null;
    return own !== null && Math.abs(position - own) < 1;
  }

  /**
   * Scrolls the preview back to the leading side's top line; after a patch (`afterPatch`) only
   * when the patch may have moved what the top shows (see {@link contentChanged}).
   */
  private reanchor(afterPatch = false): void {
    if (!this.enabled) return;
    const stays = afterPatch && this.topStays();
    this.changedFrom = Infinity;
    if (!stays) this.scrollPreviewTo(this.leadingTopLine());
  }

  /** The source line at the top of the side that leads. */
  private leadingTopLine(): number {
    return this.leader === 'editor' ? this.editorTopLine() : this.topLine;
  }

  /**
   * Whether the line at the top of the leading side is the one the preview was last anchored
   * at, and the blocks changed since then left what shows it where it was (no DOM is read).
   */
  private topStays(): boolean {
    const line = this.leadingTopLine();
    return line === this.anchoredLine && this.topUnmoved(line, this.changedFrom);
  }

  /**
   * Whether what the preview shows for source line `line` stays where it was when only blocks
   * from index `changedFrom` on changed: the element carrying the line is in an earlier block,
   * and so is the one after it when the line lies between the two (no DOM is read for this).
   */
  private topUnmoved(line: number, changedFrom: number): boolean {
    const found = this.blockIndexAt(line);
    if (changedFrom > found + 1) return true;
    if (changedFrom <= found) return false;
    const { anchor } = this.anchorsAround(line);
    return anchor !== null && line < anchor.lineEnd + 1;
  }

  private anchorList(): Anchor[] {
    if (this.anchors) return this.anchors;
    const anchors: Anchor[] = [];
    for (const block of this.blocks()) anchors.push(...this.shiftedAnchors(block));
    this.anchors = anchors;
    return anchors;
  }

  /**
   * A block's elements with the source lines they were rendered at, read from the DOM once per
   * block: rebuilding the list after a keystroke then costs no attribute reads (at 100k words
   * those were thousands per keystroke, several milliseconds of the frame).
   */
  private rawAnchors(nodes: readonly Node[]): readonly Anchor[] {
    const known = this.rawByNodes.get(nodes);
    if (known) return known;
    const raw: Anchor[] = [];
    for (const node of nodes) {
      if (node.nodeType !== 1) continue;
      const element = node as HTMLElement;
      const line = Number(element.getAttribute('data-line'));
      if (!line) continue;
      raw.push({ element, line, lineEnd: Number(element.getAttribute('data-line-end')) });
    }
    this.rawByNodes.set(nodes, raw);
    return raw;
  }

  private editorTopLine(): number {
    return this.view ? editorTopLine(this.view) : 1;
  }

  private scrollEditorTo(line: number, passes = 3): void {
    this.setEditorScroll(line);
    // Far from the viewport CodeMirror only estimates line heights; once it has measured the
    // lines it scrolled to, correct the position (a few frames at most).
    if (passes > 1) {
      requestAnimationFrame(() => {
        if (this.leader === 'preview' && this.topLine === line) this.scrollEditorTo(line, passes - 1);
      });
    }
  }

  private setEditorScroll(line: number): void {
    const scroller = this.view?.scrollDOM;
    if (!scroller) return;
    const next = editorScrollFor(this.view!, line);
    if (Math.abs(next - scroller.scrollTop) < 1) return;
    scroller.scrollTop = next;
    this.scrolledTo.editor = scroller.scrollTop;
  }

  private scrollPreviewTo(line: number): void {
    const win = this.frame?.contentWindow;
    if (!win) return;
    const y = this.yForLine(line, win);
    this.anchoredLine = y === null ? null : line;
    if (y === null || Math.abs(y - win.scrollY) < 1) return;
    win.scrollTo({ top: y, behavior: 'instant' });
    this.scrolledTo.preview = win.scrollY;
  }

  /**
   * The anchor that carries source line `line` (the last one starting at or before it) and the
   * one after it, found by a binary search over the blocks and a look inside one or two of
   * them: this runs after every keystroke (re-anchoring), where building the list of all
   * anchors cost about a millisecond at 100k words.
   */
  private anchorsAround(line: number): { anchor: Anchor | null; next: Anchor | null } {
    const blocks = this.blocks();
    const found = this.blockIndexAt(line);
    let anchor: Anchor | null = null;
    let next: Anchor | null = null;
    // Inside the found block (and before it, for a block without elements), the last anchor at
    // or before `line`; the first anchor after it, in this block or a later one.
    for (let index = found; index >= 0 && !anchor; index--) {
      const anchors = this.shiftedAnchors(blocks[index]!);
      for (let k = anchors.length - 1; k >= 0; k--) {
        if (anchors[k]!.line <= line) {
          anchor = anchors[k]!;
          next ??= anchors[k + 1] ?? null;
          break;
        }
        next = anchors[k]!;
      }
    }
    for (let index = found + 1; index < blocks.length && !next; index++) {
      next = this.shiftedAnchors(blocks[index]!)[0] ?? null;
    }
    return { anchor, next };
  }

  /** Index of the last block starting at or before source line `line` (-1: none). */
  private blockIndexAt(line: number): number {
    const blocks = this.blocks();
    let low = 0;
    let high = blocks.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (blocks[mid]!.line <= line) {
        found = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    return found;
  }

  /** A block's anchors at its current source lines. */
  private shiftedAnchors(block: PreviewBlock): readonly Anchor[] {
    const raw = this.rawAnchors(block.nodes);
    const shift = block.line - block.renderedLine;
    if (shift === 0) return raw;
    return raw.map((anchor) => ({ ...anchor, line: anchor.line + shift, lineEnd: anchor.lineEnd + shift }));
  }

  /** The preview's scroll position that shows source line `line` (fractional) at the top. */
  private yForLine(line: number, win: Window): number | null {
    const { anchor, next } = this.anchorsAround(line);
    if (!anchor) return next ? 0 : null;
    this.layout.layOut(anchor.element);
    if (line < anchor.lineEnd + 1) return this.alongBlock(anchor, win, line, 'line');
    // Between blocks: move through the gap towards the next block.
    const bottom = anchor.element.getBoundingClientRect().bottom + win.scrollY;
    if (!next) return bottom;
    this.layout.layOut(next.element);
    const nextTop = next.element.getBoundingClientRect().top + win.scrollY;
    const gap = next.line - (anchor.lineEnd + 1);
    const fraction = gap > 0 ? (line - anchor.lineEnd - 1) / gap : 0;
    return bottom + fraction * (nextTop - bottom);
  }

  /** The source line (fractional) shown at scroll position `y` of the preview. */
  private lineAtY(y: number): number | null {
    const win = this.frame?.contentWindow;
    const anchors = this.anchorList();
    if (!win || anchors.length === 0) return null;
    let found = this.anchorIndexAtY(anchors, y, win);
    const skipped = found >= 0 ? anchors[found]!.element : null;
    if (skipped && !SkippedLayout.shown(skipped)) {
      // Its chunk is not laid out yet (a far jump of the scroll bar): lay it out, look again.
      this.layout.layOut(skipped);
      found = this.anchorIndexAtY(anchors, y, win);
    }
    if (found === -1) return 1;
    const anchor = anchors[found]!;
    const bottom = anchor.element.getBoundingClientRect().bottom + win.scrollY;
    if (y < bottom) return this.alongBlock(anchor, win, y, 'y');
    const next = anchors[found + 1];
    if (!next) return anchor.lineEnd + 1;
    this.layout.layOut(next.element);
    const gapPx = next.element.getBoundingClientRect().top + win.scrollY - bottom;
    const fraction = gapPx > 0 ? (y - bottom) / gapPx : 0;
    return anchor.lineEnd + 1 + fraction * (next.line - anchor.lineEnd - 1);
  }

  /** Maps a source line to a height inside an anchor's block, or back (see {@link InnerLines}). */
  private alongBlock(anchor: Anchor, win: Window, value: number, from: 'line' | 'y'): number {
    const doc = this.view?.state.doc;
    const source = doc ? (line: number): string => doc.line(line).text : null;
    return this.inner.along(anchor.element, anchor.line, anchor.lineEnd, source, win.scrollY, value, from);
  }

  /**
   * Index of the last anchor whose top is at or above `y` (-1: none), by a binary search over
   * the anchors' tops. A block in a skipped chunk counts at its chunk's top: its own box lies at
   * its real offset from an estimated chunk box, out of order with the blocks shown after it.
   */
  private anchorIndexAtY(anchors: readonly Anchor[], y: number, win: Window): number {
    const topOf = ({ element }: Anchor): number => {
      const measured = SkippedLayout.shown(element) ? element : (element.parentElement ?? element);
      return measured.getBoundingClientRect().top + win.scrollY;
    };
    let low = 0;
    let high = anchors.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (topOf(anchors[mid]!) <= y) {
        found = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    return found;
  }
}
