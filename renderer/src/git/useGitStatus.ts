import { useCallback, useEffect, useRef, useState } from 'react';
import type { GitStatus } from '../../../shared/git-contract';
import { api } from '../api';

/** How long the library must be quiet before its git status is read again (ms). */
export const statusDelayMs = 600;

/** The open library's git state and the way to read it again. */
export interface GitStatusState {
  /** `null` until the first answer, and while the library is not a git work tree. */
  readonly status: GitStatus | null;
  /** Reads the status again now (after a sync). */
  readonly refresh: () => void;
}

/**
 * Follows the open library's git state: read at start, then again after library and article
 * changes once they pause (a status can take a while on a big library; it is read in the
 * service, one read at a time, and never holds up typing).
 */
export function useGitStatus(): GitStatusState {
  const [status, setStatus] = useState<GitStatus | null>(null);
  const running = useRef(false);
  const again = useRef(false);
  const alive = useRef(true);

  const read = useCallback(() => {
    if (running.current) {
      again.current = true;
      return;
    }
    running.current = true;
    void (async () => {
      // Changes during a read ask for one more read after it, not for reads side by side.
      do {
        again.current = false;
        try {
          const next = await api.getGitStatus({});
          if (alive.current) setStatus(next.repository ? next : null);
        } catch {
          if (alive.current) setStatus(null);
        }
      } while (again.current && alive.current);
      running.current = false;
    })();
  }, []);

  useEffect(() => {
    alive.current = true;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const later = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(read, statusDelayMs);
    };
    read();
    const offLibrary = api.on('libraryChanged', later);
    const offArticle = api.on('articleChanged', later);
    const offRenamed = api.on('articleRenamed', later);
    return () => {
      alive.current = false;
      if (timer) clearTimeout(timer);
      offLibrary();
      offArticle();
      offRenamed();
    };
  }, [read]);

  return { status, refresh: read };
}
