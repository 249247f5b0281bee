import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';

/** What Folio remembers about update checks, in its app-data folder. */
export interface UpdatePreference {
  /** The author turned update checks on (default off: Folio asks nothing of the network). */
  readonly enabled: boolean;
  /** When Folio last checked, ISO 8601; `null` before the first check. */
  readonly lastCheck: string | null;
}

const off: UpdatePreference = { enabled: false, lastCheck: null };

function fileIn(appDataDir: string): string {
  return path.join(appDataDir, 'updates.json');
}

/**
 * Reads the update preference. A missing or damaged file reads as off: nothing is checked
 * unless the author said so.
 */
export async function readUpdatePreference(appDataDir: string): Promise<UpdatePreference> {
  try {
    const value: unknown = JSON.parse(await readFile(fileIn(appDataDir), 'utf8'));
    if (typeof value !== 'object' || value === null) return off;
    const { enabled, lastCheck } = value as Record<string, unknown>;
    return {
      enabled: enabled === true,
      lastCheck: typeof lastCheck === 'string' && !Number.isNaN(Date.parse(lastCheck)) ? lastCheck : null,
    };
  } catch {
    return off;
  }
}

/** Changes the update preference (atomically); returns the new one. */
export async function writeUpdatePreference(
  appDataDir: string,
  change: Partial<UpdatePreference>,
): Promise<UpdatePreference> {
  const next = { ...(await readUpdatePreference(appDataDir)), ...change };
  await mkdir(appDataDir, { recursive: true });
  await writeFileAtomic(fileIn(appDataDir), JSON.stringify(next, null, 2), { fsync: true });
  return next;
}
