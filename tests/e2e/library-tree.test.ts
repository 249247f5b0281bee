import { mkdir, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { focusedName, launchChromium, openApp, screenshot } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const total = 3000;
const statuses = ['draft', 'review', 'published'] as const;
const title = (i: number) => `Article ${String(i).padStart(4, '0')}`;

/**
 * 3,000 articles: 2,000 spread over 20 topic folders, 500 one level deeper in `deep/`, 500 at the
 * root. Article i is modified i minutes after the first, so "last updated" reverses the title
 * order.
 */
async function bigLibrary(library: string): Promise<void> {
  const base = Date.parse('2026-01-01T00:00:00Z') / 1000;
  for (let t = 0; t < 20; t++) {
    await mkdir(path.join(library, `topic-${String(t).padStart(2, '0')}`, 'deep'), { recursive: true });
  }
  for (let i = 0; i < total; i++) {
    const topic = `topic-${String(i % 20).padStart(2, '0')}`;
    const folder = i < 2000 ? topic : i < 2500 ? `${topic}/deep` : '';
    const file = path.join(library, folder, `article-${i}.md`);
    await writeFile(
      file,
      `---\ntitle: ${title(i)}\nstatus: ${statuses[i % 3]}\ntags: [t${i % 7}]\n---\n\nBody of article ${i}.\n`,
    );
    await utimes(file, base + i * 60, base + i * 60);
  }
}

/** How many tree rows are in the DOM, and the titles of the article rows in display order. */
function renderedRows(page: Page): Promise<{ count: number; articles: string[] }> {
  return page.evaluate(() => {
    const rows = [...document.querySelectorAll<HTMLElement>('[role="tree"] [role="treeitem"]')].sort(
      (a, b) => Number(a.dataset.index) - Number(b.dataset.index),
    );
    return {
      count: rows.length,
      articles: rows
        .filter((row) => row.getAttribute('aria-expanded') === null)
        .map((row) => row.querySelector('.folio-library-title')?.textContent ?? ''),
    };
  });
}

/** True when `row` lies inside the tree's scrolled viewport. */
function rowInView(row: Locator): Promise<boolean> {
  return row.evaluate((element) => {
    const r = element.getBoundingClientRect();
    const s = element.closest('.folio-tree-scroll')!.getBoundingClientRect();
    return r.top >= s.top - 1 && r.bottom <= s.bottom + 1;
  });
}

/** True when the focused row lies inside the tree's scrolled viewport. */
function focusedRowInView(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const row = document.activeElement?.closest('[role="treeitem"]');
    const scroller = row?.closest('.folio-tree-scroll');
    if (!row || !scroller) return false;
    const r = row.getBoundingClientRect();
    const s = scroller.getBoundingClientRect();
    return r.top >= s.top - 1 && r.bottom <= s.bottom + 1;
  });
}

