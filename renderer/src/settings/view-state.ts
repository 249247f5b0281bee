/** Transient view state of the window (not persisted): which overlays are open. */
export interface ViewState {
  readonly paletteOpen: boolean;
  readonly settingsOpen: boolean;
  /** Distraction-free mode: only the editor, full screen. */
  readonly distractionFree: boolean;
}

type Listener = () => void;

/** A small external store for {@link ViewState}, read with `useSyncExternalStore`. */
export class ViewStateStore {
  private state: ViewState = { paletteOpen: false, settingsOpen: false, distractionFree: false };
  private readonly listeners = new Set<Listener>();

  /** The current state (a new object after every change). */
  readonly getSnapshot = (): ViewState => this.state;

  /** Subscribes to changes; returns the unsubscribe function. */
  readonly subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Changes part of the state. */
  set(patch: Partial<ViewState>): void {
    const next = { ...this.state, ...patch };
    if (
      next.paletteOpen === this.state.paletteOpen &&
      next.settingsOpen === this.state.settingsOpen &&
      next.distractionFree === this.state.distractionFree
    ) {
      return;
    }
    this.state = next;
    for (const listener of this.listeners) listener();
  }
}

/** The window's view state. */
export const viewState = new ViewStateStore();
