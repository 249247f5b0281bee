import { contextBridge, ipcRenderer } from 'electron';
import { eventNames, methodNames, type EventName } from '../../shared/contract';
import { eventChannel, methodChannel } from '../main/channels';

/**
 * Exposes `window.folio`: one async function per contract method, returning the result
 * envelope, and `on(event, listener)`. Never exposes `ipcRenderer` itself.
 */
const calls = Object.fromEntries(
  methodNames.map((method) => [
    method,
    (input: unknown): Promise<unknown> => ipcRenderer.invoke(methodChannel(method), input),
  ]),
);

contextBridge.exposeInMainWorld('folio', {
  ...calls,
  on(event: EventName, listener: (payload: unknown) => void): () => void {
    if (!eventNames.includes(event)) throw new Error(`Unknown event: ${String(event)}`);
    const handler = (_event: unknown, payload: unknown): void => listener(payload);
    ipcRenderer.on(eventChannel(event), handler);
    return () => {
      ipcRenderer.removeListener(eventChannel(event), handler);
    };
  },
});
