import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { focusedName, launchChromium, openApp, screenshot } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function fillLibrary(library: string): Promise<void> {
  const put = async (name: string, text: string) => {
    await mkdir(path.dirname(path.join(library, name)), { recursive: true });
    await writeFile(path.join(library, name), text);
  };
  await put('about.md', '# About this library\n');
  await put('index.md', '---\ntitle: Home\n---\n\nWelcome.\n');
  await put('drafts/nightjar.md', '---\ntitle: Nightjars at dusk\nstatus: draft\n---\n\nChurring.\n');
  await put('drafts/notes/owl.md', '# Owls\n\nHoots.\n');
  await put('essays/wren.md', '# Wrens\n\nLoud.\n');
}

describe('the library tree from the keyboard', () => {
  it('follows the tree pattern: roving tabindex, arrows, Home/End, type-ahead, Enter, F2, menu key', async () => {
    const app = await openApp(browser, fillLibrary);
    const { page } = app;
    const tree = page.getByRole('tree', { name: 'Articles' });
    await tree.getByRole('treeitem', { name: /Home/ }).waitFor();

    // One row is in the tab order: Tab from the sort and filter controls lands on the first row.
    expect(await tree.locator('[role="treeitem"][tabindex="0"]').count()).toBe(1);
    await page.getByRole('combobox', { name: 'Filter by tag' }).focus();
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toMatch(/^drafts, 2 articles/);
    await screenshot(page, 'library-keyboard-focus');

    // Down enters the open folder; Right on an open folder goes to its first child.
    await page.keyboard.press('ArrowDown');
    expect(await focusedName(page)).toMatch(/^notes, 1 article/);
    await page.keyboard.press('ArrowRight');
    expect(await focusedName(page)).toContain('Owls');
    // Left goes to the parent, Left again closes it; Right opens it again.
    await page.keyboard.press('ArrowLeft');
    expect(await focusedName(page)).toMatch(/^notes/);
    await page.keyboard.press('ArrowLeft');
    await expect(tree.getByRole('treeitem', { name: /^notes/ }).getAttribute('aria-expanded')).resolves.toBe(
      'false',
    );
    await expect(tree.getByRole('treeitem', { name: /Owls/ }).count()).resolves.toBe(0);
    await page.keyboard.press('ArrowRight');
    await tree.getByRole('treeitem', { name: /Owls/ }).waitFor();

    // End and Home; the last row is the root's last article.
    await page.keyboard.press('End');
    expect(await focusedName(page)).toContain('Home');
    await page.keyboard.press('Home');
    expect(await focusedName(page)).toMatch(/^drafts/);

    // Type-ahead by first letters: "wr" finds Wrens inside the essays folder.
    await page.keyboard.type('wr');
    expect(await focusedName(page)).toContain('Wrens');
    await screenshot(page, 'library-keyboard-typeahead');

    // Enter opens the article; the row is selected and becomes the tab stop.
    await page.keyboard.press('Enter');
    await page.getByLabel('Markdown source').waitFor();
    await expect(tree.getByRole('treeitem', { name: /Wrens/ }).getAttribute('aria-selected')).resolves.toBe(
      'true',
    );
    await expect(tree.getByRole('treeitem', { name: /Wrens/ }).getAttribute('tabindex')).resolves.toBe('0');

    // Shift+F10 opens the row's menu; Escape gives the focus back to the row.
    await tree.getByRole('treeitem', { name: /Wrens/ }).focus();
    await page.keyboard.press('Shift+F10');
    await page.getByRole('menu', { name: /Actions for Wrens/ }).waitFor();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('menu').count()).resolves.toBe(0);
    expect(await focusedName(page)).toContain('Wrens');

    // The menu key on a folder offers the folder's actions.
    await tree.getByRole('treeitem', { name: /^essays/ }).focus();
    await page.keyboard.press('ContextMenu');
    await page.getByRole('menuitem', { name: 'New article here…' }).waitFor();
    await page.keyboard.press('Escape');

    // F2 renames the focused article.
    await tree.getByRole('treeitem', { name: /About this library/ }).focus();
    await page.keyboard.press('F2');
    await page.getByRole('dialog', { name: /Rename/ }).waitFor();
    await page.keyboard.press('Escape');

    // Delete moves it to the trash.
    await tree.getByRole('treeitem', { name: /About this library/ }).focus();
    await page.keyboard.press('Delete');
    await page.getByText(/Moved “About this library” to the trash/).waitFor();
    await app.close();
  });

  it('shows the focused row clearly in dark mode too', async () => {
    const app = await openApp(browser, fillLibrary, { colorScheme: 'dark' });
    const tree = app.page.getByRole('tree', { name: 'Articles' });
    await tree.getByRole('treeitem', { name: /Home/ }).waitFor();
    await app.page.getByRole('combobox', { name: 'Filter by tag' }).focus();
    await app.page.keyboard.press('Tab');
    await app.page.keyboard.press('End');
    const outline = await app.page.evaluate(() => {
      const row = document.activeElement?.querySelector('.folio-library-item');
      return row ? getComputedStyle(row).outlineStyle : 'none';
    });
    expect(outline).toBe('solid');
    await screenshot(app.page, 'library-keyboard-focus-dark');
    await app.close();
  });
});

