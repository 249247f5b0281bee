/// <reference lib="webworker" />
import { renderMarkdown } from '../../../shared/markdown';

/** A request to render one version for the rendered diff. */
export interface DiffRenderRequest {
  readonly id: number;
  readonly markdown: string;
}

/** The worker's answer. */
export type DiffRenderResponse =
  | { readonly id: number; readonly ok: true; readonly html: string }
  | { readonly id: number; readonly ok: false; readonly message: string };

// Rendering runs off the main thread, as the preview does, so a long article never blocks typing.
self.onmessage = (event: MessageEvent<DiffRenderRequest>) => {
  const { id, markdown } = event.data;
  let response: DiffRenderResponse;
  try {
    response = { id, ok: true, html: renderMarkdown(markdown) };
  } catch {
    response = { id, ok: false, message: 'This version is too complex to render.' };
  }
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(response);
};
