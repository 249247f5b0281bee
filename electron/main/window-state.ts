import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Rectangle } from 'electron';

/** Where and how large the main window was when it last closed. */
export interface WindowState {
  readonly bounds: Rectangle;
  readonly maximized: boolean;
}

/** Reads the remembered window state, or `null` when there is none (or it is unreadable). */
export async function loadWindowState(dataDir: string): Promise<WindowState | null> {
  try {
    const value = JSON.parse(await readFile(path.join(dataDir, 'window-state.json'), 'utf8')) as unknown;
    if (typeof value !== 'object' || value === null) return null;
    const { bounds, maximized } = value as Record<string, unknown>;
    const b = bounds as Record<string, unknown> | undefined;
    if (!b || !['x', 'y', 'width', 'height'].every((k) => typeof b[k] === 'number')) return null;
    return { bounds: b as unknown as Rectangle, maximized: maximized === true };
  } catch {
    return null;
  }
}

/** Remembers the window state for the next start. */
export async function saveWindowState(dataDir: string, state: WindowState): Promise<void> {
  await writeFile(path.join(dataDir, 'window-state.json'), JSON.stringify(state));
}
