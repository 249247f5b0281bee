/// <reference lib="webworker" />
import { renderMarkdown, type RenderPatch, type TextChange } from '../../../shared/markdown';
import { IncrementalRenderer } from '../../../shared/markdown/incremental';
import { HandoffWriter } from './frame-handoff';

/** A message to the preview worker. */
export type WorkerRequest =
  | { readonly type: 'open'; readonly id: number; readonly text: string }
  | { readonly type: 'edit'; readonly id: number; readonly changes: readonly TextChange[] }
  /** Shared memory for answering edits inside the page's current frame (frame-handoff.ts). */
  | { readonly type: 'handoff'; readonly buffer: SharedArrayBuffer };

/** The worker's answers: a quick first screen, then patches of changed blocks. */
export type WorkerResponse =
  | { readonly type: 'first'; readonly id: number; readonly html: string; readonly lines: number }
  | { readonly type: 'patch'; readonly id: number; readonly patch: RenderPatch; readonly ms: number }
  | { readonly type: 'error'; readonly id: number; readonly message: string };

/**
 * Characters of a long article rendered first, so that its top shows at once: a few screens
 * of text (about 700 words), which renders in a few milliseconds.
 */
const firstScreenChars = 4_000;

const renderer = new IncrementalRenderer();
const scope = self as unknown as DedicatedWorkerGlobalScope;
let handoff: HandoffWriter | null = null;

function send(response: WorkerResponse): void {
  scope.postMessage(response);
}

/** Cuts `text` at a blank line outside fences near `limit`, for the first screen. */
function firstScreen(text: string): string {
  const cut = text.indexOf('\n\n', firstScreenChars);
  const head = cut === -1 ? text : text.slice(0, cut);
  const fences = head.match(/^(```|~~~)/gm)?.length ?? 0;
  return fences % 2 === 0 ? head : head.slice(0, head.lastIndexOf('\n```'));
}

// Warm up while the app starts: the first render of a session pays for compiling the
// pipeline's code and building highlight.js and KaTeX tables; an article opened later should not.
renderMarkdown(
  '# Folio\n\nSome *text* with `code`, a [link](a.md) and $x^2$.[^1]\n\n```js\nlet x = 1;\n```\n\n| a |\n| - |\n| 1 |\n\n[^1]: Note.\n',
);

scope.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  if (request.type === 'handoff') {
    handoff = new HandoffWriter(request.buffer);
    return;
  }
  const started = performance.now();
  try {
    if (request.type === 'open') {
      if (request.text.length > firstScreenChars * 2) {
        const head = firstScreen(request.text);
        send({ type: 'first', id: request.id, html: renderMarkdown(head), lines: head.split('\n').length });
      }
      const patch = renderer.reset(request.text);
      send({ type: 'patch', id: request.id, patch, ms: performance.now() - started });
    } else {
      const patch = renderer.edit(request.changes);
      const response: WorkerResponse = {
        type: 'patch',
        id: request.id,
        patch,
        ms: performance.now() - started,
      };
      // The page may be waiting for it in its current frame; the message follows regardless.
      handoff?.write(request.id, JSON.stringify(response));
      send(response);
    }
  } catch (error) {
    // A stack overflow on hostile nesting lands here; the main thread's time budget covers hangs.
    send({
      type: 'error',
      id: request.id,
      message:
        error instanceof RangeError ? 'This article is too complex to preview.' : 'The preview failed.',
    });
  }
};
