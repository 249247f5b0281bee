import { EventEmitter } from 'node:events';
import type { EventName, FolioEventSource, FolioEvents } from '../../shared/contract';

/** How long `libraryChanged` waits to gather the changes that come together (a git pull, a copy). */
const libraryChangedDelayMs = 30;

/** The service's events: what its method groups emit and what its clients subscribe to. */
export interface LibraryEvents extends FolioEventSource {
  /** Tells every listener of `event`. */
  emit<E extends EventName>(event: E, payload: FolioEvents[E]): void;
  /** Emits one `libraryChanged` for the changes of the next few milliseconds. */
  libraryChangedSoon(): void;
  /** Drops every listener and the pending `libraryChanged`. */
  close(): void;
}

/** Creates the event hub of one library service. */
export function createLibraryEvents(): LibraryEvents {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  let libraryChangedTimer: NodeJS.Timeout | null = null;

  const emit = <E extends EventName>(event: E, payload: FolioEvents[E]): void => {
    emitter.emit(event, payload);
  };

  return {
    emit,
    on(event, listener) {
      emitter.on(event, listener);
      return () => emitter.off(event, listener);
    },
    libraryChangedSoon() {
      if (libraryChangedTimer) return;
      libraryChangedTimer = setTimeout(() => {
        libraryChangedTimer = null;
        emit('libraryChanged', {});
      }, libraryChangedDelayMs);
    },
    close() {
      emitter.removeAllListeners();
      if (libraryChangedTimer) clearTimeout(libraryChangedTimer);
    },
  };
}
