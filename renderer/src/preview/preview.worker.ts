/// <reference lib="webworker" />
import { renderMarkdown } from '../../../shared/markdown';

/** A request to render one version of the article. */
export interface RenderRequest {
  readonly id: number;
  readonly text: string;
}

/** The worker's answer. */
export type RenderResponse =
  | { readonly id: number; readonly ok: true; readonly html: string }
  | { readonly id: number; readonly ok: false; readonly message: string };

self.onmessage = (event: MessageEvent<RenderRequest>) => {
  const { id, text } = event.data;
  let response: RenderResponse;
  try {
    response = { id, ok: true, html: renderMarkdown(text) };
  } catch {
    response = { id, ok: false, message: 'This article is too complex to preview.' };
  }
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(response);
};
