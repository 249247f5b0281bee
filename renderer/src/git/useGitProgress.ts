import { useEffect, useState } from 'react';
import type { GitProgress } from '../../../shared/git-contract';
import { api } from '../api';

/** A fresh id for one clone or sync, to tell its `gitProgressed` events from others'. */
export function newJobId(): string {
  return crypto.randomUUID();
}

/** The last `gitProgressed` event of the run named `jobId` (`null` before the first, or without a run). */
export function useGitProgress(jobId: string | null): GitProgress | null {
  const [progress, setProgress] = useState<{ jobId: string; value: GitProgress } | null>(null);
  useEffect(() => {
    if (!jobId) return;
    return api.on('gitProgressed', (event) => {
      if (event.jobId === jobId) setProgress({ jobId, value: event });
    });
  }, [jobId]);
  return progress && progress.jobId === jobId ? progress.value : null;
}
