/** How urgently a screen reader should speak an announcement. */
export type Politeness = 'polite' | 'assertive';

/** One message for the live region. */
export interface Announcement {
  readonly text: string;
  readonly politeness: Politeness;
  /** Grows with every announcement, so the same words said twice are still two announcements. */
  readonly sequence: number;
}

type Listener = (announcement: Announcement) => void;

const listeners = new Set<Listener>();
let sequence = 0;

/**
 * Says `text` through the window's one live region (see `LiveRegion`): polite by default (read
 * when the screen reader is idle), `assertive` for failures the author must hear at once (a save
 * that failed, a conflict on disk). Callers announce events, not states: call it once when the
 * event happens, never from a render.
 */
export function announce(text: string, politeness: Politeness = 'polite'): void {
  const trimmed = text.trim();
  if (!trimmed) return;
  const announcement: Announcement = { text: trimmed, politeness, sequence: ++sequence };
  for (const listener of listeners) listener(announcement);
}

/** Calls `listener` with every later announcement; returns the function that stops it. */
export function onAnnouncement(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
