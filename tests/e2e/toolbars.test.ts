import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editorText, focusedName, launchChromium, openApp, screenshot } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * Every formatting command with a toolbar button, in toolbar order (editor/editor-commands.ts), by
 * its accessible name (which holds the button's visible text: toolbar/button-name.ts).
 */
const formatting = [
  'Bold',
  'Italic',
  'Strikethrough',
  'Inline code',
  'Link',
  'Heading 1, H1',
  'Heading 2, H2',
  'Heading 3, H3',
  'Paragraph',
  'Bullet list',
  'Numbered list, 1.',
  'Task list',
  'Quote',
  'Code block',
  'Horizontal rule',
  'Table',
];

async function openDraft(colorScheme: 'light' | 'dark') {
  const app = await openApp(
    browser,
    async (library) => {
      await writeFile(path.join(library, 'draft.md'), '# Draft\n\nIntro words here.\n\nMore words.\n');
    },
    { colorScheme },
  );
  await app.page.getByRole('link', { name: /Draft/ }).click();
  await app.page.getByLabel('Markdown source').waitFor();
  return app;
}

/** The accessible names of a toolbar's buttons that are shown, and of its "More" menu's entries. */
async function shownAndMore(page: Page, toolbar: Locator): Promise<{ shown: string[]; more: string[] }> {
  const shown = await toolbar
    .getByRole('button')
    .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label') ?? b.textContent ?? ''));
  const moreButton = toolbar.getByRole('button', { name: 'More', exact: true });
  if ((await moreButton.count()) === 0) return { shown, more: [] };
  await moreButton.click();
  const menu = page.getByRole('menu');
  await menu.waitFor();
  const more = await menu
    .locator('[role^="menuitem"] .folio-menu-label')
    .evaluateAll((labels) => labels.map((label) => label.textContent ?? ''));
  await page.keyboard.press('Escape');
  await menu.waitFor({ state: 'detached' });
  return { shown: shown.filter((name) => name !== 'More'), more };
}

describe('toolbars that keep to one line', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`moves what does not fit into a "More" menu that runs it, at any width (${scheme})`, async () => {
      const app = await openDraft(scheme);
      const { page } = app;
      const formattingBar = page.getByRole('toolbar', { name: 'Formatting' });
      const workspaceBar = page.getByRole('toolbar', { name: 'Workspace' });

      for (const width of [1600, 1280, 1024]) {
        await page.setViewportSize({ width, height: 720 });
        // Every command is either shown or in "More", in order (once the resize is measured).
        await expect
          .poll(async () => {
            const { shown, more } = await shownAndMore(page, formattingBar);
            return [...shown, ...more];
          })
          .toEqual(formatting);
        if (width === 1024) expect((await shownAndMore(page, formattingBar)).more).toContain('Quote');
        // Each bar stays one line high.
        for (const bar of [formattingBar, workspaceBar]) {
          const box = await bar.boundingBox();
          expect(box!.height).toBeLessThanOrEqual(38);
        }
      }
      // Each bar is one tab stop; arrows, Home and End move between the buttons shown.
      for (const bar of [formattingBar, workspaceBar]) {
        await expect(bar.locator('button[tabindex="0"]').count()).resolves.toBe(1);
      }
      await formattingBar.getByRole('button', { name: 'Bold' }).focus();
      await page.keyboard.press('ArrowRight');
      await expect(focusedName(page)).resolves.toBe('Italic');
      await page.keyboard.press('End');
      await expect(focusedName(page)).resolves.toBe('More');
      await page.keyboard.press('ArrowRight');
      await expect(focusedName(page)).resolves.toBe('Bold');
      await page.keyboard.press('ArrowLeft');
      await expect(focusedName(page)).resolves.toBe('More');
      await expect(formattingBar.locator('button[tabindex="0"]').getAttribute('aria-label')).resolves.toBe(
        'More',
      );
      await page.keyboard.press('Tab');
      await expect(formattingBar.evaluate((bar) => bar.contains(document.activeElement))).resolves.toBe(
        false,
      );
      await page.keyboard.press('Shift+Tab');
      await expect(focusedName(page)).resolves.toBe('More');

      // At 1,024 pixels the quote button does not fit: the menu has it, with its shortcut.
      const toolbarQuote = formattingBar.getByRole('button', { name: 'Quote' });
      expect(await toolbarQuote.count()).toBe(0);
      await page.locator('.cm-line', { hasText: 'Intro words here.' }).click();
      await page.keyboard.press('End');
      await formattingBar.getByRole('button', { name: 'More', exact: true }).click();
      const menu = page.getByRole('menu', { name: 'More in Formatting' });
      const quote = menu.getByRole('menuitem', { name: /Quote/ });
      await expect(quote.textContent()).resolves.toMatch(/^Quote\s*Ctrl\+Alt\+Q$/);
      await screenshot(page, `toolbar-more-${scheme}`);
      await quote.click();
      await expect.poll(() => editorText(page)).toContain('> Intro words here.');
      // The editor has the focus again: typing goes on in the article.
      await page.keyboard.type(' Typed.');
      await expect.poll(() => editorText(page)).toContain('> Intro words here. Typed.');

      // From the keyboard: Enter opens the menu on its first entry, arrows move, Escape closes
      // and gives the focus back to "More".
      const more = formattingBar.getByRole('button', { name: 'More', exact: true });
      await more.focus();
      await page.keyboard.press('Enter');
      await expect(page.evaluate(() => document.activeElement?.getAttribute('role'))).resolves.toBe(
        'menuitem',
      );
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Escape');
      await expect(menu.count()).resolves.toBe(0);
      await expect(page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).resolves.toBe(
        'More',
      );

      // The workspace bar's "More" holds the review panels as on/off entries.
      await workspaceBar.getByRole('button', { name: 'More', exact: true }).click();
      const workspaceMenu = page.getByRole('menu', { name: 'More in Workspace' });
      const history = workspaceMenu.getByRole('menuitemcheckbox', { name: /History/ });
      await expect(history.getAttribute('aria-checked')).resolves.toBe('false');
      await history.click();
      await page.getByRole('complementary', { name: 'History' }).waitFor();
      await workspaceBar.getByRole('button', { name: 'More', exact: true }).click();
      await expect(history.getAttribute('aria-checked')).resolves.toBe('true');
      await page.keyboard.press('Escape');

      // Wide again: everything is on the bars, and "More" is gone.
      await page.setViewportSize({ width: 1920, height: 720 });
      await formattingBar.getByRole('button', { name: 'Quote' }).waitFor();
      await expect(formattingBar.getByRole('button', { name: 'More', exact: true }).count()).resolves.toBe(0);
      await workspaceBar.getByRole('button', { name: 'History' }).waitFor();
      await app.close();
    });
  }
  it('shows the same buttons at a width whether the window grew or shrank to it', async () => {
    const app = await openDraft('light');
    const { page } = app;
    /** Per bar: how many buttons are hidden, and whether "…" shows, once the resize is measured. */
    const state = async (width: number): Promise<string> => {
      await page.setViewportSize({ width, height: 720 });
      await page.evaluate(
        () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
      );
      const read = () =>
        page.evaluate(() =>
          [...document.querySelectorAll('[role="toolbar"].folio-overflow-row')].map((bar) => ({
            label: bar.getAttribute('aria-label'),
            hidden: bar.querySelectorAll('[data-overflowed]').length,
            more: bar.querySelector('.folio-overflow-more') !== null,
          })),
        );
      // "…" comes with React's next render after the measuring: wait until they agree.
      await expect.poll(async () => (await read()).every((bar) => bar.hidden > 0 === bar.more)).toBe(true);
      return (await read())
        .map((bar) => `${bar.label}: ${bar.hidden} hidden${bar.more ? ', …' : ''}`)
        .join('; ');
    };
    const widths = Array.from({ length: 25 }, (_, i) => 1500 - i * 10);
    const shrinking = [];
    for (const width of widths) shrinking.push(await state(width));
    const growing = [];
    for (const width of [...widths].reverse()) growing.push(await state(width));
    expect(growing.reverse()).toEqual(shrinking);
    // The range crosses the point where the formatting bar starts to need "…".
    expect(shrinking[0]).toMatch(/Formatting: 0 hidden(?!, …)/);
    expect(shrinking.at(-1)).toMatch(/Formatting: [1-9]\d* hidden, …/);
    await app.close();
  });
  it('spells every shortcut in the bars and their menus the Mac way on a Mac', async () => {
    const app = await openDraft('light');
    const { page } = app;
    await page.addInitScript(() =>
      Object.defineProperty(Navigator.prototype, 'platform', { get: () => 'MacIntel' }),
    );
    await page.reload();
    await page.getByRole('link', { name: /Draft/ }).click();
    await page.getByLabel('Markdown source').waitFor();
    const titles = await page
      .locator('[role="toolbar"].folio-overflow-row button[title]')
      .evaluateAll((buttons) => buttons.map((button) => button.getAttribute('title')!));
    expect(titles).toContain('Bold (⌘B)');
    expect(titles).toContain('Snapshots of this article (⌘⌥H)');
    expect(titles).toContain('Side by side (⌘⌥2)');
    expect(titles.filter((title) => /Ctrl/.test(title))).toEqual([]);
    await page.setViewportSize({ width: 1024, height: 720 });
    const workspaceBar = page.getByRole('toolbar', { name: 'Workspace' });
    await workspaceBar.getByRole('button', { name: 'More', exact: true }).click();
    await expect(
      page
        .getByRole('menu', { name: 'More in Workspace' })
        .getByRole('menuitemcheckbox', { name: /History/ })
        .textContent(),
    ).resolves.toMatch(/History\s*⌘⌥H$/);
    await app.close();
  });
});
