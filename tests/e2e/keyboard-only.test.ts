import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editorHasFocus, focusedLabel, heardTexts, listenToLiveRegion, tabTo } from './keyboard-helpers';
import { editorText, launchChromium, openApp, screenshot } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function fillLibrary(library: string): Promise<void> {
  await writeFile(path.join(library, 'about.md'), '---\ntitle: About\n---\n\nA small library.\n');
  await mkdir(path.join(library, 'birds'));
  await writeFile(
    path.join(library, 'birds/wren.md'),
    '---\ntitle: Wrens\nstatus: draft\n---\n\nA loud song for a small bird.\n',
  );
  await writeFile(
    path.join(library, 'birds/reviewed.md'),
    '# Reviewed\n\nThe {~~quick~>swift~~} fox {++really ++}jumps.\n',
  );
}

/** Tabs from the page's start into the library tree, then walks it to the row named `title`. */
async function openFromTree(page: Page, title: RegExp): Promise<void> {
  await tabTo(page, /^birds, \d+ articles?/);
  for (let i = 0; i < 10 && !title.test(await focusedLabel(page)); i++)
    await page.keyboard.press('ArrowDown');
  expect(await focusedLabel(page)).toMatch(title);
  await page.keyboard.press('Enter');
}

/** The label of each tab stop of the page, in order, until the focus comes back to the first. */
async function tabCycle(page: Page, visit: (label: string) => Promise<void>): Promise<string[]> {
  const labels: string[] = [];
  let first: string | null = null;
  for (let i = 0; i < 90; i++) {
    // In the editor, Tab indents; Escape then Tab leaves it (CodeMirror's tab-focus escape).
    if (await editorHasFocus(page)) await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => {
      const element = document.activeElement;
      if (!element || element === document.body) return null;
      const marked = element as HTMLElement & { folioStop?: string };
      marked.folioStop ??= `stop-${Math.random()}`;
      return marked.folioStop;
    });
    if (id === null) continue; // the browser's own UI between the page's last and first stop
    if (id === first) return labels;
    first ??= id;
    const label = await focusedLabel(page);
    labels.push(label);
    await visit(label);
  }
  throw new Error(`The focus never came back to the first stop: ${labels.join(' | ')}`);
}

/** Whether the focused element looks different, around its box, from when it has no focus. */
async function focusIsVisible(page: Page): Promise<boolean> {
  const viewport = page.viewportSize()!;
  const box = await page.evaluate(() => {
    const rect = (document.activeElement as HTMLElement).getBoundingClientRect();
    return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
  });
  const x = Math.max(0, Math.floor(box.x - 6));
  const y = Math.max(0, Math.floor(box.y - 6));
  const clip = {
    x,
    y,
    width: Math.min(viewport.width, Math.ceil(box.x + box.width + 6)) - x,
    height: Math.min(viewport.height, Math.ceil(box.y + box.height + 6)) - y,
  };
  if (clip.width <= 0 || clip.height <= 0) return false;
  const focused = await page.screenshot({ clip, animations: 'disabled' });
  // Focus parked on an element out of sight (blur() cannot take the focus out of a frame).
  await page.evaluate(() => {
    const state = window as unknown as { folioLast: HTMLElement; folioPark: HTMLElement };
    // The element itself, inside the preview frame when the focus is there.
    let active = document.activeElement as HTMLElement;
    while (active instanceof HTMLIFrameElement && active.contentDocument?.activeElement) {
      active = active.contentDocument.activeElement as HTMLElement;
    }
    state.folioLast = active;
    state.folioPark = Object.assign(document.createElement('span'), { tabIndex: -1 });
    state.folioPark.style.cssText = 'position:fixed;left:-100px;top:0';
    document.body.append(state.folioPark);
    state.folioPark.focus();
  });
  const plain = await page.screenshot({ clip, animations: 'disabled' });
  // Back to where it was, as the keyboard left it (the next Tab goes on from there).
  await page.evaluate(() => {
    const state = window as unknown as { folioLast: HTMLElement; folioPark: HTMLElement };
    state.folioLast.focus();
    state.folioPark.remove();
  });
  return !focused.equals(plain);
}

