import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

/** Runs `npm run dist`'s wrapper (without the build step) and collects what it printed. */
function dist(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['scripts/dist.js', ...args],
      // electron-builder keeps quiet under vitest (VITEST set): let it log its steps as it does for authors.
      { env: { ...process.env, VITEST: '', ...env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, output: stdout + stderr }),
    );
  });
}

// A mirror that has no Electron: the download fails here as it does without internet, and on
// a machine with internet too, so the test does not depend on the network.
let mirror: Server;
let mirrorUrl = '';
const requested: string[] = [];
beforeAll(async () => {
  mirror = createServer((request, response) => {
    requested.push(request.url ?? '');
    response.writeHead(404).end('not here');
  });
  await new Promise<void>((resolve) => mirror.listen(0, '127.0.0.1', resolve));
  mirrorUrl = `http://127.0.0.1:${(mirror.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  await new Promise((resolve) => mirror.close(resolve));
});

describe('npm run dist', () => {
  it('fails only for the missing Electron download, and says so', async () => {
    const cache = await tempDir();
    const { code, output } = await dist(['--dir'], { ELECTRON_MIRROR: mirrorUrl, ELECTRON_CACHE: cache });
    expect(code).not.toBe(0);
    // electron-builder asked the mirror for this Electron's zip for Linux.
    const electron = JSON.parse(await readFile('node_modules/electron/package.json', 'utf8')) as {
      version: string;
    };
    expect(requested.some((url) => url.includes(`electron-v${electron.version}-linux-x64.zip`))).toBe(true);
    expect(output).toMatch(/loaded configuration\s+file=.*electron-builder\.config\.ts/);
    expect(output).toContain(
      `npm run dist stopped: electron-builder could not download Electron ${electron.version}'s zip`,
    );
    expect(output).toMatch(/machine that\s+can reach github\.com/);
    // Nothing was left behind as if it were an app.
    expect(
      await stat(path.resolve('dist', 'linux-unpacked', 'resources', 'app.asar')).catch(() => null),
    ).toBeNull();
  }, 240_000);

  it("passes a bad configuration on as electron-builder's own error, not as a download problem", async () => {
    const { code, output } = await dist(['--dir', '-c.electronFuses.runAsNod=false'], {
      ELECTRON_MIRROR: mirrorUrl,
      ELECTRON_CACHE: await tempDir(),
    });
    expect(code).not.toBe(0);
    expect(output).toMatch(/Invalid configuration object[\s\S]*electronFuses/);
    expect(output).not.toContain('could not download');
  }, 120_000);
});
