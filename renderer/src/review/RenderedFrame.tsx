import { useEffect, useRef, useState, type ReactElement } from 'react';
import { applyFrameTheme, useFrameTheme } from '../settings';
import type { DiffRenderRequest, DiffRenderResponse } from './render.worker';
import RenderWorker from './render.worker?worker';

// Scrolls a frame to a share of its height; false when it is already there (no scroll event).
function scrollToShare(frame: HTMLIFrameElement | null, share: number): boolean {
  const root = frame?.contentDocument?.scrollingElement;
  if (!root) return false;
  const target = Math.round(share * (root.scrollHeight - root.clientHeight));
  if (Math.abs(root.scrollTop - target) < 2) return false;
  root.scrollTop = target;
  return true;
}

/** Props of {@link RenderedFrame}. */
export interface RenderedFrameProps {
  /** Accessible title of the frame, e.g. "Rendered before". */
  readonly title: string;
  /** Markdown (with CriticMarkup marks) to render. */
  readonly markdown: string;
  /** Base URL for relative images, as the preview uses it. */
  readonly baseUrl: string | null;
  /** Called when the reader scrolls this frame, with its scroll share (0–1). */
  readonly onScrollShare?: (share: number) => void;
  /** A scroll share to follow (from the other frame), with a counter so repeats apply. */
  readonly follow?: { readonly share: number; readonly seq: number } | null;
}

/**
 * One rendered version for the rendered diff: Markdown rendered by the one pipeline in a worker
 * and shown in the same sandboxed, script-less frame as the preview, so insertions and
 * deletions read as prose with the article's own typography.
 */
export function RenderedFrame({
  title,
  markdown,
  baseUrl,
  onScrollShare,
  follow,
}: RenderedFrameProps): ReactElement {
  const frame = useRef<HTMLIFrameElement>(null);
  useFrameTheme(frame);
  const worker = useRef<Worker | null>(null);
  const latest = useRef(0);
  const following = useRef(false);
  const scrollCallback = useRef(onScrollShare);
  const [ready, setReady] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    scrollCallback.current = onScrollShare;
  });

  useEffect(() => {
    const created = new RenderWorker();
    worker.current = created;
    created.onmessage = (event: MessageEvent<DiffRenderResponse>) => {
      if (event.data.id !== latest.current) return;
      const body = frame.current?.contentDocument?.getElementById('folio-preview');
      if (!event.data.ok) {
        setMessage(event.data.message);
        return;
      }
      setMessage(null);
      if (body) {
        body.innerHTML = event.data.html;
        body.setAttribute('data-rendered', String(event.data.id));
      }
    };
    return () => created.terminate();
  }, []);

  useEffect(() => {
    if (!ready) return;
    const id = ++latest.current;
    worker.current?.postMessage({ id, markdown } satisfies DiffRenderRequest);
  }, [markdown, ready]);

  useEffect(() => {
    const doc = frame.current?.contentDocument;
    if (!ready || !doc || baseUrl === null) return;
    let base = doc.querySelector('base');
    if (!base) {
      base = doc.createElement('base');
      doc.head.prepend(base);
    }
    base.href = baseUrl;
  }, [baseUrl, ready]);

  useEffect(() => {
    const win = frame.current?.contentWindow;
    if (!ready || !win) return;
    const onScroll = (): void => {
      if (following.current) {
        following.current = false;
        return;
      }
      const root = win.document.scrollingElement;
      if (!root) return;
      const range = root.scrollHeight - root.clientHeight;
      scrollCallback.current?.(range > 0 ? root.scrollTop / range : 0);
    };
    win.addEventListener('scroll', onScroll, { passive: true });
    return () => win.removeEventListener('scroll', onScroll);
  }, [ready]);

  useEffect(() => {
    if (follow && scrollToShare(frame.current, follow.share)) following.current = true;
  }, [follow]);

  return (
    <div className="review-rendered">
      {message && (
        <p className="review-message" role="status">
          {message}
        </p>
      )}
      <iframe
        ref={frame}
        title={title}
        src="./preview.html"
        sandbox="allow-same-origin"
        onLoad={(event) => {
          applyFrameTheme(event.currentTarget);
          setReady(true);
        }}
      />
    </div>
  );
}
