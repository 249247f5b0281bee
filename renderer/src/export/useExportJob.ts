import { useCallback, useEffect, useRef, useState } from 'react';
import type { ExportProgress, ExportReport } from '../../../shared/export';
import { announce } from '../accessibility';
import { api } from '../api';
import { errorMessage } from '../../../shared/errors';
import { describeOutcome } from './export-outcome';

/** The state of the export the dialog started. */
export type ExportJobState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'running'; readonly progress: ExportProgress | null }
  | { readonly kind: 'done'; readonly report: ExportReport }
  | { readonly kind: 'failed'; readonly message: string };

/**
 * Runs one export at a time through the API, following its `exportProgressed` events, and
 * cancels it on request. `start` takes the call to make with the job id it must carry.
 */
export function useExportJob(): {
  state: ExportJobState;
  start(run: (jobId: string) => Promise<ExportReport>): void;
  cancel(): void;
  reset(): void;
} {
  const [state, setState] = useState<ExportJobState>({ kind: 'idle' });
  const jobId = useRef<string | null>(null);

  useEffect(
    () =>
      api.on('exportProgressed', (event) => {
        if (event.jobId !== jobId.current) return;
        setState((current) => (current.kind === 'running' ? { kind: 'running', progress: event } : current));
      }),
    [],
  );

  const start = useCallback((run: (jobId: string) => Promise<ExportReport>) => {
    const id = `export-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    jobId.current = id;
    setState({ kind: 'running', progress: null });
    run(id).then(
      (report) => {
        if (jobId.current !== id) return;
        setState({ kind: 'done', report });
        announce(describeOutcome(report));
      },
      (error: unknown) => {
        if (jobId.current === id) {
          const message = errorMessage(error, 'The export failed.');
          setState({ kind: 'failed', message });
          announce(`Export failed: ${message}`, 'assertive');
        }
      },
    );
  }, []);

  const cancel = useCallback(() => {
    if (jobId.current) void api.cancelExport({ jobId: jobId.current });
  }, []);

  const reset = useCallback(() => {
    jobId.current = null;
    setState({ kind: 'idle' });
  }, []);

  return { state, start, cancel, reset };
}
