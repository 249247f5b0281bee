import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { injectCspNonce } from '../../shared/csp';
import { assetHeaders, readLibraryAsset } from '../library';

/** Schemes registered before `app.ready`: the app shell and library images. */
export function registerSchemes(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    { scheme: 'folio-asset', privileges: { standard: true, secure: true } },
  ]);
}

/**
 * Serves the built renderer on `app://folio/` (a fresh CSP nonce per HTML response) and library
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
      return new Response(html, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
    }
    return net.fetch(pathToFileURL(target).href);
  });

  protocol.handle('folio-asset', async (request) => {
    const relative = decodeURIComponent(new URL(request.url).pathname.slice(1));
    const asset = await readLibraryAsset(libraryRoot(), relative);
    if (!asset) return new Response('Not found', { status: 404, headers: assetHeaders });
    return new Response(new Uint8Array(asset.bytes), {
      headers: { ...assetHeaders, 'Content-Type': asset.type },
    });
  });
}
