import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openApp, previewArticle, screenshotDir } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const headings = ['Owls at night', 'Where they hunt', 'Barns', 'Woods', 'What they eat'];

async function fillLibrary(library: string): Promise<void> {
  await writeFile(
    path.join(library, 'owls.md'),
    [
      '---',
      'title: Owls',
      'lang: fr-CA',
      '---',
      '',
      `# ${headings[0]}`,
      '',
      'Intro.',
      '',
      `## ${headings[1]}`,
      '',
      `### ${headings[2]}`,
      '',
      `### ${headings[3]}`,
      '',
      `## ${headings[4]}`,
      '',
      'Mice.',
      '',
    ].join('\n'),
  );
  await writeFile(path.join(library, 'plain.md'), '# Plain\n\nNo language given.\n');
}

describe('what a screen reader is told about the writing screen', () => {
  it('names the editor, lists the outline in a landmark, and gives the preview a title, a language and its headings in order', async () => {
    const app = await openApp(browser, fillLibrary);
    const { page } = app;
    try {
      await page.getByRole('navigation', { name: 'Library' }).getByRole('link', { name: /Owls/ }).click();
      const editor = page.getByRole('textbox', { name: 'Markdown source' });
      await editor.getByText('Mice.').waitFor();
      expect(await editor.getAttribute('aria-multiline')).toBe('true');

      // The outline: a navigation landmark holding a list of the headings, in order.
      await page
        .getByRole('group', { name: 'View' })
        .getByRole('button')
        .filter({ hasText: 'Outline' })
        .press('Enter');
      const outline = page.getByRole('navigation', { name: 'Outline' });
      await outline.waitFor();
      await expect.poll(() => outline.getByRole('listitem').allTextContents()).toEqual(headings);

      // The preview: a titled frame whose document speaks the article's language.
      const frame = page.locator('iframe[title="Preview"]');
      expect(await frame.count()).toBe(1);
      const preview = previewArticle(page);
      await preview.getByText('Mice.').waitFor();
      await expect
        .poll(() => preview.evaluate((article) => article.ownerDocument.documentElement.lang))
        .toBe('fr-CA');
      const levels = await preview
        .locator('h1, h2, h3, h4, h5, h6')
        .evaluateAll((all) => all.map((h) => `${h.tagName}:${h.textContent}`));
      expect(levels).toEqual([
        'H1:Owls at night',
        'H2:Where they hunt',
        'H3:Barns',
        'H3:Woods',
        'H2:What they eat',
      ]);

      // The app's own language for an article that gives none.
      await page.getByRole('navigation', { name: 'Library' }).getByRole('link', { name: /Plain/ }).click();
      await preview.getByText('No language given.').waitFor();
      const appLang = await page.evaluate(() => document.documentElement.lang);
      expect(appLang).not.toBe('');
      await expect
        .poll(() => preview.evaluate((article) => article.ownerDocument.documentElement.lang))
        .toBe(appLang);

      // What the accessibility tree holds, kept beside the screenshots for people to read.
      await mkdir(screenshotDir, { recursive: true });
      await writeFile(
        path.join(screenshotDir, 'aria-writing-screen.yaml'),
        await page.locator('body').ariaSnapshot(),
      );
    } finally {
      await app.close();
    }
  });
});