describe('a file over 20 MB', () => {
  it('asks before opening and opens it read-only with “Open anyway”', async () => {
    const app = await openApp(browser, async (library) => {
      await writeFile(path.join(library, 'small.md'), '# Small\n');
      await writeFile(
        path.join(library, 'huge.md'),
        `# Huge\n\n${'Twenty-two bytes line\n'.repeat(1024 * 1024)}`,
      );
    });
    const { page } = app;
    const tree = page.getByRole('tree', { name: 'Articles' });
    await tree.getByRole('link', { name: /huge/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Open a very large file?' });
    await dialog.getByText(/22\.0 MB, larger than the 20 MB Folio edits/).waitFor();
    await screenshot(page, 'library-large-file');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('dialog').count()).resolves.toBe(0);

    await tree.getByRole('link', { name: /huge/ }).click();
    await dialog.getByRole('button', { name: 'Open anyway (read-only)' }).click();
    await page.getByText(/open read-only/).waitFor({ timeout: 30_000 });
    await page.getByLabel('Markdown source').waitFor();
    await expect(page.getByLabel('Markdown source').getAttribute('aria-readonly')).resolves.toBe('true');
    await page.getByText('Read-only', { exact: true }).waitFor();
    await screenshot(page, 'library-large-file-open');
    await app.close();
  });
});

describe('opening another library in browser mode', () => {
  it('asks for a folder, refuses a bad one clearly, reloads on a good one and lists recent ones', async () => {
    const app = await openApp(browser, async (library) => {
      await writeFile(path.join(library, 'one.md'), '# First library article\n');
    });
    const { page } = app;
    const second = path.join(path.dirname(app.library), 'second library');
    await mkdir(second);
    await writeFile(path.join(second, 'two.md'), '# Second library article\n');
    const pane = page.getByRole('navigation', { name: 'Library' });
    await pane.getByRole('treeitem', { name: /First library article/ }).waitFor();

    await pane.getByRole('button', { name: 'Open library…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Open library' });
    await dialog.getByLabel('Folder path').fill(path.join(second, 'missing'));
    await dialog.getByRole('button', { name: 'Open library' }).click();
    await dialog
      .getByRole('alert')
      .getByText(/There is no folder at/)
      .waitFor();
    await dialog.getByLabel('Folder path').fill(path.join(second, 'two.md'));
    await dialog.getByLabel('Folder path').press('Enter');
    await dialog
      .getByRole('alert')
      .getByText(/is a file, not a folder/)
      .waitFor();
    await screenshot(page, 'library-open-refused');

    // A second window on the same server, to see that it is told to follow.
    const other = await page.context().newPage();
    await other.goto(`${app.url}/#token=${app.token}`);
    const otherPane = other.getByRole('navigation', { name: 'Library' });
    await otherPane.getByRole('treeitem', { name: /First library article/ }).waitFor();

    await dialog.getByLabel('Folder path').fill(second);
    await dialog.getByRole('button', { name: 'Open library' }).click();
    await pane.getByRole('treeitem', { name: /Second library article/ }).waitFor();
    await expect(pane.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('second library');
    await expect(pane.getByRole('treeitem', { name: /First library article/ }).count()).resolves.toBe(0);
    await otherPane.getByText(/Folio switched to the library “second library” in another window/).waitFor();
    await otherPane.getByRole('button', { name: 'Reload' }).click();
    await otherPane.getByRole('treeitem', { name: /Second library article/ }).waitFor();
    await other.close();

    // The article opens and saves in the new library (the API follows the switch).
    await pane.getByRole('link', { name: /Second library article/ }).click();
    await page.getByLabel('Markdown source').waitFor();

    // Ctrl+O lists the first library among the recent ones; picking it switches back.
    await page.keyboard.press('Control+o');
    const recent = page
      .getByRole('dialog', { name: 'Open library' })
      .getByRole('region', { name: 'Recent libraries' });
    await recent
      .getByRole('button', { name: /library/ })
      .first()
      .waitFor();
    await screenshot(page, 'library-open-recent');
    await recent
      .getByRole('button', { name: new RegExp(app.library.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })
      .click();
    await pane.getByRole('treeitem', { name: /First library article/ }).waitFor();
    await app.close();
  });

  it('looks right in dark mode', async () => {
    const app = await openApp(
      browser,
      async (library) => {
        await writeFile(path.join(library, 'one.md'), '# One\n');
      },
      { colorScheme: 'dark' },
    );
    // From the command palette this time.
    await app.page.keyboard.press('ControlOrMeta+Shift+p');
    const palette = app.page.getByRole('dialog', { name: 'Command palette' });
    await expect(palette.getByRole('option', { name: /Open library/ }).textContent()).resolves.toContain(
      'Ctrl+O',
    );
    await app.page.keyboard.type('open library');
    await app.page.keyboard.press('Enter');
    await app.page
      .getByRole('dialog', { name: 'Open library' })
      .getByLabel('Folder path')
      .fill('relative/path');
    await app.page.getByRole('dialog', { name: 'Open library' }).getByLabel('Folder path').press('Enter');
    await app.page
      .getByRole('alert')
      .getByText(/is not a full path/)
      .waitFor();
    await screenshot(app.page, 'library-open-dark');
    await app.close();
  });
});
