import { readFile, rename } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { MovePlan } from '../../shared/library-contract';
import { decodeArticle, encodeArticle, hashBytes } from './article-codec';
import { moveExclusive } from './exclusive-files';
import type { FileLocations } from './file-locations';
import type { FileMethods, FileOperationsContext } from './file-operations-context';
import { ioError } from './io-error';

/**
 * Planning and doing an article's move or rename, with the links to it rewritten in every
 * article that still holds the text the plan was computed from (the others are reported as
 * skipped, never overwritten).
 */
export function moveMethods(
  ctx: FileOperationsContext,
  locations: FileLocations,
): FileMethods<'planMove' | 'moveArticle'> {
  const { realRoot, index } = ctx;
  const { resolveExistingArticle, destination } = locations;

  /** Reads the articles whose links a move of `from` to `to` changes, with the new texts. */
  async function computeMove(from: string, to: string) {
    // The Markdown parser loads with the first move, not with every library opened.
    const { rewriteLinks } = await import('./link-rewrite');
    const moves = new Map([[from, to]]);
    const articles = [...index.all()].map((entry) => entry.summary.path);
    const files: {
      path: string;
      absolute: string;
      bytes: Buffer;
      text: string;
      changes: MovePlan['files'][number]['changes'];
    }[] = [];
    for (const entry of index.all()) {
      const docPath = entry.summary.path;
      if (entry.hash === null) continue;
      const absolute = path.join(realRoot, ...docPath.split('/'));
      const bytes = await readFile(absolute).catch(() => null);
      if (!bytes) continue;
      const decoded = decodeArticle(bytes);
      if (decoded.text === null || decoded.binary) continue;
      const outcome =
        docPath === from
          ? rewriteLinks(decoded.text, from, moves, to, articles)
          : rewriteLinks(decoded.text, docPath, moves, docPath, articles);
      if (outcome.changes.length > 0) {
        files.push({ path: docPath, absolute, bytes, text: outcome.text, changes: outcome.changes });
      }
    }
    return files;
  }

  /** Writes a rewritten text back if the file still holds the bytes it was computed from. */
  async function writeRewrite(absolute: string, bytes: Buffer, text: string): Promise<boolean> {
    const now = await readFile(absolute).catch(() => null);
    if (!now || hashBytes(now) !== hashBytes(bytes)) return false;
    const decoded = decodeArticle(bytes);
    const raw = new TextDecoder('utf-8', { ignoreBOM: true }).decode(decoded.bom ? bytes.subarray(3) : bytes);
    const out = encodeArticle(text, { bom: decoded.bom, lineEnding: decoded.lineEnding, originalRaw: raw });
    await writeFileAtomic(absolute, out, { fsync: true });
    return true;
  }

  return {
    async planMove({ path: from, to }) {
      await resolveExistingArticle(from);
      if (from !== to) await destination(from, to);
      if (!index.ready) await index.scan();
      const files = await computeMove(from, to);
      return { from, to, files: files.map(({ path: p, changes }) => ({ path: p, changes })) };
    },

    async moveArticle({ path: from, to, rewriteLinks: rewrite = true }) {
      const source = await resolveExistingArticle(from);
      if (from === to) return { path: to, rewritten: [], skipped: [] };
      const target = await destination(from, to);
      if (!index.ready) await index.scan();
      const plan = rewrite ? await computeMove(from, to) : [];
      const caseOnly = from.toLowerCase() === to.toLowerCase();
      if (caseOnly) {
        // A case-only rename on a case-insensitive disk: go through a temporary name.
        const temp = `${source}.folio-rename-${randomBytes(4).toString('hex')}`;
        await rename(source, temp).catch((error: unknown) => {
          throw ioError(error, from);
        });
        await rename(temp, target).catch(async (error: unknown) => {
          await rename(temp, source).catch(() => undefined);
          throw ioError(error, to);
        });
      } else {
        await moveExclusive(source, target, to);
      }
      index.forget(from);
      await index.recordWrite(to, target);
      await ctx.journal.rename(from, to).catch(() => undefined);
      ctx.emit('articleRenamed', { from, to });
      const rewritten: string[] = [];
      const skipped: string[] = [];
      for (const file of plan) {
        const isSelf = file.path === from;
        const absolute = isSelf ? target : file.absolute;
        const shown = isSelf ? to : file.path;
        try {
          if (await writeRewrite(absolute, file.bytes, file.text)) {
            rewritten.push(shown);
            await index.recordWrite(shown, absolute);
            const entry = index.get(shown);
            ctx.emit('articleChanged', { path: shown, hash: entry?.hash ?? null });
          } else skipped.push(shown);
        } catch {
          skipped.push(shown);
        }
      }
      ctx.emit('libraryChanged', {});
      return { path: to, rewritten, skipped };
    },
  };
}
