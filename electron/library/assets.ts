import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { resolveInLibrary } from './paths';

/** Image types served from the library, by extension. Nothing else is ever served. */
export const imageTypes: Readonly<Record<string, string>> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.svg': 'image/svg+xml',
};

/** Headers every served image carries: no sniffing, and an SVG opened directly runs nothing. */
export const assetHeaders = {
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
  'Cache-Control': 'no-cache',
} as const;

/**
 * Reads one image of the library for the preview (desktop asset protocol, browser-mode asset
 * route). The path is library-relative and confined like every other path (`..`, `\`, NUL,
 * drive letters, `//` and symlinks leaving the library are refused). Returns `null` both for a
 * missing and for a forbidden path, so that callers answer both with the same 404.
 */
export async function readLibraryAsset(
  realRoot: string,
  relative: string,
): Promise<{ bytes: Buffer; type: string } | null> {
  const type = imageTypes[path.extname(relative).toLowerCase()];
  if (!type) return null;
  try {
    const absolute = await resolveInLibrary(realRoot, relative);
    return { bytes: await readFile(absolute), type };
  } catch {
    return null;
  }
}