describe('a library of 3,000 articles', () => {
  it('renders only a window of rows, reaches both ends from the keyboard and re-sorts what it shows', async () => {
    const app = await openApp(browser, bigLibrary);
    const { page } = app;
    const tree = page.getByRole('tree', { name: 'Articles' });
    await tree.getByRole('treeitem', { name: /^topic-00, 125 articles/ }).waitFor({ timeout: 60_000 });

    // Only a window of the 3,020 rows is in the DOM, with the flat tree's ARIA attributes.
    const first = await renderedRows(page);
    expect(first.count).toBeGreaterThan(5);
    expect(first.count).toBeLessThan(60);
    expect(first.articles[0]).toBe('Article 2000');
    const topic = tree.getByRole('treeitem', { name: /^topic-00,/ });
    await expect(topic.getAttribute('aria-level')).resolves.toBe('1');
    await expect(topic.getAttribute('aria-setsize')).resolves.toBe('520');
    await expect(topic.getAttribute('aria-posinset')).resolves.toBe('1');
    await expect(topic.getAttribute('aria-expanded')).resolves.toBe('true');
    const deep = tree.getByRole('treeitem', { name: /^deep, 25 articles/ }).first();
    await expect(deep.getAttribute('aria-level')).resolves.toBe('2');
    await expect(deep.getAttribute('aria-setsize')).resolves.toBe('101');
    await screenshot(page, 'library-tree-3000');

    // End scrolls the last article into view and focuses it; Home goes back to the first row.
    await page.getByRole('combobox', { name: 'Filter by tag' }).focus();
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toMatch(/^topic-00, 125 articles/);
    await page.keyboard.press('End');
    await expect.poll(() => focusedName(page)).toContain('Article 2999');
    await expect.poll(() => focusedRowInView(page)).toBe(true);
    // The virtualizer moves its window on the scroll event, which may come a frame after focus.
    await expect.poll(async () => (await renderedRows(page)).articles.includes('Article 2000')).toBe(false);
    expect((await renderedRows(page)).count).toBeLessThan(60);
    const last = tree.getByRole('treeitem', { name: /Article 2999/ });
    await expect(last.getAttribute('aria-posinset')).resolves.toBe('520');
    await expect(last.getAttribute('tabindex')).resolves.toBe('0');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => focusedName(page)).toContain('Article 2998');
    await page.keyboard.press('Home');
    await expect.poll(() => focusedName(page)).toMatch(/^topic-00/);
    await expect.poll(() => focusedRowInView(page)).toBe(true);
    expect(await page.locator('.folio-tree-scroll').evaluate((element) => element.scrollTop)).toBe(0);

    // PageDown moves a viewful of rows down, PageUp back.
    await page.keyboard.press('PageDown');
    await expect.poll(() => focusedName(page)).toMatch(/^Article 2\d\d0/);
    await expect.poll(() => focusedRowInView(page)).toBe(true);
    await page.keyboard.press('PageUp');
    await expect.poll(() => focusedName(page)).toMatch(/^topic-00/);

    // Type-ahead finds a folder far below the window and scrolls to it.
    await page.keyboard.type('topic-19');
    await expect.poll(() => focusedName(page)).toMatch(/^topic-19, 125 articles/);
    await expect.poll(() => focusedRowInView(page)).toBe(true);

    // The focused row stays in the DOM (the tab stop) when the wheel scrolls it away.
    await page.keyboard.press('Home');
    await page.locator('.folio-tree-scroll').evaluate((element) => element.scrollTo(0, 60_000));
    await expect.poll(async () => (await renderedRows(page)).articles.includes('Article 2000')).toBe(false);
    expect(await focusedName(page)).toMatch(/^topic-00/);
    await expect(tree.locator('[role="treeitem"][tabindex="0"]').count()).resolves.toBe(1);

    // Sorting by last update reorders the rows shown: the newest article in topic-00/deep comes first.
    await page.keyboard.press('Home');
    await page.getByRole('combobox', { name: 'Sort by' }).selectOption('updated');
    await expect.poll(async () => (await renderedRows(page)).articles[0]).toBe('Article 2480');
    expect((await renderedRows(page)).count).toBeLessThan(60);
    await tree.getByRole('treeitem', { name: /^topic-00,/ }).focus();
    await page.keyboard.press('End');
    await expect.poll(() => focusedName(page)).toContain('Article 2500');

    // A filter keeps the focused row (Article 2500 is in review) in view, the window small, and
    // updates the counts.
    await page.getByRole('combobox', { name: 'Filter by status' }).selectOption('review');
    const lastFocused = tree.getByRole('treeitem', { name: /Article 2500/ });
    await expect.poll(() => rowInView(lastFocused)).toBe(true);
    await lastFocused.focus();
    await page.keyboard.press('Home');
    await expect.poll(() => focusedName(page)).toMatch(/^topic-00, 41 articles/);
    expect((await renderedRows(page)).count).toBeLessThan(60);

    // Clearing it keeps topic-00, now the focused row, in view.
    await page.getByRole('combobox', { name: 'Filter by status' }).selectOption('');
    await tree.getByRole('treeitem', { name: /^topic-00, 125 articles/ }).focus();
    // Collapsing a folder takes its rows out; the next folder follows right after it.
    await page.keyboard.press('ArrowLeft');
    await expect(
      tree.getByRole('treeitem', { name: /^topic-00,/ }).getAttribute('aria-expanded'),
    ).resolves.toBe('false');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => focusedName(page)).toMatch(/^topic-01, 125 articles/);
    await app.close();
  });

  it('reveals an article opened from quick-open; its dirty dot, menu and drag and drop work there, in dark mode', async () => {
    const app = await openApp(browser, bigLibrary, { colorScheme: 'dark' });
    const { page } = app;
    const tree = page.getByRole('tree', { name: 'Articles' });
    await tree.getByRole('treeitem', { name: /^topic-00,/ }).waitFor({ timeout: 60_000 });
    await screenshot(page, 'library-tree-3000-dark');
    await page.keyboard.press('ControlOrMeta+p');
    await page.keyboard.type('Article 2750');
    await page.keyboard.press('Enter');
    await page.getByLabel('Markdown source').waitFor();
    const row = tree.getByRole('treeitem', { name: /Article 2750/ });
    await expect(row.getAttribute('aria-selected')).resolves.toBe('true');
    await expect.poll(() => rowInView(row)).toBe(true);
    await screenshot(page, 'library-tree-3000-revealed-dark');

    // Re-sorting keeps the open article in view instead of the old scroll offset.
    const inView = () => rowInView(row);
    await page.getByRole('combobox', { name: 'Sort by' }).selectOption('status');
    await expect.poll(inView).toBe(true);
    await page.getByRole('combobox', { name: 'Sort by' }).selectOption('title');
    await expect.poll(inView).toBe(true);

    // Unsaved text shows the dirty dot on its row, also after the row was scrolled away and back.
    await page.getByLabel('Autosave').uncheck();
    await page.getByLabel('Markdown source').click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type(' More.');
    await row.getByLabel('unsaved changes').waitFor();
    const scroller = page.locator('.folio-tree-scroll');
    await scroller.evaluate((element) => element.scrollTo(0, 0));
    await scroller.evaluate((element) => element.scrollTo(0, element.scrollHeight));
    await row.getByLabel('unsaved changes').waitFor();

    // The row's context menu, from the mouse.
    await row.getByRole('link').click({ button: 'right' });
    await page.getByRole('menu', { name: 'Actions for Article 2750' }).waitFor();
    await page.keyboard.press('Escape');

    // Drag and drop onto a folder: with topic-00 closed, topic-01/deep's articles follow it.
    await scroller.evaluate((element) => element.scrollTo(0, 0));
    await tree
      .getByRole('treeitem', { name: /^topic-00,/ })
      .getByRole('button')
      .click();
    await tree
      .getByRole('treeitem', { name: /Article 2001/ })
      .getByRole('link')
      .dragTo(tree.getByRole('treeitem', { name: /^topic-00,/ }).getByRole('button'));
    const move = page.getByRole('dialog', { name: /Move “Article 2001”/ });
    await expect(move.getByLabel('Move to folder').inputValue()).resolves.toBe('topic-00');
    await page.keyboard.press('Escape');
    await app.close();
  });
});

