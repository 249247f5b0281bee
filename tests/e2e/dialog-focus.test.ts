import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editorHasFocus, focusedLabel, tabTo } from './keyboard-helpers';
import { launchChromium, openApp } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const git = promisify(execFile);

async function fillLibrary(library: string): Promise<void> {
  await writeFile(path.join(library, 'about.md'), '---\ntitle: About\n---\n\nA small library.\n');
  await mkdir(path.join(library, 'birds'));
  await writeFile(path.join(library, 'birds/wren.md'), '# Wrens\n\nA loud song for a small bird.\n');
}

/** Opens "About" from the library tree with the keyboard; the cursor lands in its text. */
async function openAbout(page: Page): Promise<void> {
  await tabTo(page, /^birds, \d+ articles?/);
  await page.keyboard.press('End');
  expect(await focusedLabel(page)).toMatch(/About/);
  await page.keyboard.press('Enter');
  await page.getByLabel('Markdown source').getByText('A small library.').waitFor();
  expect(await editorHasFocus(page)).toBe(true);
}

/** A marker on the focused element, to find out later whether the focus came back to it. */
async function markFocus(page: Page): Promise<void> {
  await page.evaluate(() => document.activeElement?.setAttribute('data-focus-was-here', ''));
}

function focusIsOnMark(page: Page): Promise<boolean> {
  return page.evaluate(() => document.activeElement?.hasAttribute('data-focus-was-here') ?? false);
}

/** Closes what `name` names (a dialog or a covering view) with Escape and waits until it is gone. */
async function escapeFrom(page: Page, dialog: ReturnType<Page['getByRole']>): Promise<void> {
  await dialog.waitFor();
  // The keyboard is inside the dialog, not left behind it.
  await expect.poll(() => dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);
  await page.keyboard.press('Escape');
  await expect.poll(() => dialog.count()).toBe(0);
}

