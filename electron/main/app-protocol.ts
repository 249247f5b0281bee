import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { injectCspNonce, isolationHeaders } from '../../shared/csp';
import { assetHeaders, readLibraryAsset } from '../library';

/** Schemes registered before `app.ready`: the app shell and library images. */
export function registerSchemes(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    { scheme: 'folio-asset', privileges: { standard: true, secure: true } },
  ]);
}

/**
 * Serves the built renderer on `app://folio/` (a fresh CSP nonce per HTML response, cross-origin
 * isolated: see `isolationHeaders`) and library
 * images on `folio-asset://library/<path>`: images only, confined to the library root, with
 * `nosniff`; a missing and a forbidden path both answer the same 404.
 */
export function handleProtocols(rendererDir: string, libraryRoot: () => string): void {
  protocol.handle('app', async (request) => {
    const { pathname } = new URL(request.url);
    const relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname.slice(1));
    const target = path.resolve(rendererDir, relative);
    if (!target.startsWith(rendererDir + path.sep)) return new Response('Not found', { status: 404 });
    if (target.endsWith('.html')) {
      const html = injectCspNonce(await readFile(target, 'utf8'), randomBytes(16).toString('base64'));
      return new Response(html, {
        headers: { ...isolationHeaders, 'Content-Type': 'text/html; charset=utf-8' },
      });
    }
    // Scripts (the preview worker's too) carry the isolation headers as well.
    const file = await net.fetch(pathToFileURL(target).href);
    const headers = new Headers(file.headers);
    for (const [name, value] of Object.entries(isolationHeaders)) headers.set(name, value);
    return new Response(file.body, { status: file.status, headers });
  });

  protocol.handle('folio-asset', async (request) => {
    const relative = decodeURIComponent(new URL(request.url).pathname.slice(1));
    const asset = await readLibraryAsset(libraryRoot(), relative);
    if (!asset) return new Response('Not found', { status: 404, headers: assetHeaders });
    return new Response(new Uint8Array(asset.bytes), {
      // app:// is cross-origin isolated and this scheme is another origin: say it may embed these.
      headers: {
        ...assetHeaders,
        'Content-Type': asset.type,
        'Cross-Origin-Resource-Policy': 'cross-origin',
      },
    });
  });
}
