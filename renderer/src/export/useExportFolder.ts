import { useCallback, useEffect, useState } from 'react';
import type { ExportFolderCheck } from '../../../shared/export';
import { api } from '../api';
import { errorMessage } from '../../../shared/errors';

/** The export folder the dialog shows, what the service says about it, and the confirmation. */
export interface ExportFolderState {
  /** The folder as typed (absolute path); `''` until the last used one has loaded. */
  readonly folder: string;
  setFolder(folder: string): void;
  /** The service's verdict on `folder`, or `null` while it is being checked. */
  readonly check: ExportFolderCheck | null;
  /** The author confirmed exporting inside the library (asked only when it is inside). */
  readonly confirmedInside: boolean;
  setConfirmedInside(confirmed: boolean): void;
  /** True when an export may start with this folder. */
  readonly ready: boolean;
  /** Checks the same folder again (after an export created it or wrote into it). */
  recheck(): void;
  /** Desktop: opens the OS folder dialog; resolves to a message when it cannot. */
  choose(): Promise<string | null>;
}

/**
 * Owns the export folder field: starts from the folder last used for this library, asks the
 * service to check every change (after a short pause in typing), and needs a confirmation
 * before exporting into the library itself.
 */
export function useExportFolder(): ExportFolderState {
  const [folder, setFolderState] = useState('');
  const [check, setCheck] = useState<ExportFolderCheck | null>(null);
  const [confirmedInside, setConfirmedInside] = useState(false);
  // Bumped to check the same folder again; the last verdict stays shown until the new one.
  const [revision, setRevision] = useState(0);

  useEffect(() => {
    let current = true;
    void api.getExportFolder({}).then(
      (result) => current && setFolderState((typed) => typed || result.path),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, []);

  useEffect(() => {
    if (!folder) return;
    let current = true;
    const timer = setTimeout(() => {
      api.checkExportFolder({ path: folder }).then(
        (result) => current && setCheck(result),
        (error: unknown) =>
          current &&
          setCheck({
            path: folder,
            exists: false,
            insideLibrary: false,
            error: errorMessage(error, 'The folder cannot be checked.'),
            note: null,
          }),
      );
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [folder, revision]);

  const setFolder = useCallback((next: string) => {
    setFolderState(next);
    setCheck(null);
    setConfirmedInside(false);
  }, []);

  const recheck = useCallback(() => setRevision((n) => n + 1), []);

  const choose = useCallback(async (): Promise<string | null> => {
    try {
      const result = await api.chooseExportFolder({ path: folder });
      if (result.path) setFolder(result.path);
      return null;
    } catch (error) {
      return errorMessage(error, 'The folder dialog did not open.');
    }
  }, [folder, setFolder]);

  const current = check && check.path !== '' ? check : null;
  const ready = current !== null && current.error === null && (!current.insideLibrary || confirmedInside);
  return { folder, setFolder, check: current, confirmedInside, setConfirmedInside, ready, recheck, choose };
}
