import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateArticle } from '../../bench/generate-article';
import { launchChromium, openApp, previewArticle, screenshot } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Every file under `dir`, relative, `/`-separated. */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

describe('export actions in the browser', () => {
  it('cancels a library export midway: the dialog says so and no half-written page is left', async () => {
    const app = await openApp(browser, async (library) => {
      // Enough long articles that rendering them all takes a while on any machine.
      for (let i = 0; i < 160; i++) {
        const folder = path.join(library, `part-${i % 4}`);
        await mkdir(folder, { recursive: true });
        await writeFile(
          path.join(folder, `article-${i}.md`),
          generateArticle(2_500, i + 1).replace('status: draft', `date: 2024-03-${(i % 28) + 1}`),
        );
      }
    });
    const { page } = app;
    await page.keyboard.press('ControlOrMeta+Shift+E');
    const dialog = page.getByRole('dialog', { name: 'Export to HTML' });
    await dialog.waitFor();
    await dialog.getByLabel('The whole library, with an index page').check();
    const out = `${app.library}-export`;
    await dialog.getByText('The folder will be created.').waitFor();
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    const progress = dialog.getByRole('status');
    await expect
      .poll(() => progress.textContent(), { timeout: 120_000 })
      .toMatch(/^Rendering [1-9]\d* of 160$/);
    await screenshot(page, 'export-library-running');
    await dialog.getByRole('button', { name: 'Cancel export' }).click();
    await dialog.getByText('Export cancelled before any page was written.').waitFor({ timeout: 60_000 });
    await screenshot(page, 'export-library-cancelled');

    // Cancelled while rendering: nothing was written, and surely nothing half-written.
    const files = await listFiles(out);
    for (const file of files) {
      expect(file, 'no temporary file is left behind').toMatch(/\.html$|\.folio-export\.json$/);
      if (file.endsWith('.html')) expect(await readFile(path.join(out, file), 'utf8')).toMatch(/<\/html>\n$/);
    }
    expect(files).not.toContain('index.html');

    // Nothing is left running: the dialog offers to export again.
    await expect.poll(() => dialog.getByRole('button', { name: 'Export again' }).isEnabled()).toBe(true);
    await app.close();
  }, 300_000);

  it('copies the article as HTML and as plain text through the Clipboard API', async () => {
    const app = await openApp(browser, async (library) => {
      await writeFile(
        path.join(library, 'note.md'),
        '# A note\n\nSome **bold** words and a [link](https://example.com).\n',
      );
    });
    const { page } = app;
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url });
    await page.getByRole('link', { name: /A note/ }).click();
    await previewArticle(page).locator('h1').waitFor();
    await page.getByRole('button', { name: 'Copy HTML' }).click();
    await page.getByRole('contentinfo').getByText('Copied the article as HTML', { exact: true }).waitFor();
    const clipboard = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      return {
        types: item!.types.slice().sort(),
        html: await (await item!.getType('text/html')).text(),
        text: await (await item!.getType('text/plain')).text(),
      };
    });
    expect(clipboard.types).toEqual(['text/html', 'text/plain']);
    expect(clipboard.html).toContain('<strong>bold</strong>');
    expect(clipboard.html).toContain('<a href="https://example.com/">link</a>');
    expect(clipboard.html).not.toMatch(/data-line|<script|<style/);
    expect(clipboard.text).toBe('A note\nSome bold words and a link.');
    await app.close();
  });

  it('falls back to the copy command when the Clipboard API is refused, and says so', async () => {
    const app = await openApp(browser, async (library) => {
      await writeFile(path.join(library, 'note.md'), '# A note\n\nSome *words*.\n');
    });
    const { page } = app;
    // The page's Clipboard API refuses, as a browser without the permission does; a listener
    // on window (after Folio's on document) records what the copy event carried.
    await page.evaluate(() => {
      const refuse = (): Promise<never> =>
        Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
      Object.defineProperty(navigator.clipboard, 'write', { value: refuse, configurable: true });
      const seen: Record<string, string>[] = [];
      Object.defineProperty(window, 'copiedData', { value: seen });
      window.addEventListener('copy', (event) => {
        seen.push({
          html: event.clipboardData?.getData('text/html') ?? '',
          text: event.clipboardData?.getData('text/plain') ?? '',
        });
      });
    });
    await page.getByRole('link', { name: /A note/ }).click();
    await previewArticle(page).locator('h1').waitFor();
    await page.getByRole('button', { name: 'Copy HTML' }).click();
    await page
      .getByRole('contentinfo')
      .getByText('Copied the article as HTML through the copy command (the clipboard API was refused)')
      .waitFor();
    const copied = await page.evaluate(
      () => (window as unknown as { copiedData: Record<string, string>[] }).copiedData,
    );
    expect(copied).toHaveLength(1);
    expect(copied[0]!.html).toContain('<em>words</em>');
    expect(copied[0]!.text).toBe('A note\nSome words.');
    await screenshot(page, 'export-copy-fallback');

    // And when the copy command is refused too, nothing is claimed.
    await page.evaluate(() => {
      Object.defineProperty(document, 'execCommand', { value: () => false, configurable: true });
    });
    await page.getByRole('button', { name: 'Copy HTML' }).click();
    await page
      .getByRole('contentinfo')
      .getByText('Not copied: the clipboard refused it, and so did the copy command.')
      .waitFor();
    await app.close();
  });

  it('checks the export folder as it is typed, and asks before exporting inside the library', async () => {
    const app = await openApp(
      browser,
      async (library) => {
        await writeFile(path.join(library, 'a.md'), '# A\n');
        await writeFile(path.join(library, 'notes.txt'), 'not a folder');
      },
      { colorScheme: 'dark' },
    );
    const { page } = app;
    await page.getByRole('link', { name: /^A/ }).click();
    await previewArticle(page).locator('h1').waitFor();
    await page.keyboard.press('ControlOrMeta+Shift+E');
    const dialog = page.getByRole('dialog', { name: 'Export to HTML' });
    const field = dialog.getByLabel('Export folder');
    const exportButton = dialog.getByRole('button', { name: 'Export', exact: true });
    await dialog.getByText('The folder will be created.').waitFor();
    expect(await exportButton.isEnabled()).toBe(true);

    await field.fill('relative/folder');
    await dialog.getByText(/^Type a full path, like /).waitFor();
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await exportButton.isDisabled()).toBe(true);

    await field.fill(path.join(app.library, 'notes.txt'));
    await dialog.getByText(`“${path.join(app.library, 'notes.txt')}” is a file, not a folder.`).waitFor();

    await field.fill(path.join(app.library, 'public'));
    const confirm = dialog.getByLabel('Export inside the library anyway');
    await confirm.waitFor();
    await dialog.getByText(/This folder is inside the library/).waitFor();
    expect(await exportButton.isDisabled()).toBe(true);
    await screenshot(page, 'export-folder-inside-library-dark');
    await confirm.check();
    await exportButton.click();
    await dialog.getByText('Exported 1 page to').waitFor();
    await screenshot(page, 'export-folder-inside-library-done');
    expect(await dialog.getByRole('status').textContent()).toBe(
      `Exported 1 page to ${path.join(app.library, 'public')}/a.html.`,
    );
    expect(await readFile(path.join(app.library, 'public', 'a.html'), 'utf8')).toContain('<!DOCTYPE html>');
    await app.close();
  });
});
