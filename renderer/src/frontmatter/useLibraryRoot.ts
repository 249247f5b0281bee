import { useEffect, useState } from 'react';
import { api } from '../api';

/**
 * The open library's folder, to remember things per library; `null` until known. Follows
 * "Open library…" in any window.
 */
export function useLibraryRoot(): string | null {
  const [root, setRoot] = useState<string | null>(null);
  useEffect(() => {
    let alive = true;
    api.getLibrary({}).then(
      (library) => alive && setRoot(library.root),
      () => undefined,
    );
    const off = api.on('libraryOpened', (library) => setRoot(library.root));
    return () => {
      alive = false;
      off();
    };
  }, []);
  return root;
}
