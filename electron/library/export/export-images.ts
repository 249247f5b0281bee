import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ImageMode, ImageProblem, PreparedArticle } from '../../../shared/export';
import { imageTypes } from '../assets';
import { resolveInLibrary } from '../paths';

/** Largest image embedded or copied (bytes); larger ones are reported and left out. */
export const maxImageBytes = 50 * 1024 * 1024;

/** A file an export writes beside the HTML (copy mode). */
export interface CopiedAsset {
  /** Name inside the assets folder: the original name plus a content hash. */
  readonly name: string;
  readonly bytes: Buffer;
}

/** What {@link resolveImages} found for one article. */
export interface ResolvedImages {
  /** `src` as rendered → the URL to write. */
  readonly sources: Map<string, string>;
  readonly problems: ImageProblem[];
  /** Copy mode: the files to write into the assets folder. */
  readonly assets: CopiedAsset[];
  /** One hash over every image's bytes, so re-exports notice an image that changed. */
  readonly fingerprint: string;
}

/**
 * Reads the local images of an article, confined to the library like the preview's asset
 * route (`..`, absolute paths and symlinks leaving it are refused; image types only). Inline
 * mode turns each into a data URI; copy mode names it `<name>-<sha256 prefix>.<ext>` in the
 * assets folder, whose URL from the article is `assetsUrl`. Remote images are not touched.
 */
export async function resolveImages(
  root: string,
  article: PreparedArticle,
  mode: ImageMode,
  assetsUrl: string,
): Promise<ResolvedImages> {
  const sources = new Map<string, string>();
  const problems: ImageProblem[] = [];
  const assets: CopiedAsset[] = [];
  const fingerprint = createHash('sha256');
  for (const image of article.images) {
    const src = image.src;
    if (src === null || sources.has(src)) continue;
    const target = image.target;
    if (!target || target.kind === 'external') continue;
    const report = (message: string): void => {
      if (!problems.some((p) => p.src === src)) problems.push({ path: article.path, src, message });
    };
    if (target.kind !== 'library') {
      report(`The image “${src}” is outside the library and was left out.`);
      continue;
    }
    const ext = path.extname(target.path).toLowerCase();
    const type = imageTypes[ext];
    if (!type) {
      report(`“${src}” is not an image type Folio exports (${Object.keys(imageTypes).join(', ')}).`);
      continue;
    }
    let bytes: Buffer;
    try {
      const absolute = await resolveInLibrary(root, target.path);
      const info = await stat(absolute);
      if (!info.isFile()) throw new Error('not a file');
      if (info.size > maxImageBytes) {
        report(`The image “${src}” is larger than 50 MB and was left out.`);
        continue;
      }
      bytes = await readFile(absolute);
    } catch {
      report(`The image “${src}” does not exist in the library and was left out.`);
      continue;
    }
    const hash = createHash('sha256').update(bytes).digest('hex');
    fingerprint.update(`${src}\0${hash}\0`);
    if (mode === 'inline') {
      sources.set(src, `data:${type};base64,${bytes.toString('base64')}`);
    } else {
      const stem = path
        .basename(target.path, path.extname(target.path))
        .replace(/[^\p{L}\p{N}_-]+/gu, '-')
        .slice(0, 60);
      const name = `${stem || 'image'}-${hash.slice(0, 12)}${ext}`;
      if (!assets.some((a) => a.name === name)) assets.push({ name, bytes });
      sources.set(src, `${assetsUrl}/${encodeURIComponent(name)}`);
    }
  }
  return { sources, problems, assets, fingerprint: fingerprint.digest('hex') };
}
