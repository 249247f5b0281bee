import writeFileAtomic from 'write-file-atomic';
import type { FolioApi, MethodInputs, SaveResult } from '../../shared/contract';
import { FolioError } from '../../shared/errors';
import { decodeArticle, encodeArticle, hashBytes, type DecodedArticle } from './article-codec';
import { isWritable, readArticleBytes, resolveArticle } from './article-reading';
import { ioError } from './io-error';
import type { LibraryContext } from './library-context';
import { validateName } from './paths';

/** The version of an article on disk that a save replaces. */
interface DiskVersion {
  readonly relative: string;
  readonly absolute: string;
  /** `null` when the file does not exist (a new article, or one deleted since). */
  readonly bytes: Buffer | null;
  readonly hash: string | null;
  readonly decoded: DecodedArticle | null;
}

/**
 * The contract's `saveArticle`: the one place where the author's text reaches the disk. The
 * steps, in order (DATA-SAFETY.md, "Saving"):
 *
 * 1. read the version on disk (the path resolved and confined to the library);
 * 2. verify it: the hash the text was based on (else `CONFLICT` with the disk text), text that
 *    can be saved (UTF-8, writable on disk, or a valid name for a new file);
 * 3. before the first save of an article, note the version on disk for the history, so that
 *    the original can always be restored;
 * 4. serialize with the file's BOM and line endings; bytes equal to the disk's are not written;
 * 5. write atomically (temp file, fsync, rename; write-file-atomic);
 * 6. update the index;
 * 7. announce it (`articleChanged`, then `libraryChanged`);
 * 8. keep snapshots of the original and of the saved text. History is a convenience: a failure
 *    there never fails the save.
 *
 * Saves in flight are registered in `context.savesInFlight`, so closing the service awaits them.
 */
export function saveMethods(context: LibraryContext): Pick<FolioApi, 'saveArticle'> {
  return {
    saveArticle(input) {
      const saving = saveArticle(context, input);
      context.savesInFlight.add(saving);
      void saving.catch(() => undefined).finally(() => context.savesInFlight.delete(saving));
      return saving;
    },
  };
}

async function saveArticle(context: LibraryContext, input: MethodInputs['saveArticle']): Promise<SaveResult> {
  const disk = await readDiskVersion(context.realRoot, input.path);
  await verifySavable(disk, input.baseHash);
  const original = await originalForHistory(context, disk);
  const result = await writeIfChanged(context, disk, input.text);
  await keepSnapshots(context, input.path, original, input.text);
  return result;
}

async function readDiskVersion(realRoot: string, relative: string): Promise<DiskVersion> {
  const absolute = await resolveArticle(realRoot, relative);
  const bytes = await readArticleBytes(absolute, relative);
  return {
    relative,
    absolute,
    bytes,
    hash: bytes === null ? null : hashBytes(bytes),
    decoded: bytes === null ? null : decodeArticle(bytes),
  };
}

async function verifySavable(disk: DiskVersion, baseHash: string | null): Promise<void> {
  const { relative, decoded } = disk;
  if (disk.hash !== baseHash) {
    throw new FolioError(
      'CONFLICT',
      disk.bytes === null
        ? `“${relative}” was deleted on disk after you opened it.`
        : `“${relative}” was changed on disk after you opened it.`,
      { diskText: decoded?.text ?? null, diskHash: disk.hash },
    );
  }
  if (decoded !== null && (decoded.text === null || decoded.binary)) {
    throw new FolioError('READ_ONLY', `“${relative}” is not valid UTF-8 text and is not saved.`);
  }
  if (disk.bytes === null) {
    validateName(relative.slice(relative.lastIndexOf('/') + 1));
  } else if (!(await isWritable(disk.absolute))) {
    throw new FolioError(
      'READ_ONLY',
      `“${relative}” is read-only on disk, so Folio did not save it. Your text is kept.`,
    );
  }
}

/** The text on disk when the article has no history yet (its first save), else `null`. */
async function originalForHistory(context: LibraryContext, disk: DiskVersion): Promise<string | null> {
  try {
    if (await context.history.has(disk.relative, null)) return null;
    const text = disk.decoded?.text ?? null;
    // A history found by content belongs to this article renamed outside Folio: it is adopted.
    if (text !== null && (await context.history.has(disk.relative, text))) return null;
    return text;
  } catch {
    return null; // history is a convenience; the save goes on
  }
}

async function writeIfChanged(context: LibraryContext, disk: DiskVersion, text: string): Promise<SaveResult> {
  const { relative, absolute, decoded } = disk;
  if (disk.bytes !== null && decoded?.text === text) return { hash: disk.hash!, written: false };
  const bytes = encodeArticle(text, {
    bom: decoded?.bom ?? false,
    lineEnding: decoded?.lineEnding ?? '\n',
    originalRaw: disk.bytes === null ? null : rawWithoutBom(disk.bytes, decoded!.bom),
  });
  const hash = hashBytes(bytes);
  if (disk.bytes !== null && disk.hash === hash) return { hash, written: false };
  try {
    await writeFileAtomic(absolute, bytes, { fsync: true });
  } catch (error) {
    throw ioError(error, relative);
  }
  await context.index.recordWrite(relative, absolute).catch(() => undefined);
  context.emit('articleChanged', { path: relative, hash });
  context.libraryChangedSoon();
  return { hash, written: true };
}

async function keepSnapshots(
  context: LibraryContext,
  relative: string,
  original: string | null,
  text: string,
): Promise<void> {
  try {
    if (original !== null && original !== text) await context.history.record(relative, original);
    await context.history.record(relative, text);
  } catch {
    // History is a convenience; the author's save has succeeded and must be reported so.
  }
}

function rawWithoutBom(bytes: Buffer, bom: boolean): string {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bom ? bytes.subarray(3) : bytes);
}
