/**
 * The IPC channel names, shared by the main process and the preload (GitHub Desktop's one
 * channel map). Methods and events come from the contract's runtime lists.
 */
import type { EventName, MethodName } from '../../shared/contract';

/** Channel of one contract method (`ipcMain.handle` / `ipcRenderer.invoke`). */
export function methodChannel(method: MethodName): string {
  return `folio:call:${method}`;
}

/** Channel of one event (`webContents.send` / `ipcRenderer.on`). */
export function eventChannel(event: EventName): string {
  return `folio:event:${event}`;
}
