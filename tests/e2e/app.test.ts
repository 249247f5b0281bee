import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openApp, previewArticle, screenshot } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function fillLibrary(library: string): Promise<void> {
  await writeFile(
    path.join(library, 'first.md'),
    '---\r\ntitle: First article\r\nstatus: draft\r\n---\r\n\r\n# Hello\r\n\r\nSome words here.\r\n',
  );
  await mkdir(path.join(library, 'notes'));
  await writeFile(path.join(library, 'notes', 'second.md'), '# Second article\n\nMore.\n');
}

describe('the app shell in browser mode', () => {
  it('lists articles, edits one with a live preview, and saves the exact bytes', async () => {
    const app = await openApp(browser, fillLibrary);
    const { page } = app;
    const library = page.getByRole('navigation', { name: 'Library' });
    // The pane shows before the list arrives: wait for it, or a slow machine counts nothing.
    await library.getByRole('link', { name: /First article/ }).waitFor();
    await expect(library.getByRole('link', { name: /First article/ }).count()).resolves.toBe(1);
    await expect(library.getByRole('link', { name: /Second article/ }).count()).resolves.toBe(1);

    await library.getByRole('link', { name: /First article/ }).click();
    const editor = page.getByLabel('Markdown source');
    await editor.waitFor();
    const preview = previewArticle(page);
    await preview.locator('h1', { hasText: 'Hello' }).waitFor();
    const status = page.getByRole('contentinfo');
    await status.getByText('4 words').waitFor();

    await page.getByRole('checkbox', { name: 'Autosave' }).uncheck(); // this test saves by hand
    await editor.click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type('\nA new paragraph typed in Folio.');
    await preview.locator('p', { hasText: 'A new paragraph typed in Folio.' }).waitFor();
    await status.getByText('10 words').waitFor();
    await status.getByText('Unsaved changes').waitFor();
    await screenshot(page, 'app-editing');

    await page.keyboard.press('ControlOrMeta+s');
    await status.getByText('Saved', { exact: true }).waitFor();
    const bytes = await readFile(path.join(app.library, 'first.md'), 'utf8');
    expect(bytes).toBe(
      '---\r\ntitle: First article\r\nstatus: draft\r\n---\r\n\r\n# Hello\r\n\r\nSome words here.\r\n' +
        '\r\nA new paragraph typed in Folio.',
    );
    await app.close();
  });

  it('shows the sample-style article in dark mode with the preview rendered', async () => {
    const app = await openApp(
      browser,
      async (library) => {
        await writeFile(
          path.join(library, 'rich.md'),
          '# Rich\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n~~~js\nlet x = 1;\n~~~\n\nText.[^1]\n\n[^1]: A note.\n',
        );
      },
      { colorScheme: 'dark' },
    );
    await app.page.getByRole('link', { name: /Rich/ }).click();
    const preview = previewArticle(app.page);
    await preview.locator('table').waitFor();
    await preview.locator('pre code').waitFor();
    await preview.locator('.footnotes').waitFor();
    await screenshot(app.page, 'app-dark');
    await app.close();
  });
});
