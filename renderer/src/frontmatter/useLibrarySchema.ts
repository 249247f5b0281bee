import { useEffect, useState } from 'react';
import { builtinSchema, type LibrarySchema } from '../../../shared/frontmatter';
import { api } from '../api';

const fallback: LibrarySchema = { schema: builtinSchema, source: 'builtin', problems: [] };

/**
 * The library's frontmatter schema (`.folio/schema.yaml` or the built-in set), re-read when the
 * library changes on disk. Until it arrives, and if it cannot be read, the built-in set applies.
 */
export function useLibrarySchema(): LibrarySchema {
  const [schema, setSchema] = useState<LibrarySchema>(fallback);
  useEffect(() => {
    let alive = true;
    const load = (): void => {
      api.getSchema({}).then(
        (value) => alive && setSchema(value),
        () => alive && setSchema(fallback),
      );
    };
    load();
    const off = api.on('libraryChanged', load);
    return () => {
      alive = false;
      off();
    };
  }, []);
  return schema;
}