describe('Folio with the keyboard only, from page load', () => {
  it('opens an article from the library tree and writes in it', async () => {
    const app = await openApp(browser, fillLibrary);
    const { page } = app;
    try {
      await listenToLiveRegion(page);
      await openFromTree(page, /Wrens/);
      await page.getByLabel('Markdown source').getByText('A loud song').waitFor();
      // Enter on a row puts the cursor in the article's text.
      expect(await editorHasFocus(page)).toBe(true);
      await page.keyboard.press('Control+End');
      await page.keyboard.type('Typed without a mouse.');
      await page.keyboard.press('Control+s');
      await expect
        .poll(() => readFile(path.join(app.library, 'birds/wren.md'), 'utf8'))
        .toBe(
          '---\ntitle: Wrens\nstatus: draft\n---\n\nA loud song for a small bird.\nTyped without a mouse.',
        );
      await expect.poll(() => heardTexts(page)).toEqual(['Saved']);
      await screenshot(page, 'keyboard-open-from-tree');
    } finally {
      await app.close();
    }
  });

  it('edits a frontmatter field', async () => {
    const app = await openApp(browser, fillLibrary);
    const { page } = app;
    try {
      await openFromTree(page, /Wrens/);
      await page.getByLabel('Markdown source').getByText('A loud song').waitFor();
      await page.keyboard.press('Escape');
      await tabTo(page, /^Title$/, { backwards: true });
      await page.keyboard.press('Control+a');
      await page.keyboard.type('Wrens in winter');
      await expect.poll(() => editorText(page)).toContain('title: Wrens in winter\nstatus: draft');
      await page.keyboard.press('Control+s');
      await expect
        .poll(() => readFile(path.join(app.library, 'birds/wren.md'), 'utf8'))
        .toBe('---\ntitle: Wrens in winter\nstatus: draft\n---\n\nA loud song for a small bird.\n');
      await screenshot(page, 'keyboard-frontmatter-field');
    } finally {
      await app.close();
    }
  });

  it('accepts a review suggestion', async () => {
    const app = await openApp(browser, fillLibrary);
    const { page } = app;
    try {
      await openFromTree(page, /Reviewed/);
      await page.getByLabel('Markdown source').getByText('jumps').waitFor();
      await page.keyboard.press('Control+Alt+r');
      await page.getByRole('complementary', { name: 'Suggestions' }).waitFor();
      await page.keyboard.press('Escape');
      await tabTo(page, /^Accept: /);
      await page.keyboard.press('Enter');
      await expect.poll(() => editorText(page)).toBe('# Reviewed\n\nThe swift fox {++really ++}jumps.\n');
      await screenshot(page, 'keyboard-accept-suggestion');
    } finally {
      await app.close();
    }
  });

  it('exports the article and comes back to the editor', async () => {
    const app = await openApp(browser, fillLibrary);
    const { page } = app;
    try {
      await listenToLiveRegion(page);
      await openFromTree(page, /About/);
      await page.getByLabel('Markdown source').getByText('A small library.').waitFor();
      await page.keyboard.press('Control+Shift+E');
      const dialog = page.getByRole('dialog', { name: 'Export to HTML' });
      await dialog.getByText('No problems found.').waitFor();
      // The button is disabled (not a tab stop) until the export folder has been checked.
      await expect
        .poll(() => dialog.getByRole('button', { name: 'Export', exact: true }).isEnabled())
        .toBe(true);
      await tabTo(page, /^Export$/);
      await page.keyboard.press('Enter');
      await dialog.getByText(/^Exported 1 page to/).waitFor();
      await expect.poll(() => heardTexts(page)).toEqual(['Export done: 1 page exported.']);
      expect(await readdir(`${app.library}-export`)).toContain('about.html');
      await screenshot(page, 'keyboard-export');
      await page.keyboard.press('Escape');
      await expect.poll(() => dialog.count()).toBe(0);
      expect(await editorHasFocus(page)).toBe(true);
      // The export was said from inside the modal dialog (the page behind it is inert); the next
      // announcement comes from the page again.
      await page.keyboard.press('Control+s');
      await expect
        .poll(() => heardTexts(page))
        .toEqual(['Export done: 1 page exported.', 'No changes to save']);
    } finally {
      await app.close();
    }
  });

  it('shows a focus ring on every tab stop of the main screen', async () => {
    const app = await openApp(browser, fillLibrary);
    const { page } = app;
    try {
      await openFromTree(page, /Wrens/);
      await page.getByLabel('Markdown source').getByText('A loud song').waitFor();
      const unseen: string[] = [];
      const stops = await tabCycle(page, async (label) => {
        if (!(await focusIsVisible(page))) unseen.push(label);
      });
      expect(stops.length).toBeGreaterThan(15);
      expect(unseen).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
