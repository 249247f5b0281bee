import { ipcMain, type WebContents } from 'electron';
import { eventNames, methodNames, type FolioApi, type FolioEventSource } from '../../shared/contract';
import { dispatch } from '../../shared/dispatch';
import { eventChannel, methodChannel } from './channels';
import { isTrustedSender } from './sender-check';

/**
 * Binds every contract method to `ipcMain.handle`, behind the sender check, and forwards the
 * service's events to `target`. The only file that touches `ipcMain`. Returns an unbind function.
 */
export function bindIpc(service: FolioApi & FolioEventSource, target: () => WebContents | null): () => void {
  for (const method of methodNames) {
    ipcMain.handle(methodChannel(method), async (event, input: unknown) => {
      if (!isTrustedSender(event.senderFrame)) {
        return { ok: false, error: { code: 'FORBIDDEN', message: 'This frame may not call Folio.' } };
      }
      return dispatch(service, method, input);
    });
  }
  const offs = eventNames.map((name) =>
    service.on(name, (payload) => {
      const contents = target();
      if (contents && !contents.isDestroyed()) contents.send(eventChannel(name), payload);
    }),
  );
  return () => {
    for (const method of methodNames) ipcMain.removeHandler(methodChannel(method));
    for (const off of offs) off();
  };
}
