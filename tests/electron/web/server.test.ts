import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startBrowserMode } from '../../../electron/web';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

async function running() {
  const root = await tempDir();
  const library = path.join(root, 'library');
  const rendererDir = path.join(root, 'renderer');
  await mkdir(library);
  await mkdir(rendererDir);
  await writeFile(path.join(rendererDir, 'index.html'), '<meta content="\'nonce-__FOLIO_CSP_NONCE__\'">');
  await writeFile(path.join(library, 'a.md'), '# Original\n');
  await mkdir(path.join(library, 'img'));
  await writeFile(path.join(library, 'img', 'p.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  await writeFile(path.join(library, 'img', 'notes.txt'), 'secret');
  const app = await startBrowserMode({ library, rendererDir, appDataDir: path.join(root, 'data') });
  return { app, library, root };
}

function save(url: string, headers: Record<string, string>) {
  return fetch(`${url}/api/saveArticle`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify({ path: 'a.md', text: '# Hacked\n', baseHash: null }),
  });
}

describe('browser mode', () => {
  it('answers API calls that carry the token', async () => {
    const { app } = await running();
    const response = await fetch(`${app.server.url}/api/listArticles`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${app.server.token}` },
      body: '{}',
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, value: [{ path: 'a.md', title: 'Original' }] });
    await app.close();
  });

  it('refuses requests without the token, with a wrong token or from another site, changing nothing', async () => {
    const { app, library } = await running();
    const { url, token, port } = app.server;
    expect((await save(url, {})).status).toBe(401);
    expect((await save(url, { Authorization: 'Bearer wrong' })).status).toBe(401);
    expect(
      (await save(url, { Authorization: `Bearer ${token}`, Origin: 'http://evil.example' })).status,
    ).toBe(403);
    const rebinding = await new Promise<number>((resolve, reject) => {
      import('node:http').then(({ request }) => {
        const req = request(
          {
            host: '127.0.0.1',
            port,
            path: '/api/listArticles',
            method: 'POST',
            headers: {
              Host: 'evil.example',
              Authorization: `Bearer ${token}`,
              'Content-Type': 'application/json',
            },
          },
          (res) => resolve(res.statusCode ?? 0),
        );
        req.on('error', reject);
        req.end('{}');
      }, reject);
    });
    expect(rebinding).toBe(403);
    const invalid = await fetch(`${url}/api/readArticle`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ path: 42 }),
    });
    expect(invalid.status).toBe(400);
    expect(await readFile(path.join(library, 'a.md'), 'utf8')).toBe('# Original\n');
    await app.close();
  });

  it('listens on 127.0.0.1 only and fills a fresh CSP nonce into every page', async () => {
    const { app } = await running();
    expect(app.server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const first = await (await fetch(`${app.server.url}/`)).text();
    const second = await (await fetch(`${app.server.url}/`)).text();
    expect(first).not.toContain('__FOLIO_CSP_NONCE__');
    expect(first).not.toBe(second);
    expect((await fetch(`${app.server.url}/../../etc/passwd`)).status).toBe(404);
    await app.close();
  });

  it('serves library images only, with the token, confined to the library', async () => {
    const { app } = await running();
    const { url, token } = app.server;
    const image = await fetch(`${url}/asset/${token}/img/p.svg`);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/svg+xml');
    expect(image.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await fetch(`${url}/asset/wrong/img/p.svg`)).status).toBe(401);
    expect((await fetch(`${url}/asset/${token}/img/notes.txt`)).status).toBe(404);
    expect((await fetch(`${url}/asset/${token}/a.md`)).status).toBe(404);
    expect((await fetch(`${url}/asset/${token}/..%2F..%2Fsecret.png`)).status).toBe(404);
    expect((await fetch(`${url}/asset/${token}/missing.png`)).status).toBe(404);
    await app.close();
  });
});
