import type { ChangeSet } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';
import type { BlockHtml, RenderPatch, TextChange } from '../../../shared/markdown';
import { BlockChunks } from './block-chunks';
import { canShareMemory, HandoffReader } from './frame-handoff';
import { FrontmatterTitle } from './frontmatter-title';
import { linkTarget } from './link-target';
import type { WorkerRequest, WorkerResponse } from './preview.worker';
import PreviewWorker from './preview.worker?worker';
import { ScrollSync, type PreviewBlock } from './scroll-sync';

/**
 * How long the worker may take for one answer before the preview gives up on the article,
 * plus {@link budgetMsPerChar} per character: a 100k-word article renders in about 2 s on an
 * idle machine but may take several times that on a busy one, and must not be called "too
 * complex" for it; pathological input costs far more per character than that allows.
 */
export const renderBudgetMs = 6000;
/** Extra budget per character of the article (600 KB: 12 s more). */
export const budgetMsPerChar = 1 / 50;

/**
 * How long the page may wait, inside the frame after a keystroke, for the worker's answer
 * (frame-handoff.ts); it waits only while answers take less than {@link handoffTypicalMs} on
 * average, so a long article's slower answers never hold up the editor's own echo.
 */
export const handoffWaitMs = 5;
/** Average worker time per edit above which the page does not wait for answers in-frame. */
export const handoffTypicalMs = 8;

/** How long after an edit to the frontmatter the title block is read again. */
const titleReadDelayMs = 60;

/** What the session reports to the UI around it. */
export interface PreviewSessionEvents {
  /** A message for the author (`null` clears it): "too complex", a refused link. */
  onStatus(message: string | null): void;
  /** A link to another article was clicked. */
  onOpenArticle(path: string, fragment: string): void;
  /** Whether the article has remote images that are not loaded. */
  onRemoteImages(blocked: boolean): void;
}

interface Entry extends PreviewBlock {
  readonly key: number;
  /** The HTML without source lines, to reuse the DOM of blocks that only moved. */
  readonly shape: string;
}

/** Whether a block has an H1 of its own (in its HTML a tag is the only `<h1` there can be). */
const hasH1 = (entry: Entry): boolean => entry.shape.includes('<h1');

const linePattern = / data-line="\d+" data-line-end="\d+"/g;

/**
 * The live preview of one editor: sends each edit's changes (never the whole text) to the
 * render worker, patches only the changed blocks of the sandboxed frame, guards the worker with
 * a time budget, and handles clicks (links, images, click-to-source) and scroll sync.
 */
