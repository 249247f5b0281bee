import path from 'node:path';
import type { FolioApi } from '../../shared/contract';
import { FolioError } from '../../shared/errors';
import type { LibraryContext } from './library-context';
import { checkLibraryFolder } from './library-folder';
import { readRecentLibraries } from './recent-libraries';
import { loadLibrarySchema } from './schema';
import { createSchemaMarks } from './schema-marks';

/** The library as a whole: which one is open, its listing and search, switching libraries. */
export function libraryMethods(
  context: LibraryContext,
): Pick<
  FolioApi,
  | 'setSpellcheck'
  | 'getLibrary'
  | 'listArticles'
  | 'searchArticles'
  | 'listRecentLibraries'
  | 'openLibrary'
  | 'chooseLibraryFolder'
> {
  const { realRoot, host, index, search } = context;
  const schemaMarks = createSchemaMarks();
  return {
    async setSpellcheck({ enabled, language }) {
      return (
        host.setSpellcheck?.(enabled, language) ?? {
          language: null,
          message:
            'Browser mode uses the browser’s own spellchecker and the languages chosen in the browser.',
        }
      );
    },

    async getLibrary() {
      const info = { name: path.basename(realRoot), root: realRoot };
      return context.startArticle ? { ...info, startArticle: context.startArticle } : info;
    },

    async listArticles() {
      await context.ensureScanned();
      // The app (watching) indexes for search in the background, ready before the first search.
      if (context.isWatching()) void search.build();
      // The schema (the library's or the built-in set) adds its problems to the pane's marks.
      const { schema } = await loadLibrarySchema(realRoot);
      return schemaMarks(
        index.summaries(),
        (p) => index.get(p)?.head,
        schema,
        (p) => index.get(p)?.data,
      );
    },

    async searchArticles({ query, limit }) {
      await context.ensureScanned();
      return search.search(query, limit ?? 20);
    },

    async listRecentLibraries() {
      return readRecentLibraries(host.appDataDir);
    },

    async openLibrary({ root }) {
      const switchTo = host.openLibrary;
      if (!switchTo) {
        throw new FolioError(
          'INVALID_ARGUMENT',
          'This Folio cannot switch libraries: start it on the other folder.',
        );
      }
      const real = await checkLibraryFolder(root, host.appDataDir);
      await switchTo(real);
      return { name: path.basename(real), root: real };
    },

    async chooseLibraryFolder() {
      if (!host.chooseFolder) {
        throw new FolioError(
          'INVALID_ARGUMENT',
          'There is no folder dialog here: type the path of the folder.',
        );
      }
      return { root: await host.chooseFolder() };
    },
  };
}
