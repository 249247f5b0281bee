import { open, rm } from 'node:fs/promises';
import { FolioError } from '../../shared/errors';
import { ioError } from './io-error';
import { moveExclusive as moveExclusiveOnDisk } from './move-exclusive';

/** Creates a new file exclusively, writing and syncing its bytes. */
export async function createExclusive(absolute: string, bytes: Uint8Array, what: string): Promise<void> {
  let handle;
  try {
    handle = await open(absolute, 'wx', 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new FolioError('ALREADY_EXISTS', `“${what}” already exists.`);
    }
    throw ioError(error, what);
  }
  try {
    await handle.writeFile(bytes);
    await handle.sync();
    await handle.close();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(absolute, { force: true });
    throw ioError(error, what);
  }
}

/** {@link moveExclusiveOnDisk} with Folio's messages: the target's name when it exists. */
export async function moveExclusive(from: string, to: string, what: string): Promise<void> {
  await moveExclusiveOnDisk(from, to).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new FolioError('ALREADY_EXISTS', `“${what}” already exists.`);
    }
    throw ioError(error, what);
  });
}
