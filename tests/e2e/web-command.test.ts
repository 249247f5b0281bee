import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliBundleIsCurrent } from '../../scripts/cli-bundle.js';
import { writeFiles } from '../helpers/temp-dir';
import { launchChromium, previewArticle, screenshot } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Starts `folio web` as `npm run web` does and resolves with the address it prints. */
function startWeb(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (data: Buffer) => {
      out += data.toString();
      const url = /Folio is running at (\S+)/.exec(out)?.[1];
      if (url) resolve(url);
    });
    child.stderr!.on('data', (data: Buffer) => (err += data.toString()));
    child.once('exit', (code) => reject(new Error(`folio web exited with ${code}: ${err}`)));
  });
}

describe('folio web from the bundled command', () => {
  it('serves the built app and the library, as `npm run web` starts it', async () => {
    // The global setup built the bundle from these very sources: bin/folio.js takes it.
    expect(cliBundleIsCurrent(path.resolve('.'), path.resolve('out/cli'))).toBe(true);
    const temp = await mkdtemp(path.join(os.tmpdir(), 'folio-e2e-web-'));
    const library = path.join(temp, 'library');
    const files: Record<string, string> = {
      'about/hello.md': '---\ntitle: Hello from the bundle\n---\n# Hello\n\nIt *works*.\n',
    };
    // Enough articles for the export's worker threads (the bundle's export-worker.js), two cores up.
    for (let i = 0; i < 70; i++)
      files[`many/n-${String(i).padStart(2, '0')}.md`] =
        `---\ntitle: Note ${i}\nstatus: published\n---\nText ${i}.\n`;
    await writeFiles(library, files);
    const child = spawn(process.execPath, ['bin/folio.js', 'web', library, '--port', '0'], {
      env: { ...process.env, FOLIO_DATA_DIR: path.join(temp, 'data') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const context = await browser.newContext();
    try {
      const url = await startWeb(child);
      const page = await context.newPage();
      await page.goto(url);
      await page.getByRole('treeitem', { name: /Hello from the bundle/ }).click();
      await expect.poll(() => previewArticle(page).locator('h1').textContent()).toBe('Hello');
      await expect.poll(() => previewArticle(page).locator('em').textContent()).toBe('works');

      await screenshot(page, 'web-command-preview');

      // The whole library exports through the bundled server and its workers.
      await page.keyboard.press('ControlOrMeta+Shift+E');
      const dialog = page.getByRole('dialog', { name: 'Export to HTML' });
      await dialog.getByLabel('The whole library, with an index page').check();
      await dialog.getByText('The folder will be created.').waitFor();
      await dialog.getByRole('button', { name: 'Export', exact: true }).click();
      await dialog.getByText('Exported 71 pages to').waitFor({ timeout: 60_000 });
      await screenshot(page, 'web-command-exported');
      const out = `${library}-export`;
      expect(await readFile(path.join(out, 'many', 'n-69.html'), 'utf8')).toContain('<p>Text 69.</p>');
      expect(await readFile(path.join(out, 'index.html'), 'utf8')).toContain('href="about/hello.html"');
    } finally {
      await context.close();
      child.kill();
      await rm(temp, { recursive: true, force: true });
    }
  });
});
