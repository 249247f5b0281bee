import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { heardSoFar, heardTexts, listenToLiveRegion } from './keyboard-helpers';
import { launchChromium, openApp } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function fillLibrary(library: string): Promise<void> {
  await writeFile(path.join(library, 'essay.md'), '---\ntitle: Nightjars\n---\n\nThey churr at dusk.\n');
  await mkdir(path.join(library, 'notes'));
  await writeFile(path.join(library, 'notes/wren.md'), '# Wrens\n\nA loud song for a small bird.\n');
  await writeFile(path.join(library, 'notes/owl.md'), '# Owls\n\nThey hoot in the kestrel’s wood.\n');
}

async function openEssay(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Library' })
    .getByRole('link', { name: /Nightjars/ })
    .click();
  await page.getByLabel('Markdown source').getByText('They churr at dusk.').waitFor();
}

/** The classes of the elements a screen reader speaks by themselves when their content changes. */
function liveRegions(page: Page): Promise<string[]> {
  return page
    .locator(
      '[aria-live]:not([aria-live="off"]), [role="status"]:not([aria-live="off"]), [role="alert"], [role="log"]',
    )
    .evaluateAll((all) => all.map((element) => element.className));
}

describe('announcements through the one live region', () => {
  it('says "Saved" once for a typing session that autosaves, never per keystroke', async () => {
    const app = await openApp(browser, fillLibrary);
    const { page } = app;
    try {
      await openEssay(page);
      expect(await liveRegions(page)).toEqual(['folio-live-region']);
      await listenToLiveRegion(page);
      await page.getByLabel('Markdown source').getByText('They churr at dusk.').click();
      await page.keyboard.press('Control+End');
      const typed = ' Thirty characters, one by one';
      expect(typed).toHaveLength(30);
      await page.keyboard.type(typed, { delay: 40 });
      await expect
        .poll(() => readFile(path.join(app.library, 'essay.md'), 'utf8'), { timeout: 10_000 })
        .toContain(typed);
      await expect.poll(() => heardTexts(page), { timeout: 10_000 }).toContain('Saved');
      // Saving again by hand is the next thing said: nothing else came in between.
      await page.keyboard.press('Control+s');
      await expect.poll(() => heardTexts(page)).toHaveLength(2);
      expect(await heardSoFar(page)).toEqual([
        { text: 'Saved', politeness: 'polite' },
        { text: 'No changes to save', politeness: 'polite' },
      ]);
      expect(await liveRegions(page)).toEqual(['folio-live-region']);
    } finally {
      await app.close();
    }
  });

  it('says a failed save and a conflict on disk at once (assertive), once each, and keeps the text', async () => {
    const app = await openApp(browser, fillLibrary);
    const { page } = app;
    try {
      await openEssay(page);
      await page.getByLabel('Autosave').uncheck();
      await listenToLiveRegion(page);
      // The connection to the library service drops for saves.
      await page.route('**/api/saveArticle', (route) => route.abort('connectionfailed'));
      await page.getByLabel('Markdown source').getByText('They churr at dusk.').click();
      await page.keyboard.press('Control+End');
      await page.keyboard.type(' Unsaved words.');
      await page.keyboard.press('Control+s');
      await expect.poll(() => heardTexts(page), { timeout: 10_000 }).toHaveLength(1);
      const [failed] = await heardSoFar(page);
      expect(failed!.politeness).toBe('assertive');
      expect(failed!.text).toMatch(/^Not saved: .+ Your text is kept\.$/);
      await page.unroute('**/api/saveArticle');

      await writeFile(
        path.join(app.library, 'essay.md'),
        '---\ntitle: Nightjars\n---\n\nChanged elsewhere.\n',
      );
      await page.getByRole('region', { name: 'File changed on disk' }).waitFor();
      await expect.poll(() => heardTexts(page), { timeout: 10_000 }).toHaveLength(2);
      expect((await heardSoFar(page))[1]).toEqual({
        text: 'Conflict: the file changed on disk while you were editing it.',
        politeness: 'assertive',
      });
      await page.getByLabel('Markdown source').getByText('Unsaved words.').waitFor();
    } finally {
      await app.close();
    }
  });

  it('says how many articles match once per query, when typing stops, not when the results refresh', async () => {
    const app = await openApp(browser, fillLibrary);
    const { page } = app;
    try {
      await listenToLiveRegion(page);
      const search = page.getByRole('searchbox', { name: 'Search library' });
      const results = page.getByRole('list', { name: 'Search results' }).locator('.folio-library-item');
      await search.focus();
      await page.keyboard.type('kestrel', { delay: 60 });
      await expect.poll(() => heardTexts(page), { timeout: 10_000 }).toHaveLength(1);
      const first = await results.count();
      expect(await heardTexts(page)).toEqual([
        `${first} article${first === 1 ? ' matches' : 's match'} “kestrel”.`,
      ]);

      // A new article matches: the list follows, the count is not said again for the same query.
      await writeFile(path.join(app.library, 'kestrel.md'), '# Kestrels\n\nA kestrel hovers.\n');
      await expect.poll(() => results.count(), { timeout: 10_000 }).toBe(first + 1);

      await page.keyboard.press('Control+a');
      await page.keyboard.type('zzyzx', { delay: 60 });
      await expect.poll(() => heardTexts(page), { timeout: 10_000 }).toHaveLength(2);
      expect((await heardTexts(page))[1]).toBe('No article matches “zzyzx”.');
    } finally {
      await app.close();
    }
  });
});