describe('rows of different heights', () => {
  it('measures rows, so that wrapped titles and problem lines never overlap the next row', async () => {
    const app = await openApp(browser, async (library) => {
      await mkdir(path.join(library, 'notes'));
      for (let i = 0; i < 40; i++) {
        const long =
          i % 3 === 0 ? ' with a title long enough to wrap over two or three lines of the pane' : '';
        const frontmatter = i % 4 === 0 ? `title: Note ${i}\nstatus: gone\n` : `title: Note ${i}${long}\n`;
        await writeFile(path.join(library, 'notes', `note-${i}.md`), `---\n${frontmatter}---\n\nText.\n`);
      }
    });
    const { page } = app;
    await page
      .getByRole('tree', { name: 'Articles' })
      .getByRole('treeitem', { name: /^notes, 40/ })
      .waitFor();
    await page.locator('.folio-library-problem').first().waitFor();
    const gaps = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('[role="treeitem"]')]
        .map((row) => row.getBoundingClientRect())
        .sort((a, b) => a.top - b.top)
        .map((box, i, boxes) => (i === 0 ? 0 : box.top - boxes[i - 1]!.bottom)),
    );
    expect(gaps.length).toBeGreaterThan(5);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(-0.5);
    await screenshot(page, 'library-tree-measured-rows');
    await app.close();
  });
});
