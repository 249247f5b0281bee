/**
 * Whether the "Article details" form is open, remembered per library: a library of short notes
 * and one of long articles with a dozen keys want different things, and each keeps its own.
 */

/** Where the memory is kept; `localStorage` in the app, a plain map in tests. */
export interface OpenStateStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** Windows shorter than this start with the form closed until the author opens it. */
export const tallEnoughForDetails = 800;

/** How many libraries are remembered; the least recently changed are forgotten first. */
export const rememberedLibraries = 50;

const storageKey = 'folio.frontmatter.open.v1';

type Remembered = Readonly<Record<string, boolean>>;

function readRemembered(storage: OpenStateStorage | null): Remembered {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(storageKey) ?? '{}');
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    return Object.fromEntries(
      Object.entries(parsed as Record<string, unknown>).filter(
        (entry): entry is [string, boolean] => typeof entry[1] === 'boolean',
      ),
    );
  } catch {
    return {};
  }
}

/**
 * The remembered open/closed state of the form, per library root, as a small external store
 * (`useSyncExternalStore(memory.subscribe, memory.getSnapshot)`).
 */
export class DetailsOpenMemory {
  private remembered: Remembered;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly storage: OpenStateStorage | null) {
    this.remembered = readRemembered(storage);
  }

  /** Every remembered library and its state (a new object after every change). */
  readonly getSnapshot = (): Remembered => this.remembered;

  /** Calls `listener` after every change; returns the unsubscribe. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /**
   * Whether the form is open in `library`: as remembered, else open unless the window is
   * shorter than {@link tallEnoughForDetails}.
   */
  isOpen(library: string | null, windowHeight: number): boolean {
    const remembered = this.remembered[library ?? ''];
    return remembered ?? windowHeight >= tallEnoughForDetails;
  }

  /** Remembers the state for `library` (for this window only while the library is unknown). */
  remember(library: string | null, open: boolean): void {
    const key = library ?? '';
    const rest = Object.entries(this.remembered).filter(([k]) => k !== key);
    this.remembered = Object.fromEntries([...rest.slice(-(rememberedLibraries - 1)), [key, open]]);
    try {
      const known = Object.entries(this.remembered).filter(([k]) => k !== '');
      if (library !== null) this.storage?.setItem(storageKey, JSON.stringify(Object.fromEntries(known)));
    } catch {
      // Storage full or disabled: the state still holds in this window.
    }
    this.emit();
  }

  /** Re-reads storage (after another window changed it). */
  reload(): void {
    this.remembered = readRemembered(this.storage);
    this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}

function browserStorage(): OpenStateStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** The app's memory of the form's open/closed state. */
export const detailsOpenMemory = new DetailsOpenMemory(browserStorage());

if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key === storageKey) detailsOpenMemory.reload();
  });
}
