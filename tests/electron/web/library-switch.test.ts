import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startBrowserMode } from '../../../electron/web';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

async function running() {
  const root = await tempDir();
  const first = path.join(root, 'first');
  const second = path.join(root, 'second');
  const rendererDir = path.join(root, 'renderer');
  for (const dir of [first, second, rendererDir, path.join(second, 'img')])
    await mkdir(dir, { recursive: true });
  await writeFile(path.join(rendererDir, 'index.html'), '<p>app</p>');
  await writeFile(path.join(first, 'one.md'), '# One\n');
  await writeFile(path.join(second, 'two.md'), '# Two\n');
  await writeFile(path.join(second, 'img', 'p.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  const app = await startBrowserMode({ library: first, rendererDir, appDataDir: path.join(root, 'data') });
  const call = async (method: string, body: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${app.server.url}/api/${method}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Authorization: `Bearer ${app.server.token}`,
        ...headers,
      },
      body: JSON.stringify(body),
    });
    return {
      status: response.status,
      body: (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } },
    };
  };
  return { app, first, second, call };
}

describe('opening another library in browser mode', () => {
  it('switches the running server to the new library, its images and events, and remembers it', async () => {
    const { app, first, second, call } = await running();
    const switched = await call('openLibrary', { root: second });
    expect(switched).toMatchObject({
      status: 200,
      body: { ok: true, value: { name: 'second', root: second } },
    });
    expect((await call('listArticles', {})).body.value).toMatchObject([{ path: 'two.md', title: 'Two' }]);
    expect((await call('getLibrary', {})).body.value).toEqual({ name: 'second', root: second });
    const image = await fetch(`${app.server.url}/asset/${app.server.token}/img/p.svg`);
    expect(image.status).toBe(200);
    const recent = (await call('listRecentLibraries', {})).body.value as { root: string }[];
    expect(recent.map((item) => item.root)).toEqual([second, first]);

    // Events of the new library reach the same event stream.
    const events = await fetch(`${app.server.url}/api/events?token=${app.server.token}`);
    const reader = events.body!.getReader();
    await reader.read();
    await app.service.watching;
    await writeFile(path.join(second, 'three.md'), '# Three\n');
    let seen = '';
    while (!seen.includes('three.md')) seen += new TextDecoder().decode((await reader.read()).value);
    await reader.cancel();

    expect((await call('openLibrary', { root: first })).status).toBe(200);
    expect((await call('listArticles', {})).body.value).toMatchObject([{ path: 'one.md' }]);
    await app.close();
  });

  it.skipIf(Boolean(process.env.FOLIO_LIBRARY))(
    'reopens the library opened last when started without one',
    async () => {
      const { app, second, call } = await running();
      await call('openLibrary', { root: second });
      const appDataDir = path.join(path.dirname(second), 'data');
      const rendererDir = path.join(path.dirname(second), 'renderer');
      await app.close();
      const again = await startBrowserMode({ rendererDir, appDataDir });
      expect(again.library).toBe(second);
      expect((await again.service.getLibrary({})).name).toBe('second');
      await again.close();
    },
  );

  it('tells every window on the event stream that another library is open', async () => {
    const { app, second, call } = await running();
    const events = await fetch(`${app.server.url}/api/events?token=${app.server.token}`);
    const reader = events.body!.getReader();
    await reader.read();
    await call('openLibrary', { root: second });
    let seen = '';
    while (!seen.includes('event: libraryOpened'))
      seen += new TextDecoder().decode((await reader.read()).value);
    expect(seen).toContain(JSON.stringify({ name: 'second', root: second }));
    await reader.cancel();
    await app.close();
  });

  it('refuses a bad folder with a clear message and keeps the library open', async () => {
    const { app, first, call } = await running();
    const missing = await call('openLibrary', { root: path.join(first, 'nope') });
    expect(missing.status).toBe(404);
    expect(missing.body.error?.message).toMatch(/There is no folder at/);
    const file = await call('openLibrary', { root: path.join(first, 'one.md') });
    expect(file.body.error?.message).toMatch(/is a file, not a folder/);
    expect((await call('openLibrary', { root: '' })).body.error?.message).toMatch(
      /Type the path of a folder/,
    );
    expect((await call('listArticles', {})).body.value).toMatchObject([{ path: 'one.md' }]);
    // Browser mode has no folder dialog: the author types the path.
    expect((await call('chooseLibraryFolder', {})).body.error?.message).toMatch(
      /type the path of the folder/,
    );
    await app.close();
  });

  it('keeps the token and Origin checks: no switch without the token or from another site', async () => {
    const { app, second, call } = await running();
    const noToken = await fetch(`${app.server.url}/api/openLibrary`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ root: second }),
    });
    expect(noToken.status).toBe(401);
    const otherSite = await call('openLibrary', { root: second }, { Origin: 'http://evil.example' });
    expect(otherSite.status).toBe(403);
    expect((await call('listArticles', {})).body.value).toMatchObject([{ path: 'one.md' }]);
    // After a switch the same token still guards everything, and nothing else opens.
    await call('openLibrary', { root: second });
    const after = await fetch(`${app.server.url}/api/listArticles`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer wrong' },
      body: '{}',
    });
    expect(after.status).toBe(401);
    await app.close();
  });
});
