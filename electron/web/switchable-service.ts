import { EventEmitter } from 'node:events';
import { eventNames, methodNames, type EventName, type FolioEvents } from '../../shared/contract';
import type { InterruptedSaveReport } from '../library/interrupted-saves';
import type { LibraryService } from '../library';

/** A library service that browser mode can point at another library while it runs. */
export interface SwitchableService extends LibraryService {
  /** Real path of the library open now (for the image route). */
  root(): string;
}

/**
 * Creates the service of one library, given the library (`null`: the first one) and the
 * `openLibrary` host function to pass on, so that the new service can switch again.
 */
export type LibraryServiceFactory = (
  root: string | null,
  openLibrary: (realRoot: string) => Promise<void>,
) => Promise<LibraryService>;

/**
 * Wraps the library service of browser mode so that "Open library…" can replace it without
 * restarting the server: the HTTP bridge keeps one object (so the token, Host and Origin checks
 * and the event stream stay exactly as they are), and every call goes to the service of the
 * library open now. A switch opens the new library first and only then closes the old one, so a
 * folder that fails to open leaves the current library working. Switches run one at a time.
 */
export async function createSwitchableService(create: LibraryServiceFactory): Promise<SwitchableService> {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  let current: LibraryService;
  let currentRoot = '';
  let detach: (() => void)[] = [];
  let queue: Promise<unknown> = Promise.resolve();

  async function attach(service: LibraryService): Promise<void> {
    current = service;
    currentRoot = (await service.getLibrary({})).root;
    detach = eventNames.map((event) =>
      service.on(event, (payload) => emitter.emit(event, payload as FolioEvents[typeof event])),
    );
  }

  function openLibrary(realRoot: string): Promise<void> {
    const run = queue.then(async () => {
      if (realRoot === currentRoot) return;
      const next = await create(realRoot, openLibrary);
      const previous = current;
      for (const off of detach) off();
      await attach(next);
      await previous.close();
      // Other windows on this server still show the old library: they are told to reload.
      emitter.emit('libraryOpened', await next.getLibrary({}));
    });
    queue = run.catch(() => undefined);
    return run;
  }

  await attach(await create(null, openLibrary));

  const methods = Object.fromEntries(
    methodNames.map((method) => [
      method,
      (input: unknown) => (current[method] as (value: unknown) => Promise<unknown>)(input),
    ]),
  ) as unknown as Omit<LibraryService, 'on' | 'watching' | 'interruptedSaves' | 'close'>;

  return {
    ...methods,
    on<E extends EventName>(event: E, listener: (payload: FolioEvents[E]) => void) {
      emitter.on(event, listener);
      return () => emitter.off(event, listener);
    },
    get watching(): Promise<void> {
      return current.watching;
    },
    get interruptedSaves(): Promise<InterruptedSaveReport> {
      return current.interruptedSaves;
    },
    root: () => currentRoot,
    async close() {
      await queue;
      for (const off of detach) off();
      emitter.removeAllListeners();
      await current.close();
    },
  };
}