describe('the focus after a dialog closes', () => {
  it('goes back to the editor after the palette, quick open, settings and export', async () => {
    const app = await openApp(browser, fillLibrary);
    const { page } = app;
    try {
      await openAbout(page);
      await page.keyboard.press('Control+End');
      const shortcuts: [string, RegExp][] = [
        ['Control+Shift+P', /^Command palette$/],
        ['Control+p', /^Open article$/],
        ['Control+,', /^Settings$/],
        ['Control+Shift+E', /^Export to HTML$/],
      ];
      for (const [keys, name] of shortcuts) {
        await page.keyboard.press(keys);
        await escapeFrom(page, page.getByRole('dialog', { name }));
        expect(await editorHasFocus(page), `after ${String(name)}`).toBe(true);
      }
      // The cursor is where it was: typing goes on at the end.
      await page.keyboard.type(' Still here.');
      await page.getByLabel('Markdown source').getByText('A small library. Still here.').waitFor();
    } finally {
      await app.close();
    }
  });

  it('goes back to the button that opened a dialog: export, clone, rename and a confirmation', async () => {
    const app = await openApp(browser, fillLibrary);
    const { page } = app;
    try {
      await openAbout(page);
      await page.keyboard.press('Escape');
      await tabTo(page, /^Export to HTML/);
      await markFocus(page);
      await page.keyboard.press('Enter');
      await escapeFrom(page, page.getByRole('dialog', { name: 'Export to HTML' }));
      expect(await focusIsOnMark(page)).toBe(true);

      await tabTo(page, /^Clone library…$/);
      await markFocus(page);
      await page.keyboard.press('Enter');
      await escapeFrom(page, page.getByRole('dialog', { name: 'Clone library' }));
      expect(await focusIsOnMark(page)).toBe(true);

      // F2 on a tree row: the rename dialog; then Delete on the open article with unsaved text
      // asks first.
      await page.getByLabel('Autosave').evaluate((box: HTMLInputElement) => box.checked && box.click());
      await tabTo(page, /About/);
      await page.keyboard.press('Enter');
      await page.keyboard.type('Unsaved. ');
      await page.keyboard.press('Escape');
      await tabTo(page, /About/, { backwards: true });
      await markFocus(page);
      await page.keyboard.press('F2');
      await escapeFrom(page, page.getByRole('dialog', { name: /Rename/ }));
      expect(await focusIsOnMark(page)).toBe(true);
      await page.keyboard.press('Delete');
      await escapeFrom(page, page.getByRole('dialog', { name: /Delete/ }));
      expect(await focusIsOnMark(page)).toBe(true);
    } finally {
      await app.close();
    }
  });

  it('goes back from the comparison to the history, from the history to the editor', async () => {
    const app = await openApp(browser, fillLibrary);
    const { page } = app;
    try {
      await openAbout(page);
      await page.keyboard.press('Control+End');
      await page.keyboard.type(' More.');
      await page.keyboard.press('Control+s');
      await page.keyboard.press('Control+Alt+h');
      const history = page.getByRole('complementary', { name: 'History' });
      await history.getByRole('button', { name: 'Compare with current' }).first().waitFor();
      await page.keyboard.press('Escape');
      await tabTo(page, /^Compare with current$/);
      await markFocus(page);
      await page.keyboard.press('Enter');
      await escapeFrom(page, page.getByRole('region', { name: 'Compare versions' }));
      expect(await focusIsOnMark(page)).toBe(true);

      await tabTo(page, /^Close history$/, { backwards: true });
      await page.keyboard.press('Enter');
      await expect.poll(() => history.count()).toBe(0);
      expect(await editorHasFocus(page)).toBe(true);
    } finally {
      await app.close();
    }
  });

  it('goes back to the conflict banner after the merge dialog', async () => {
    const app = await openApp(browser, fillLibrary);
    const { page } = app;
    try {
      await page.getByLabel('Autosave').evaluate((box: HTMLInputElement) => box.checked && box.click());
      await openAbout(page);
      await page.keyboard.press('Control+End');
      await page.keyboard.type(' Mine.');
      await writeFile(
        path.join(app.library, 'about.md'),
        '---\ntitle: About\n---\n\nA small library. Theirs.\n',
      );
      const banner = page.getByRole('region', { name: 'File changed on disk' });
      await banner.waitFor();
      await page.keyboard.press('Escape');
      await tabTo(page, /^Compare and merge…$/, { backwards: true });
      await markFocus(page);
      await page.keyboard.press('Enter');
      await escapeFrom(page, page.getByRole('dialog', { name: /^Merge changes/ }));
      expect(await focusIsOnMark(page)).toBe(true);
    } finally {
      await app.close();
    }
  });

  it('goes into the restored text after the recovery dialog at start', async () => {
    const app = await openApp(browser, fillLibrary);
    const { page } = app;
    try {
      await page.getByLabel('Autosave').evaluate((box: HTMLInputElement) => box.checked && box.click());
      await openAbout(page);
      await page.keyboard.press('Control+End');
      await page.keyboard.type(' Unsaved when the tab closed.');
      const journal = path.join(path.dirname(app.library), 'data', 'journal');
      await expect
        .poll(async () => (await readdir(journal).catch(() => [])).length, { timeout: 10_000 })
        .toBe(1);
      await page.reload();
      const dialog = page.getByRole('dialog', { name: 'Recover unsaved changes' });
      await dialog.waitFor();
      await tabTo(page, /^Restore$/);
      await page.keyboard.press('Enter');
      await expect.poll(() => dialog.count()).toBe(0);
      await page.getByLabel('Markdown source').getByText('Unsaved when the tab closed.').waitFor();
      await expect.poll(() => editorHasFocus(page)).toBe(true);
    } finally {
      await app.close();
    }
  });

  it('goes back to the Sync button after the sync dialog', async () => {
    const app = await openApp(browser, async (library) => {
      await fillLibrary(library);
      await git('git', ['init', '-q', '-b', 'main'], { cwd: library });
      await git('git', ['-c', 'user.name=A', '-c', 'user.email=a@example.org', 'add', '.'], { cwd: library });
      await git('git', ['-c', 'user.name=A', '-c', 'user.email=a@example.org', 'commit', '-qm', 'Start'], {
        cwd: library,
      });
      await writeFile(path.join(library, 'about.md'), '---\ntitle: About\n---\n\nChanged, to commit.\n');
    });
    const { page } = app;
    try {
      await tabTo(page, /^Sync, /);
      await markFocus(page);
      await page.keyboard.press('Enter');
      // The dialog first says it is saving and checking; Escape closes it once it asks for the message.
      await page.getByRole('textbox', { name: 'Commit message' }).waitFor();
      await escapeFrom(page, page.getByRole('dialog'));
      expect(await focusIsOnMark(page)).toBe(true);
    } finally {
      await app.close();
    }
  });
});
