import { useEffect, useRef, useState, type ReactElement } from 'react';
import type { RenderRequest, RenderResponse } from './preview.worker';
import PreviewWorker from './preview.worker?worker';
import './Preview.css';

/** Props of {@link Preview}. */
export interface PreviewProps {
  /** The article text to show; rendering is debounced and runs in a worker. */
  readonly text: string | null;
  /** Base URL for the article's relative links and images (see `assetBase`). */
  readonly baseUrl: string | null;
}

/**
 * The live preview: Markdown is rendered to sanitized HTML in a Web Worker and shown in a
 * sandboxed frame that runs no scripts (`sandbox="allow-same-origin"`, a CSP without scripts),
 * so even a sanitizer miss cannot execute anything.
 */
export function Preview({ text, baseUrl }: PreviewProps): ReactElement {
  const frame = useRef<HTMLIFrameElement>(null);
  const worker = useRef<Worker | null>(null);
  const latest = useRef(0);
  const [message, setMessage] = useState<string | null>(null);
  const [frameReady, setFrameReady] = useState(false);

  useEffect(() => {
    const created = new PreviewWorker();
    worker.current = created;
    created.onmessage = (event: MessageEvent<RenderResponse>) => {
      const response = event.data;
      if (response.id !== latest.current) return;
      if (!response.ok) {
        setMessage(response.message);
        return;
      }
      setMessage(null);
      const body = frame.current?.contentDocument?.getElementById('folio-preview');
      if (body) body.innerHTML = response.html;
    };
    return () => created.terminate();
  }, []);

  useEffect(() => {
    const doc = frame.current?.contentDocument;
    if (!frameReady || !doc || baseUrl === null) return;
    let base = doc.querySelector('base');
    if (!base) {
      base = doc.createElement('base');
      doc.head.prepend(base);
    }
    base.href = baseUrl;
  }, [baseUrl, frameReady]);

  useEffect(() => {
    if (text === null || !frameReady) return;
    const id = ++latest.current;
    const timer = setTimeout(() => worker.current?.postMessage({ id, text } satisfies RenderRequest), 40);
    return () => clearTimeout(timer);
  }, [text, frameReady]);

  return (
    <div className="folio-preview">
      {message && (
        <p className="folio-preview-message" role="status">
          {message}
        </p>
      )}
      <iframe
        ref={frame}
        title="Preview"
        src="./preview.html"
        sandbox="allow-same-origin"
        onLoad={() => setFrameReady(true)}
      />
    </div>
  );
}
