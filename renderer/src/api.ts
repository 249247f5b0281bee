import {
  eventNames,
  methodNames,
  type Envelope,
  type EventName,
  type FolioClient,
  type FolioEvents,
} from '../../shared/contract';
import { unwrap } from '../../shared/dispatch';

/** What the desktop preload exposes as `window.folio`: the same methods, returning envelopes. */
type PreloadBridge = {
  [K in (typeof methodNames)[number]]: (input: unknown) => Promise<Envelope<unknown>>;
} & { on(event: EventName, listener: (payload: unknown) => void): () => void };

declare global {
  interface Window {
    folio?: PreloadBridge;
  }
}

/** Which transport the client uses. */
export type Transport = 'electron' | 'http';

function tokenFromLocation(): string {
  const fromHash = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fromHash) {
    sessionStorage.setItem('folio-token', fromHash);
    history.replaceState(null, '', location.pathname + location.search);
    return fromHash;
  }
  return sessionStorage.getItem('folio-token') ?? '';
}

function createElectronClient(bridge: PreloadBridge): FolioClient {
  const calls = Object.fromEntries(
    methodNames.map((method) => [method, async (input: unknown) => unwrap(await bridge[method](input))]),
  );
  return {
    ...(calls as unknown as FolioClient),
    on: (event, listener) => bridge.on(event, listener as (payload: unknown) => void),
  };
}

function createHttpClient(token: string): FolioClient {
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  let source: EventSource | null = null;

  function connect(): void {
    if (source) return;
    source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
    for (const name of eventNames) {
      source.addEventListener(name, (message) => {
        const payload = JSON.parse((message as MessageEvent<string>).data) as never;
        for (const listener of listeners.get(name) ?? []) listener(payload);
      });
    }
  }

  const calls = Object.fromEntries(
    methodNames.map((method) => [
      method,
      async (input: unknown) => {
        const response = await fetch(`/api/${method}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify(input ?? {}),
        });
        return unwrap((await response.json()) as Envelope<unknown>);
      },
    ]),
  );
  return {
    ...(calls as unknown as FolioClient),
    on<E extends EventName>(event: E, listener: (payload: FolioEvents[E]) => void) {
      connect();
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: never) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (payload: never) => void);
    },
  };
}

const token = window.folio ? '' : tokenFromLocation();

/**
 * The URL that relative image paths of the article at `articlePath` resolve against in the
 * preview: the asset protocol on the desktop, the token-guarded asset route in browser mode.
 */
export function assetBase(articlePath: string): string {
  const folder = articlePath.split('/').slice(0, -1).map(encodeURIComponent).join('/');
  const prefix = window.folio ? 'folio-asset://library/' : `${location.origin}/asset/${token}/`;
  return folder ? `${prefix}${folder}/` : prefix;
}

/** The transport in use: the preload bridge in the desktop app, HTTP in browser mode. */
export const transport: Transport = window.folio ? 'electron' : 'http';

/** The one client of the Folio API in the renderer. */
export const api: FolioClient = window.folio ? createElectronClient(window.folio) : createHttpClient(token);
