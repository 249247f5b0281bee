import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openApp, screenshot, type AppUnderTest } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function openDraft(): Promise<AppUnderTest> {
  const app = await openApp(browser, async (library) => {
    await writeFile(
      path.join(library, 'draft.md'),
      '---\ntitle: Draft\nstatus: draft\n---\n\n# Draft\n\nFirst paragraph.\n\nSecond paragraph.\n',
    );
    await writeFile(path.join(library, 'other.md'), '---\ntitle: Other\nstatus: review\n---\n\nMore.\n');
  });
  await app.page.getByRole('link', { name: /Draft/ }).click();
  await app.page.getByLabel('Markdown source').waitFor();
  return app;
}

/** The colour the system gives `keyword` (`Highlight`, `Canvas`) in the page as it is now. */
function systemColor(page: Page, keyword: string): Promise<string> {
  return page.evaluate((color) => {
    const probe = document.createElement('div');
    probe.style.cssText = `forced-color-adjust: none; background-color: ${color}`;
    document.body.append(probe);
    const value = getComputedStyle(probe).backgroundColor;
    probe.remove();
    return value;
  }, keyword);
}

function style(
  locator: Locator,
  property: 'backgroundColor' | 'outlineStyle' | 'outlineWidth' | 'transitionDuration',
) {
  return locator.evaluate((element, name) => getComputedStyle(element)[name], property);
}

describe('the modes the OS asks for', () => {
  it('ends transitions at once when the OS asks for reduced motion', async () => {
    const app = await openDraft();
    const { page } = app;
    try {
      await page.locator('.cm-line', { hasText: 'Second paragraph.' }).click();
      await page.keyboard.press('ControlOrMeta+Alt+f');
      const dimmed = page.locator('.cm-folio-dimmed').first();
      await dimmed.waitFor();
      expect(await style(dimmed, 'transitionDuration')).not.toBe('0s');
      await page.emulateMedia({ reducedMotion: 'reduce' });
      expect(await style(dimmed, 'transitionDuration')).toBe('0s');
    } finally {
      await app.close();
    }
  });

  it('keeps focus, the current row, the chosen option and the selection visible in forced colors', async () => {
    const app = await openDraft();
    const { page } = app;
    try {
      await page.emulateMedia({ forcedColors: 'active' });
      const highlight = await systemColor(page, 'Highlight');
      expect(highlight).not.toBe(await systemColor(page, 'Canvas'));

      // The open article's row is marked with the system's highlight, not a tint it would erase.
      const current = page.locator('.folio-library-item[aria-current="page"]');
      expect(await style(current, 'backgroundColor')).toBe(highlight);

      // A row focused from the keyboard gets a ring.
      await page.getByRole('treeitem', { name: /Draft/ }).focus();
      await page.keyboard.press('ArrowDown');
      const focused = page.locator('.folio-tree-item:focus-visible > .folio-library-item');
      await focused.waitFor();
      expect(await style(focused, 'outlineStyle')).toBe('solid');
      expect(await style(focused, 'outlineWidth')).toBe('2px');

      // Selected text in the editor is outlined.
      await page.locator('.cm-line', { hasText: 'First paragraph.' }).click();
      await page.keyboard.press('End');
      await page.keyboard.press('Shift+Home');
      const selection = page.locator('.cm-selectionBackground').first();
      await selection.waitFor();
      expect(await style(selection, 'outlineStyle')).toBe('solid');
      await screenshot(page, 'forced-colors-editor');

      // The command palette's chosen option.
      await page.keyboard.press('ControlOrMeta+Shift+p');
      const chosen = page.getByRole('dialog').getByRole('option', { selected: true });
      await chosen.waitFor();
      expect(await style(chosen, 'backgroundColor')).toBe(highlight);
      await screenshot(page, 'forced-colors-palette');
      await page.keyboard.press('Escape');
    } finally {
      await app.close();
    }
  });
});