export class PreviewSession {
  private worker: Worker | null = null;
  private frame: HTMLIFrameElement | null = null;
  private view: EditorView | null = null;
  private entries: Entry[] = [];
  /** The chunk elements the blocks live in, and the footnotes section after them. */
  private chunks: BlockChunks | null = null;
  private path = '';
  private requestId = 0;
  private pending: ChangeSet | null = null;
  private inFlight = false;
  private needsOpen = true;
  /** The text to open with, when it is known before the editor has loaded it. */
  private openText: string | null = null;
  /** Length of the text last opened, for the time budget. */
  private openedChars = 0;
  /** Whether the footnotes section shown has images (to know when to look for remote ones). */
  private footerImages = false;
  private budget: ReturnType<typeof setTimeout> | null = null;
  private firstShown: Node[] = [];
  private remoteAllowed = new Set<string>();
  private opener: (path: string, fragment: string) => void;
  readonly sync: ScrollSync;
  /** Milliseconds the worker took for the last patch (for the status line and tests). */
  lastRenderMs = 0;
  /** Patches shown since the frame attached, and how many of them were whole renders. */
  private patchCount = 0;
  private wholeCount = 0;
  /** The worker's recent time per edit (moving average), to decide whether to wait in-frame. */
  private typicalMs = 0;
  /** The id of the last answer handled (it may come twice: shared memory, then message). */
  private handledId = 0;
  private handoff: HandoffReader | null = null;
  /** Whether the request in flight is an edit (opening renders whole articles: not typical). */
  private inFlightEdit = false;
  /** The export's title block, from the frontmatter; shown while no block has an H1. */
  private readonly title = new FrontmatterTitle();
  private h1Blocks = 0;
  private titleNode: Element | null = null;
  private titleShown = '';
  private titleTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly events: PreviewSessionEvents) {
    this.opener = events.onOpenArticle;
    this.sync = new ScrollSync(
      () => this.entries,
      (line) => this.revealLine(line),
    );
  }

  /** Sets what a click on a link to another article does. */
  setArticleOpener(open: (path: string, fragment: string) => void): void {
    this.opener = open;
  }

  /** Connects the preview frame (after it loaded) or disconnects it (`null`). */
  attachFrame(frame: HTMLIFrameElement | null): void {
    this.frame = frame;
    this.patchCount = 0;
    this.wholeCount = 0;
    this.entries = [];
    this.chunks = null;
    this.h1Blocks = 0;
    this.titleNode = null;
    if (!frame) return;
    const doc = frame.contentDocument;
    if (!doc) return;
    if (!this.remoteAllowed.has(this.path)) {
      // Remote images stay off: the frame's own policy allows https images only until the
      // author asks for them, so this stricter policy is added to it.
      const csp = doc.createElement('meta');
      csp.httpEquiv = 'Content-Security-Policy';
      csp.content = "img-src 'self' data: folio-asset:";
      doc.head.prepend(csp);
    }
    doc.addEventListener('click', (event) => this.onClick(event), true);
    doc.addEventListener('error', (event) => this.onResourceError(event), true);
    this.sync.attachPreview(frame);
    this.needsOpen = true;
    this.flush();
  }

  /** Connects the editor whose changes the preview follows. */
  attachEditor(view: EditorView | null): void {
    this.view = view;
    this.sync.attachEditor(view);
  }

  /**
   * Shows a newly opened (or reloaded) article. With `text` (the article as read, which the
   * editor is about to load) rendering starts at once, in parallel with the editor's own
   * set-up; without it the editor's text is read once the editor has taken it.
   */
  open(path: string, text?: string): void {
    this.path = path;
    this.pending = null;
    this.needsOpen = true;
    // CodeMirror turns \r\n into \n: only text without \r is the editor's text to the offset.
    if (text !== undefined && !this.inFlight && !text.includes('\r')) {
      this.openText = text;
      this.flush();
      // Not sent (no frame yet): the editor's text is read later, edits made meanwhile included.
      this.openText = null;
      if (!this.needsOpen) return;
    }
    setTimeout(() => this.flush(), 0);
  }

  /** Records an editor change; it is sent when the worker is free. */
  edit(changes: ChangeSet): void {
    this.pending = this.pending ? this.pending.compose(changes) : changes;
    if (this.view && this.title.touched(this.view.state.doc, changes)) this.scheduleTitle();
    this.flush();
  }

  /** Whether remote images load for the current article. */
  remoteImagesAllowed(): boolean {
    return this.remoteAllowed.has(this.path);
  }

  /** Allows remote images for the current article; the caller reloads the frame. */
  allowRemoteImages(): void {
    this.remoteAllowed.add(this.path);
  }

  /** Starts the render worker ahead of the first article, so that opening one shows it sooner. */
  prepare(): void {
    this.ensureWorker();
  }

  /** Stops the worker. */
  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
    this.sync.dispose();
    if (this.budget) clearTimeout(this.budget);
    this.cancelTitle();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new PreviewWorker();
    worker.onmessage = (event: MessageEvent<WorkerResponse>) => this.onResponse(event.data);
    this.worker = worker;
    if (canShareMemory()) {
      this.handoff = new HandoffReader();
      const request: WorkerRequest = { type: 'handoff', buffer: this.handoff.buffer };
      worker.postMessage(request);
    }
    return worker;
  }

  private flush(): void {
    if (this.inFlight || !this.frame?.contentDocument || !this.view || !this.path) return;
    let request: WorkerRequest;
    if (this.needsOpen) {
      const text = this.openText ?? this.view.state.doc.toString();
      this.openText = null;
      request = { type: 'open', id: ++this.requestId, text };
      this.title.reset();
      this.title.update(text);
      this.cancelTitle();
      this.openedChars = text.length;
      this.needsOpen = false;
      this.pending = null;
    } else if (this.pending) {
      const changes: TextChange[] = [];
      this.pending.iterChanges((fromA, toA, _fromB, _toB, inserted) => {
        changes.push({ from: fromA, to: toA, insert: inserted.toString() });
      });
      this.pending = null;
      request = { type: 'edit', id: ++this.requestId, changes };
    } else return;
    this.inFlight = true;
    this.inFlightEdit = request.type === 'edit';
    this.ensureWorker().postMessage(request);
    this.armBudget();
    if (request.type === 'edit' && this.handoff && this.typicalMs < handoffTypicalMs) {
      const id = request.id;
      requestAnimationFrame(() => this.takeInFrame(id));
    }
  }

  /**
   * In the frame after an edit: shows the worker's answer now if it is there or comes within
   * {@link handoffWaitMs}, so that the preview changes in the same frame as the editor.
   */
  private takeInFrame(id: number): void {
    if (!this.handoff || this.requestId !== id || this.handledId >= id || !this.inFlight) return;
    const json = this.handoff.take(id, performance.now() + handoffWaitMs);
    if (json === null) return;
    this.onResponse(JSON.parse(json) as WorkerResponse);
  }

  private armBudget(): void {
    if (this.budget) clearTimeout(this.budget);
    const chars = Math.max(this.openedChars, this.view?.state.doc.length ?? 0);
    this.budget = setTimeout(() => this.overBudget(), renderBudgetMs + chars * budgetMsPerChar);
  }

  private overBudget(): void {
    // The worker is stuck on this text: stop it, say so, and try again after the next edit.
    this.worker?.terminate();
    this.worker = null;
    this.inFlight = false;
    this.needsOpen = true;
    this.pending = null;
    this.events.onStatus('This article is too complex to preview. The editor keeps working.');
  }

  private onResponse(response: WorkerResponse): void {
    if (response.id !== this.requestId) return;
    if (response.type === 'first') {
      this.armBudget();
      this.showFirst(response.html);
      return;
    }
    if (response.id <= this.handledId) return;
    this.handledId = response.id;
    if (this.budget) clearTimeout(this.budget);
    this.inFlight = false;
    if (response.type === 'error') {
      this.needsOpen = true;
      this.events.onStatus(response.message);
      return;
    }
    this.events.onStatus(null);
    this.lastRenderMs = response.ms;
    if (this.inFlightEdit) {
      this.typicalMs = this.typicalMs === 0 ? response.ms : this.typicalMs * 0.8 + response.ms * 0.2;
    }
    this.apply(response.patch);
    this.flush();
  }

  private article(): HTMLElement | null {
    return this.frame?.contentDocument?.getElementById('folio-preview') ?? null;
  }

  private showFirst(html: string): void {
    const article = this.article();
    if (!article) return;
    article.replaceChildren(...this.parse(html));
    this.entries = [];
    this.chunks = null;
    this.firstShown = [...article.childNodes];
    // The first screen's H1 stands for the article's until the whole of it is rendered.
    this.h1Blocks = html.includes('<h1') ? 1 : 0;
    this.titleNode = null;
    this.showTitle();
  }

  /**
   * Reads the frontmatter again a moment after an edit touched it, off the keystroke: one read
   * covers every edit made until it runs (a 1,000-key block takes about a millisecond).
   */
  private scheduleTitle(): void {
    if (this.titleTimer !== null) return;
    this.titleTimer = setTimeout(() => {
      this.titleTimer = null;
      if (this.view && this.title.update(this.view.state.doc)) this.showTitle();
    }, titleReadDelayMs);
  }

  private cancelTitle(): void {
    if (this.titleTimer !== null) clearTimeout(this.titleTimer);
    this.titleTimer = null;
  }

  /** Shows the title block above the blocks when the frontmatter has a title and no block an H1. */
  private showTitle(): void {
    const article = this.article();
    if (!article) return;
    // Screen readers pick the voice by the frame's language: the article's, else the app's.
    const root = article.ownerDocument.documentElement;
    const lang = this.title.lang ?? (document.documentElement.lang || 'en');
    if (root.lang !== lang) root.lang = lang;
    const html = this.h1Blocks === 0 ? this.title.html : '';
    if (html === this.titleShown && (html === '' || this.titleNode?.parentNode === article)) return;
    this.titleNode?.remove();
    this.titleNode = null;
    this.titleShown = html;
    if (html) {
      this.titleNode = this.parse(html).find((node): node is Element => node.nodeType === 1) ?? null;
      if (this.titleNode) article.prepend(this.titleNode);
    }
    this.sync.contentChanged();
  }

  private parse(html: string): Node[] {
    const template = this.frame!.contentDocument!.createElement('template');
    template.innerHTML = html;
    return [...template.content.childNodes].filter(
      (node) => !(node.nodeType === 3 && node.textContent === '\n'),
    );
  }

  /** Applies a worker patch: only the blocks it names are parsed and replaced. */
  private apply(patch: RenderPatch): void {
    const article = this.article();
    if (!article) return;
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
    const removed = this.entries.slice(patch.start, patch.start + patch.deleteCount);
    const pool = new Map<string, Entry[]>();
    for (const entry of removed) pool.set(entry.shape, [...(pool.get(entry.shape) ?? []), entry]);
    const added = patch.blocks.map((block) => this.entryFor(block, pool));
    for (const list of pool.values()) {
      for (const entry of list) {
        for (const node of entry.nodes) {
          chunks.removing(node);
          node.parentNode?.removeChild(node);
        }
      }
    }
    // Reused blocks move: their old chunk may be left empty.
    for (const entry of added) for (const node of entry.nodes) chunks.removing(node);
    this.entries.splice(patch.start, patch.deleteCount, ...added);
    // After a whole render the first screen's guess (showFirst) is gone: count them all.
    if (whole) this.h1Blocks = this.entries.filter(hasH1).length;
    else this.h1Blocks += added.filter(hasH1).length - removed.filter(hasH1).length;
    if (patch.lineDelta !== 0) {
      for (let index = patch.start + added.length; index < this.entries.length; index++) {
        const entry = this.entries[index]!;
        entry.line += patch.lineDelta;
        entry.lineEnd += patch.lineDelta;
      }
    }
    // Insert (or move) the added blocks' nodes before the next block that has any.
    let anchor: Node | null = footer;
    for (let index = patch.start + added.length; index < this.entries.length; index++) {
      const first = this.entries[index]!.nodes[0];
      if (first) {
        anchor = first;
        break;
      }
    }
    chunks.insert(
      added.flatMap((entry) => entry.nodes),
      anchor,
    );
    chunks.settle();
    if (patch.footer !== undefined && !(patch.footnotes && this.replaceNotes(patch.footnotes))) {
      footer.replaceChildren(...this.parse(patch.footer));
    }
    const images = (html: string): boolean => html.includes('<img');
    // A whole render's kept blocks are not looked at: search the preview once.
    const footerHadImages = this.footerImages;
    if (patch.footer !== undefined) this.footerImages = images(patch.footer);
    // Searching the whole preview for remote images costs a scan of every element (67,000 at
    // 100k words): only when images came or went.
    if (
      whole ||
      removed.some((entry) => images(entry.shape)) ||
      patch.blocks.some((block) => images(block.html)) ||
      (patch.footer !== undefined && (this.footerImages || footerHadImages))
    ) {
      this.events.onRemoteImages(
        !this.remoteAllowed.has(this.path) && article.querySelector('img[src^="http"]') !== null,
      );
    }
    this.showTitle();
    this.sync.contentChanged();
    this.recordPatch(patch);
  }

  /**
   * A whole render as a patch of the blocks that changed: the blocks at either end that render
   * as the ones shown keep their DOM where it is (taking the new render's source lines), so the
   * frame's chunks keep the sizes they measured, and only the blocks between are parsed and
   * laid out again. A whole render of a long article usually changes a few blocks (a link
   * definition that changed) or everything after one place (a fence opened there). With nothing
   * shown (opening, a restarted worker) it replaces everything.
   */
  private trimWhole(patch: RenderPatch): RenderPatch {
    const shown = this.entries;
    const blocks = patch.blocks;
    const keep = (entry: Entry, block: BlockHtml): boolean => {
      if (entry.shape !== block.html.replace(linePattern, '')) return false;
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
    const frame = this.frame;
    if (!frame) return;
    this.patchCount++;
    if (patch.full) this.wholeCount++;
    frame.dataset.previewPatches = String(this.patchCount);
    frame.dataset.previewWholeRenders = String(this.wholeCount);
    frame.dataset.previewBlocks = String(Math.max(patch.deleteCount, patch.blocks.length));
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

  private entryFor(block: BlockHtml, pool: Map<string, Entry[]>): Entry {
    const shape = block.html.replace(linePattern, '');
    const reused = pool.get(shape)?.shift();
    if (reused) {
      reused.line = block.line;
      reused.lineEnd = block.lineEnd;
      return reused;
    }
    const match = / data-line="(\d+)"/.exec(block.html);
    return {
      key: block.key,
      shape,
      line: block.line,
      lineEnd: block.lineEnd,
      renderedLine: match ? Number(match[1]) : block.line,
      nodes: this.parse(block.html),
    };
  }

  private onClick(event: MouseEvent): void {
    const target = event.target as Element | null;
    const link = target?.closest?.('a[href]');
    if (link) {
      event.preventDefault();
      this.followLink(link.getAttribute('href') ?? '');
      return;
    }
    const placeholder = target?.closest?.('[data-folio-remote]');
    if (placeholder) {
      event.preventDefault();
      return;
    }
    if (event.detail > 1 || !this.sync.clickToSource) return;
    const selection = this.frame?.contentWindow?.getSelection();
    if (selection && !selection.isCollapsed) return;
    const line = this.sync.lineAtElement(target);
    if (line !== null) this.revealLine(line, true);
  }

  private followLink(href: string): void {
    const target = linkTarget(href, this.path);
    if (target.kind === 'anchor') {
      const doc = this.frame?.contentDocument;
      const element = doc?.getElementById(target.id) ?? doc?.getElementById(`user-content-${target.id}`);
      element?.scrollIntoView({ block: 'start' });
      if (!element) this.events.onStatus(`There is no “${target.id}” in this article.`);
    } else if (target.kind === 'article') {
      this.opener(target.path, target.fragment);
    } else if (target.kind === 'external') {
      // The desktop shell asks before opening (its window-open handler); browser mode asks here.
      if (
        window.folio ||
        window.confirm(`Open this link in your browser?\n\n${target.host}\n${target.url}`)
      ) {
        window.open(target.url, '_blank', 'noopener,noreferrer');
      }
    } else {
      this.events.onStatus(target.reason);
    }
  }

  private onResourceError(event: Event): void {
    // The image lives in the frame's realm, so `instanceof HTMLImageElement` would be false.
    const img = event.target as HTMLImageElement | null;
    if (!img || img.nodeName !== 'IMG') return;
    const raw = img.getAttribute('src') ?? '';
    const remote = /^https?:/i.test(raw);
    const placeholder = img.ownerDocument.createElement('span');
    placeholder.className = 'folio-missing-image';
    placeholder.setAttribute('role', 'img');
    const label =
      remote && !this.remoteAllowed.has(this.path) ? 'Remote image not loaded' : 'Image not found';
    placeholder.setAttribute('aria-label', `${label}: ${raw}`);
    if (remote) placeholder.dataset.folioRemote = '';
    placeholder.textContent = `${label}: ${raw}${img.alt ? ` (${img.alt})` : ''}`;
    img.replaceWith(placeholder);
    this.sync.contentChanged();
  }

  /** Moves the editor cursor to `line` (1-based) and shows it. */
  private revealLine(line: number, focus = false): void {
    const view = this.view;
    if (!view) return;
    const target = view.state.doc.line(Math.max(1, Math.min(line, view.state.doc.lines)));
    view.dispatch({ selection: { anchor: target.from }, scrollIntoView: true, userEvent: 'select.preview' });
    if (focus) view.focus();
  }
}
