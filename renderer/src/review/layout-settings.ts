/** What the main pane shows. */
export type LayoutMode = 'editor' | 'split' | 'preview';

/** The review layout, remembered between sessions. */
export interface LayoutSettings {
  readonly mode: LayoutMode;
  /** Share of the editor in the side-by-side layout, 0.2–0.8. */
  readonly ratio: number;
  /** Share of the main article when a second article is open to the side, 0.25–0.75. */
  readonly sideRatio: number;
  /** What the article open to the side shows. */
  readonly sideMode: LayoutMode;
}

const storageKey = 'folio.review.layout';

/** The layout of a first run: editor and preview side by side, evenly. */
export const defaultLayout: LayoutSettings = { mode: 'split', ratio: 0.5, sideRatio: 0.5, sideMode: 'split' };

const modes: readonly LayoutMode[] = ['editor', 'split', 'preview'];

function clamp(value: unknown, min: number, max: number, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : fallback;
}

/** Reads the remembered layout; anything missing or malformed falls back to the default. */
export function loadLayout(): LayoutSettings {
  try {
    const stored = JSON.parse(localStorage.getItem(storageKey) ?? '{}') as Record<string, unknown>;
    return {
      mode: modes.includes(stored.mode as LayoutMode) ? (stored.mode as LayoutMode) : defaultLayout.mode,
      ratio: clamp(stored.ratio, 0.2, 0.8, defaultLayout.ratio),
      sideRatio: clamp(stored.sideRatio, 0.25, 0.75, defaultLayout.sideRatio),
      sideMode: modes.includes(stored.sideMode as LayoutMode)
        ? (stored.sideMode as LayoutMode)
        : defaultLayout.sideMode,
    };
  } catch {
    return defaultLayout;
  }
}

/** Remembers the layout (best effort: a full or disabled storage only loses the memory). */
export function saveLayout(layout: LayoutSettings): void {
  try {
    localStorage.setItem(storageKey, JSON.stringify(layout));
  } catch {
    // Nothing to do: the layout still applies for this session.
  }
}
