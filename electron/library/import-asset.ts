import { mkdir, open, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { FolioApi, ImportedAsset, MethodInputs } from '../../shared/contract';
import { FolioError } from '../../shared/errors';
import { resolveInLibrary, splitLibraryPath, validateName } from './paths';

/** Largest image `importAsset` accepts, in bytes. */
export const maxAssetBytes = 20 * 1024 * 1024;

/** The folder, next to the article, that pasted and dropped images go into. */
export const assetsFolderName = 'assets';

const articleExtension = /\.(md|markdown)$/i;

/**
 * The image type of `bytes`, by its signature (never by the name it came with), as the
 * extension to save it with; null for anything that is not an image Folio shows.
 */
export function sniffImageExtension(bytes: Uint8Array): string | null {
  const starts = (...sig: number[]): boolean => sig.every((byte, i) => bytes[i] === byte);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return '.png';
  if (starts(0xff, 0xd8, 0xff)) return '.jpg';
  if (starts(0x47, 0x49, 0x46, 0x38)) return '.gif';
  if (starts(0x52, 0x49, 0x46, 0x46) && String.fromCharCode(...bytes.subarray(8, 12)) === 'WEBP')
    return '.webp';
  if (String.fromCharCode(...bytes.subarray(4, 12)) === 'ftypavif') return '.avif';
  const head = new TextDecoder()
    .decode(bytes.subarray(0, 1024))
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i.test(head)) return '.svg';
  return null;
}

/**
 * A file-name slug from an article path: `notes/Mon Été 2024.md` → `mon-ete-2024`. Letters and
 * digits of any script are kept; everything else becomes a single `-`.
 */
export function articleSlug(articlePath: string): string {
  const base = articlePath.split('/').pop()!.replace(articleExtension, '');
  const slug = base
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'image';
}

/**
 * The `importAsset` method for the library at `realRoot`: copies an image pasted or dropped
 * into the editor into `assets/` beside the article, named after the article's slug
 * (`my-article-1.png`, `my-article-2.png`, …). Files are created exclusively (`wx`), so an
 * existing image is never replaced; the type comes from the bytes, not from the given name;
 * every path is confined to the library.
 */
export function importAssetMethods(context: { readonly realRoot: string }): Pick<FolioApi, 'importAsset'> {
  const { realRoot } = context;
  return {
    async importAsset({ articlePath, dataBase64 }: MethodInputs['importAsset']): Promise<ImportedAsset> {
      if (!articleExtension.test(articlePath)) {
        throw new FolioError(
          'INVALID_NAME',
          'Images can only be added to articles (.md or .markdown files).',
        );
      }
      const segments = splitLibraryPath(articlePath);
      const bytes = Buffer.from(dataBase64, 'base64');
      if (bytes.length === 0) throw new FolioError('INVALID_ARGUMENT', 'The image is empty.');
      if (bytes.length > maxAssetBytes) throw new FolioError('TOO_LARGE', 'The image is larger than 20 MB.');
      const extension = sniffImageExtension(bytes);
      if (!extension) {
        throw new FolioError(
          'INVALID_ARGUMENT',
          'Only PNG, JPEG, GIF, WebP, AVIF and SVG images can be added.',
        );
      }
      const folderSegments = [...segments.slice(0, -1), assetsFolderName];
      const folder = await resolveInLibrary(realRoot, folderSegments.join('/'));
      try {
        await mkdir(folder, { recursive: true });
      } catch (error) {
        throw new FolioError(
          'IO_ERROR',
          `Folio could not create the assets folder (${(error as NodeJS.ErrnoException).code}).`,
        );
      }
      // Re-resolve after creating: the folder (or a link in its place) must still be inside.
      const realFolder = await resolveInLibrary(realRoot, folderSegments.join('/'));
      const slug = articleSlug(articlePath);
      for (let n = 1; n <= 10_000; n++) {
        const name = validateName(`${slug}-${n}${extension}`);
        const target = path.join(realFolder, name);
        let handle;
        try {
          handle = await open(target, 'wx');
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
          throw new FolioError(
            'IO_ERROR',
            `Folio could not save the image (${(error as NodeJS.ErrnoException).code}).`,
          );
        }
        try {
          await handle.writeFile(bytes);
          await handle.sync();
          await handle.close();
        } catch (error) {
          await handle.close().catch(() => {});
          await unlink(target).catch(() => {});
          const code = (error as NodeJS.ErrnoException).code;
          throw new FolioError(
            code === 'ENOSPC' ? 'DISK_FULL' : 'IO_ERROR',
            `Folio could not save the image (${code ?? 'unknown error'}).`,
          );
        }
        return {
          path: [...folderSegments, name].join('/'),
          markdownPath: `${assetsFolderName}/${encodeURI(name)}`,
        };
      }
      throw new FolioError('ALREADY_EXISTS', 'There are too many images named after this article.');
    },
  };
}
