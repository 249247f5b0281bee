import type { FolioApi } from '../../shared/contract';
import type { RecoveryEntry } from '../../shared/library-contract';
import { readArticleDocument } from './article-reading';
import { ioError } from './io-error';
import type { LibraryContext } from './library-context';
import { splitLibraryPath } from './paths';

/**
 * The recovery journal: the renderer journals unsaved text (debounced) until it is saved, and
 * at start the texts that never reached the disk are offered back.
 */
export function recoveryMethods(
  context: Pick<LibraryContext, 'realRoot' | 'journal'>,
): Pick<FolioApi, 'journalArticle' | 'discardJournal' | 'listRecoveries'> {
  const { journal } = context;
  return {
    async journalArticle({ path: relative, text, baseHash }) {
      splitLibraryPath(relative);
      try {
        await journal.write(relative, text, baseHash);
      } catch (error) {
        throw ioError(error, 'the recovery journal');
      }
      return { journaled: true };
    },

    async discardJournal({ path: relative }) {
      return { discarded: await journal.discard(relative) };
    },

    async listRecoveries() {
      const records = await journal.list();
      const out: RecoveryEntry[] = [];
      for (const record of records) {
        const disk = await readArticleDocument(context.realRoot, record.path).catch(() => null);
        if (disk && disk.text === record.text) {
          // Already saved (a crash between save and discard): nothing to recover.
          await journal.discard(record.path);
          continue;
        }
        out.push({
          path: record.path,
          text: record.text,
          baseHash: record.baseHash,
          journaledAt: record.journaledAt,
          changedOnDisk: (disk?.hash ?? null) !== record.baseHash,
          disk,
        });
      }
      return out;
    },
  };
}
