import type { ChangeSet } from '@codemirror/state';
import type { RenderPatch, TextChange } from '../../../shared/markdown';
import { canShareMemory, HandoffReader } from './frame-handoff';
import type { WorkerRequest, WorkerResponse } from './preview.worker';
import PreviewWorker from './preview.worker?worker';

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
 * (frame-handoff.ts): only when the answer is due by then (the worker's recent time per edit,
 * counted from when the change was sent, before the editor's own work on the keystroke), so
 * that a slower answer never holds up the editor's echo.
 */
export const handoffWaitMs = 5;

/** What the render client needs from the preview around it, and what it tells it. */
export interface RenderClientHost {
  /** Whether a request may be sent now (a frame to show it in, an editor, an article). */
  ready(): boolean;
  /** The editor's text, read when an article is rendered whole. */
  editorText(): string;
  /** The editor's length, for the time budget. */
  editorLength(): number;
  /** The article is about to be rendered whole from `text`. */
  opening(text: string): void;
  /** The first screen of a long article, rendered ahead of the rest. */
  first(html: string): void;
  /** A patch of the changed blocks (or of all of them, for a whole render). */
  patch(patch: RenderPatch): void;
  /** The worker could not render the article (`message` says why, for the author). */
  failed(message: string): void;
  /**
   * The worker took longer than its budget and was stopped; a new one starts with the next
   * request, its blocks' keys unrelated to the ones shown.
   */
  stopped(): void;
}

/**
 * The preview's side of the render worker: sends each edit's changes (never the whole text),
 * composing the edits made while the worker is busy into one request, guards every request
 * with a time budget, and takes an edit's answer from shared memory in the frame after the
 * keystroke when the worker is quick enough (frame-handoff.ts).
 */
export class RenderClient {
  private worker: Worker | null = null;
  private requestId = 0;
  private pending: ChangeSet | null = null;
  private inFlight = false;
  /** Whether the next request renders the article whole (opening, after an error). */
  private needsOpen = true;
  /** The text to open with, when it is known before the editor has loaded it. */
  private openText: string | null = null;
  /** Length of the text last opened, for the time budget. */
  private openedChars = 0;
  /** Length of the text after the changes recorded so far (`null`: not known until opened). */
  private textLength: number | null = null;
  private budget: ReturnType<typeof setTimeout> | null = null;
  /** The worker's recent time per edit (moving average), to decide whether to wait in-frame. */
  private typicalMs = 0;
  /** The id of the last answer handled (it may come twice: shared memory, then message). */
  private handledId = 0;
  private handoff: HandoffReader | null = null;
  /** Whether the request in flight is an edit (opening renders whole articles: not typical). */
  private inFlightEdit = false;
  /** Milliseconds the worker took for the last patch. */
  lastRenderMs = 0;

  constructor(private readonly host: RenderClientHost) {}

  /** Starts the worker ahead of the first article, so that opening one shows it sooner. */
  prepare(): void {
    this.ensureWorker();
  }

  /**
   * Renders the article whole. With `text` (the article as read, which the editor is about to
   * load) rendering starts at once; without it the editor's text is read once it has taken it.
   */
  open(text?: string): void {
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

  /** Renders the article whole with the next request (a new frame to fill). */
  reopen(): void {
    this.needsOpen = true;
  }

  /**
   * Records an editor change; it is sent when the worker is free. A change that does not
   * follow the ones before it (the editor refused a transaction the client was told of) makes
   * the next request render the editor's text whole.
   */
  edit(changes: ChangeSet): void {
    if (this.textLength !== null && changes.length !== this.textLength) this.needsOpen = true;
    this.textLength = changes.newLength;
    if (this.needsOpen) return;
    this.pending = this.pending ? this.pending.compose(changes) : changes;
  }

  /** The editor refused the last change it was told of: the next request renders its text whole. */
  resync(): void {
    this.needsOpen = true;
    this.pending = null;
    this.textLength = null;
  }

  /** Sends what is waiting (a whole render, or the edits composed) if the worker is free. */
  flush(): void {
    if (this.inFlight || !this.host.ready()) return;
    let request: WorkerRequest;
    if (this.needsOpen) {
      const text = this.openText ?? this.host.editorText();
      this.openText = null;
      request = { type: 'open', id: ++this.requestId, text };
      this.host.opening(text);
      this.openedChars = text.length;
      this.textLength = text.length;
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
    if (request.type === 'edit' && this.handoff) {
      const id = request.id;
      const due = performance.now() + this.typicalMs;
      requestAnimationFrame(() =>
        this.takeInFrame(id, due - performance.now() <= handoffWaitMs ? handoffWaitMs : 0),
      );
    }
  }

  /** Stops the worker. */
  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
    if (this.budget) clearTimeout(this.budget);
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

  /**
   * In the frame after an edit: shows the worker's answer now if it is there or comes within
   * `waitMs`, so that the preview changes in the same frame as the editor; else looks again in
   * the next frames until the answer is shown. A slow worker is not waited for, only looked
   * at: the editor's own work on a keystroke (CodeMirror parsing a long article) often lasts
   * longer than the worker's, and the answer's message could then queue behind the editor's
   * idle-time work (its background parse), a frame or more later.
   */
  private takeInFrame(id: number, waitMs: number): void {
    if (!this.handoff || this.requestId !== id || this.handledId >= id || !this.inFlight) return;
    const json = this.handoff.take(id, performance.now() + waitMs);
    if (json === null) {
      requestAnimationFrame(() => this.takeInFrame(id, 0));
      return;
    }
    this.onResponse(JSON.parse(json) as WorkerResponse);
  }

  private armBudget(): void {
    if (this.budget) clearTimeout(this.budget);
    const chars = Math.max(this.openedChars, this.host.editorLength());
    this.budget = setTimeout(() => this.overBudget(), renderBudgetMs + chars * budgetMsPerChar);
  }

  private overBudget(): void {
    // The worker is stuck on this text: stop it and try again after the next edit.
    this.worker?.terminate();
    this.worker = null;
    this.inFlight = false;
    this.needsOpen = true;
    this.pending = null;
    this.host.stopped();
  }

  private onResponse(response: WorkerResponse): void {
    if (response.id !== this.requestId) return;
    if (response.type === 'first') {
      this.armBudget();
      this.host.first(response.html);
      return;
    }
    if (response.id <= this.handledId) return;
    this.handledId = response.id;
    if (this.budget) clearTimeout(this.budget);
    this.inFlight = false;
    if (response.type === 'error') {
      this.needsOpen = true;
      this.host.failed(response.message);
      return;
    }
    this.lastRenderMs = response.ms;
    if (this.inFlightEdit) {
      this.typicalMs = this.typicalMs === 0 ? response.ms : this.typicalMs * 0.8 + response.ms * 0.2;
    }
    this.host.patch(response.patch);
    this.flush();
  }
}
