import { EventEmitter } from 'node:events';
import { lstat, mkdir, readFile, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { summarizeArticle } from '../../shared/article-meta';
import type {
  ArticleDocument,
  ArticleSummary,
  EventName,
  FolioApi,
  FolioEvents,
  FolioEventSource,
  LibraryInfo,
  MethodInputs,
  SaveResult,
} from '../../shared/contract';
import { FolioError } from '../../shared/errors';
import { decodeArticle, encodeArticle, hashBytes } from './article-codec';
import { assetImporter } from './import-asset';
import { isInside, resolveInLibrary, toLibraryPath } from './paths';
import { createExportMethods } from './export';
import { schemaMethods, withSchemaProblems } from './schema';

/** The few OS-specific needs of the service, passed in so it never imports Electron. */
export interface LibraryHost {
  /** Folder for Folio's own data (journal, snapshots, settings). */
  readonly appDataDir: string;
  /** Moves a file to the OS trash; browser mode and the CLI use a library-local trash. */
  readonly trashItem?: (absolutePath: string) => Promise<void>;
  /** Renders an HTML document to PDF (Electron's `printToPDF`); only the desktop app has it. */
  readonly printToPdf?: (html: string) => Promise<Uint8Array>;
}

/** Options of {@link createLibraryService}. */
export interface LibraryServiceOptions {
  /** The library folder; it must exist. */
  readonly root: string;
  readonly host: LibraryHost;
}

/** The service: the contract's methods, its events, and a way to stop it. */
export interface LibraryService extends FolioApi, FolioEventSource {
  /** Stops watchers and timers. */
  close(): Promise<void>;
}

/** Files larger than this are listed but not opened into the editor. */
export const maxOpenBytes = 20 * 1024 * 1024;
const articleExtension = /\.(md|markdown)$/i;
const ignoredFolders = new Set(['node_modules', '.folio', '.git']);

/**
 * Creates the library service for one folder. Every path it receives is library-relative and
 * confined to the library; every write is atomic and checked against the hash it was based on.
 */
export async function createLibraryService(options: LibraryServiceOptions): Promise<LibraryService> {
  const realRoot = await realpath(options.root).catch((error: NodeJS.ErrnoException) => {
    throw ioError(error, 'the library folder');
  });
  await mkdir(options.host.appDataDir, { recursive: true });
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);

  function emit<E extends EventName>(event: E, payload: FolioEvents[E]): void {
    emitter.emit(event, payload);
  }

  async function listFiles(dir: string, out: string[]): Promise<void> {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || ignoredFolders.has(entry.name)) continue;
      const full = path.join(dir, entry.name);
      if (entry.isSymbolicLink()) {
        const real = await realpath(full).catch(() => null);
        if (!real || !isInside(realRoot, real)) continue;
        const info = await stat(real).catch(() => null);
        if (info?.isDirectory()) continue; // never follow folder links: no cycles
        if (info?.isFile() && articleExtension.test(entry.name)) out.push(full);
      } else if (entry.isDirectory()) {
        await listFiles(full, out);
      } else if (entry.isFile() && articleExtension.test(entry.name)) {
        out.push(full);
      }
    }
  }

  async function summarize(file: string): Promise<ArticleSummary> {
    const relative = toLibraryPath(realRoot, file);
    const info = await stat(file);
    if (info.size > maxOpenBytes) {
      return {
        ...summarizeArticle(relative, '', info.mtime),
        problems: ['The file is too large to open in the editor.'],
      };
    }
    const decoded = decodeArticle(await readFile(file));
    if (decoded.text === null || decoded.binary) {
      return {
        ...summarizeArticle(relative, '', info.mtime),
        problems: [decoded.binary ? 'The file looks binary.' : 'The file is not valid UTF-8.'],
      };
    }
    return withSchemaProblems(realRoot, summarizeArticle(relative, decoded.text, info.mtime), decoded.text);
  }

  async function readBytes(absolute: string, relative: string): Promise<Buffer | null> {
    try {
      const info = await lstat(absolute);
      if (!info.isFile() && !info.isSymbolicLink()) {
        throw new FolioError('NOT_FOUND', `“${relative}” is not a file.`);
      }
      if (info.size > maxOpenBytes) {
        throw new FolioError('TOO_LARGE', `“${relative}” is too large to open in the editor.`);
      }
      return await readFile(absolute);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw ioError(error, relative);
    }
  }

  const api: FolioApi = {
    ...createExportMethods({ root: realRoot, emit, printToPdf: options.host.printToPdf }),

    ...schemaMethods(realRoot),
    ...assetImporter(realRoot),
    async getLibrary(): Promise<LibraryInfo> {
      return { name: path.basename(realRoot), root: realRoot };
    },

    async listArticles(): Promise<ArticleSummary[]> {
      const files: string[] = [];
      await listFiles(realRoot, files);
      const summaries = await Promise.all(files.map((file) => summarize(file).catch(() => null)));
      return summaries
        .filter((s): s is ArticleSummary => s !== null)
        .sort((a, b) => a.path.localeCompare(b.path));
    },

    async readArticle({ path: relative }: MethodInputs['readArticle']): Promise<ArticleDocument> {
      const absolute = await resolveArticle(relative);
      const bytes = await readBytes(absolute, relative);
      if (bytes === null) throw new FolioError('NOT_FOUND', `“${relative}” no longer exists.`);
      const decoded = decodeArticle(bytes);
      const hash = hashBytes(bytes);
      if (decoded.text === null || decoded.binary) {
        return {
          path: relative,
          text: decoded.binary ? '' : new TextDecoder().decode(bytes).replace(/\r\n?/g, '\n'),
          hash,
          bom: decoded.bom,
          lineEnding: decoded.lineEnding,
          readOnly: true,
          readOnlyReason: decoded.binary
            ? 'This file looks binary, so Folio will not edit it.'
            : 'This file is not valid UTF-8. It is shown read-only so that no character is lost.',
        };
      }
      return {
        path: relative,
        text: decoded.text,
        hash,
        bom: decoded.bom,
        lineEnding: decoded.lineEnding,
        readOnly: false,
        readOnlyReason: null,
      };
    },

    async saveArticle({ path: relative, text, baseHash }: MethodInputs['saveArticle']): Promise<SaveResult> {
      const absolute = await resolveArticle(relative);
      const diskBytes = await readBytes(absolute, relative);
      const diskHash = diskBytes === null ? null : hashBytes(diskBytes);
      if (diskHash !== baseHash) {
        const disk = diskBytes === null ? null : decodeArticle(diskBytes);
        throw new FolioError(
          'CONFLICT',
          diskBytes === null
            ? `“${relative}” was deleted on disk after you opened it.`
            : `“${relative}” was changed on disk after you opened it.`,
          { diskText: disk?.text ?? null, diskHash },
        );
      }
      const disk = diskBytes === null ? null : decodeArticle(diskBytes);
      if (disk !== null && disk.text === null) {
        throw new FolioError('READ_ONLY', `“${relative}” is not valid UTF-8 and is not saved.`);
      }
      if (diskBytes !== null && disk?.text === text) return { hash: diskHash!, written: false };
      const bytes = encodeArticle(text, {
        bom: disk?.bom ?? false,
        lineEnding: disk?.lineEnding ?? '\n',
        originalRaw: diskBytes === null ? null : rawWithoutBom(diskBytes, disk!.bom),
      });
      const hash = hashBytes(bytes);
      if (diskBytes !== null && diskHash === hash) return { hash, written: false };
      try {
        await writeFileAtomic(absolute, bytes, { fsync: true });
      } catch (error) {
        throw ioError(error, relative);
      }
      emit('articleChanged', { path: relative, hash });
      if (diskBytes === null) emit('libraryChanged', {});
      return { hash, written: true };
    },
  };

  async function resolveArticle(relative: string): Promise<string> {
    if (!articleExtension.test(relative)) {
      throw new FolioError('INVALID_NAME', 'Articles are files ending in .md or .markdown.');
    }
    try {
      return await resolveInLibrary(realRoot, relative);
    } catch (error) {
      throw ioError(error, relative);
    }
  }

  return {
    ...api,
    on(event, listener) {
      emitter.on(event, listener);
      return () => emitter.off(event, listener);
    },
    async close() {
      emitter.removeAllListeners();
    },
  };
}

function rawWithoutBom(bytes: Buffer, bom: boolean): string {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bom ? bytes.subarray(3) : bytes);
}

/** Maps a Node file-system error to a {@link FolioError} with a message for the author. */
export function ioError(error: unknown, what: string): FolioError {
  if (error instanceof FolioError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return new FolioError('NOT_FOUND', `“${what}” does not exist.`);
    case 'EACCES':
    case 'EPERM':
      return new FolioError('PERMISSION_DENIED', `Folio is not allowed to access “${what}”.`);
    case 'ENOSPC':
    case 'EDQUOT':
      return new FolioError('DISK_FULL', `The disk is full; “${what}” was not saved.`);
    case 'EROFS':
      return new FolioError('READ_ONLY', `“${what}” is on a read-only disk.`);
    case 'EISDIR':
      return new FolioError('INVALID_ARGUMENT', `“${what}” is a folder.`);
    default:
      return new FolioError('IO_ERROR', `Folio could not access “${what}” (${code ?? 'unknown error'}).`);
  }
}
