import type { ChangeSet, Text } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';
import type { RenderPatch } from '../../../shared/markdown';
import { DomPatcher } from './dom-patcher';
import { listenToFrame } from './frame-events';
import { RenderClient } from './render-client';
import { ScrollSync } from './scroll-sync';
import { TitleBlock } from './title-block';

/** What the session reports to the UI around it. */
export interface PreviewSessionEvents {
  /** A message for the author (`null` clears it): "too complex", a refused link. */
  onStatus(message: string | null): void;
  /** A link to another article was clicked. */
  onOpenArticle(path: string, fragment: string): void;
  /** Whether the article has remote images that are not loaded. */
  onRemoteImages(blocked: boolean): void;
}

/**
 * The live preview of one editor. It wires four parts together: the render client (the
 * worker, fed each edit's changes, never the whole text, under a time budget), the DOM patcher
 * (the sandboxed frame's blocks, patched where they changed), the title block, and the frame's
 * events (links, images, click-to-source); scroll sync follows the blocks both ways.
 */
export class PreviewSession {
  private frame: HTMLIFrameElement | null = null;
  private view: EditorView | null = null;
  private patcher: DomPatcher | null = null;
  private path = '';
  private remoteAllowed = new Set<string>();
  private opener: (path: string, fragment: string) => void;
  private readonly client: RenderClient;
  private readonly title: TitleBlock;
  readonly sync: ScrollSync;

  constructor(private readonly events: PreviewSessionEvents) {
    this.opener = events.onOpenArticle;
    this.sync = new ScrollSync(
      () => this.patcher?.entries ?? [],
      (line) => this.revealLine(line),
    );
    this.title = new TitleBlock(
      () => this.view?.state.doc ?? null,
      () => this.showTitle(),
    );
    this.client = new RenderClient({
      ready: () => Boolean(this.frame?.contentDocument && this.view && this.path),
      editorText: () => this.view!.state.doc.toString(),
      editorLength: () => this.view?.state.doc.length ?? 0,
      opening: (text) => this.title.opened(text),
      first: (html) => this.showFirst(html),
      patch: (patch) => this.apply(patch),
      failed: (message) => this.events.onStatus(message),
      stopped: () => {
        this.patcher?.forgetKeys();
        this.events.onStatus('This article is too complex to preview. The editor keeps working.');
      },
    });
  }

  /** Milliseconds the worker took for the last patch (for the status line and tests). */
  get lastRenderMs(): number {
    return this.client.lastRenderMs;
  }

  /** Sets what a click on a link to another article does. */
  setArticleOpener(open: (path: string, fragment: string) => void): void {
    this.opener = open;
  }

  /** Connects the preview frame (after it loaded) or disconnects it (`null`). */
  attachFrame(frame: HTMLIFrameElement | null): void {
    this.frame = frame;
    this.patcher = frame ? new DomPatcher(frame) : null;
    this.title.detach();
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
    listenToFrame(doc, {
      path: () => this.path,
      remoteImagesAllowed: () => this.remoteAllowed.has(this.path),
      lineAt: (target) => (this.sync.clickToSource ? this.sync.lineAtElement(target) : null),
      revealLine: (line) => this.revealLine(line, true),
      openArticle: (path, fragment) => this.opener(path, fragment),
      status: (message) => this.events.onStatus(message),
      contentChanged: () => this.sync.contentChanged(),
    });
    this.sync.attachPreview(frame);
    this.client.reopen();
    this.client.flush();
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
    this.client.open(text);
  }

  /** Records an editor change that makes `doc`; it is sent when the worker is free. */
  edit(changes: ChangeSet, doc: Text): void {
    this.client.edit(changes);
    this.title.edited(doc, changes);
    this.client.flush();
  }

  /** Renders the editor's text whole with the next request (the editor refused a change it told of). */
  resync(): void {
    this.client.resync();
    this.client.flush();
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
    this.client.prepare();
  }

  /** Stops the worker. */
  dispose(): void {
    this.client.dispose();
    this.sync.dispose();
    this.title.cancel();
  }

  private showFirst(html: string): void {
    if (!this.patcher?.article()) return;
    this.patcher.showFirst(html);
    this.title.detach();
    this.showTitle();
  }

  private apply(patch: RenderPatch): void {
    this.events.onStatus(null);
    const patcher = this.patcher;
    const outcome = patcher?.apply(patch);
    if (!patcher || !outcome) return;
    if (outcome === 'stale') {
      // The patch builds on blocks this preview does not show: render the article again.
      this.client.resync();
      return;
    }
    // Searching the whole preview for remote images costs a scan of every element (67,000 at
    // 100k words): only when images came or went, or after a whole render.
    if (outcome.whole || outcome.imagesChanged) {
      this.events.onRemoteImages(
        !this.remoteAllowed.has(this.path) && patcher.article()?.querySelector('img[src^="http"]') !== null,
      );
    }
    this.showTitle();
    // A whole render may have changed any block (its patch is trimmed to the changed ones later).
    this.sync.contentChanged(outcome.whole ? 0 : patch.start);
  }

  /** Shows the title block above the blocks when the frontmatter has a title and no block an H1. */
  private showTitle(): void {
    const patcher = this.patcher;
    const article = patcher?.article();
    if (!patcher || !article) return;
    if (this.title.show(article, patcher.hasH1, (html) => patcher.parse(html))) this.sync.contentChanged();
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
