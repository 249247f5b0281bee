const key = 'folio-autosave';

/** Whether autosave is on (default: on). Kept in local storage, per browser profile. */
export function readAutosave(): boolean {
  try {
    return localStorage.getItem(key) !== 'off';
  } catch {
    return true;
  }
}

/** Remembers the autosave choice. */
export function writeAutosave(on: boolean): void {
  try {
    localStorage.setItem(key, on ? 'on' : 'off');
  } catch {
    // Storage may be unavailable (private mode); the choice then lasts for this session only.
  }
}
