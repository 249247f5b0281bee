import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paragraphLinesNear } from '../helpers/real-documents';
import { launchChromium, screenshot } from './harness';
import { book, openBook } from './real-book';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** What the preview session records on its frame element for each patch it shows. */
interface PatchCounts {
  readonly patches: number;
  readonly wholeRenders: number;
  readonly blocks: number;
}

function patchCounts(frame: Locator): Promise<PatchCounts> {
  return frame.evaluate((element: HTMLIFrameElement) => ({
    patches: Number(element.dataset.previewPatches ?? 0),
    wholeRenders: Number(element.dataset.previewWholeRenders ?? 0),
    blocks: Number(element.dataset.previewBlocks ?? 0),
  }));
}

/**
 * Counts, from the page, the block elements the preview frame takes in or lets go of (children
 * of the article or of its chunks), so that a test sees in the DOM what one patch touched.
 */
const watchBlocksSource = `(() => {
  const doc = document.querySelector('iframe[title="Preview"]').contentDocument;
  const article = doc.getElementById('folio-preview');
  const isBlockParent = (node) => node === article || node.parentNode === article;
  window.folioBlocksTouched = 0;
  new MutationObserver((records) => {
    for (const record of records) {
      if (!isBlockParent(record.target)) continue;
      for (const node of [...record.addedNodes, ...record.removedNodes]) {
        if (node.nodeType === 1 && !node.classList.contains('folio-chunk')) window.folioBlocksTouched++;
      }
    }
  }).observe(article, { childList: true, subtree: true });
})()`;

/** Moves the editor's cursor into line `line` with CodeMirror's go-to-line panel. */
async function goToLine(page: Page, line: number): Promise<void> {
  await page.getByLabel('Markdown source').focus();
  await page.keyboard.press('ControlOrMeta+Alt+g');
  await page.keyboard.type(String(line));
  await page.keyboard.press('Enter');
  await page.keyboard.press('End');
}

describe('the preview of a long real document', () => {
  it('patches a few blocks, never the whole book, for each keystroke at its start, middle and end', async () => {
    expect(book.split(/\s+/).length).toBeGreaterThan(150_000);
    const lines = paragraphLinesNear(book, [0.01, 0.5, 0.99]);
    const { app, frame } = await openBook(browser);
    const { page } = app;
    const opened = await patchCounts(frame);
    expect(opened.wholeRenders).toBe(1);
    expect(opened.blocks).toBeGreaterThan(1000);
    await page.evaluate(watchBlocksSource);

    for (const [index, line] of lines.entries()) {
      await goToLine(page, line);
      const word = `folio${'abc'[index]}`;
      for (const key of word) {
        const before = await patchCounts(frame);
        const touched = (await page.evaluate('window.folioBlocksTouched')) as number;
        await page.keyboard.type(key);
        await expect
          .poll(async () => (await patchCounts(frame)).patches, { timeout: 60_000 })
          .toBe(before.patches + 1);
        const after = await patchCounts(frame);
        expect(after.wholeRenders, `whole render for "${key}" on line ${line}`).toBe(before.wholeRenders);
        expect(after.blocks).toBeLessThanOrEqual(3);
        // The old block out, the new one in: a few elements, not the book's thousands.
        const touchedNow = ((await page.evaluate('window.folioBlocksTouched')) as number) - touched;
        expect(touchedNow).toBeGreaterThan(0);
        expect(touchedNow).toBeLessThanOrEqual(6);
      }
      const shown = await frame.evaluate(
        (element: HTMLIFrameElement) =>
          element.contentDocument!.getElementById('folio-preview')!.textContent!,
      );
      expect(shown).toContain(word);
    }

    await screenshot(page, 'preview-long-document-light');
    const background = (): Promise<string> =>
      frame.evaluate(
        (element: HTMLIFrameElement) =>
          getComputedStyle(element.contentDocument!.documentElement).backgroundColor,
      );
    const light = await background();
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(background, { timeout: 10_000 }).not.toBe(light);
    await screenshot(page, 'preview-long-document-dark');
    await app.close();
  }, 300_000);

  it('keeps the blocks before a fence opened near the end of the book, and the keys typed meanwhile', async () => {
    const [line] = paragraphLinesNear(book, [0.99]);
    const { app, frame } = await openBook(browser);
    const { page } = app;
    // Hold on to the block elements that end before the line, to see afterwards whether the
    // very same elements are still shown (a rebuild would replace them with copies).
    const before = (await page.evaluate(`(() => {
      const doc = document.querySelector('iframe[title="Preview"]').contentDocument;
      window.folioBlocksBefore = [...doc.querySelectorAll('#folio-preview [data-line-end]')].filter(
        (block) => Number(block.getAttribute('data-line-end')) < ${line! - 1},
      );
      return window.folioBlocksBefore.length;
    })()`)) as number;
    expect(before).toBeGreaterThan(1000);
    await goToLine(page, line!);
    // An open fence: everything after it becomes one code block, rendered in the worker while
    // the keys typed meanwhile go into the fence.
    await page.keyboard.insertText('\n\n```\n');
    const typed = 'folio swallowed';
    await page.keyboard.type(typed);
    await expect
      .poll(
        () =>
          frame.evaluate((element: HTMLIFrameElement) =>
            [...element.contentDocument!.querySelectorAll('#folio-preview pre')].some((pre) =>
              pre.textContent!.startsWith('folio swallowed'),
            ),
          ),
        { timeout: 120_000 },
      )
      .toBe(true);
    // The blocks before the fence are the same elements, still shown: only what follows the
    // fence was rendered again (the book has fences further on, so the fence opened here may
    // close at the next one rather than run to the end: either way the blocks before it stay).
    const replaced = (await page.evaluate(
      'window.folioBlocksBefore.filter((block) => !block.isConnected).length',
    )) as number;
    expect(replaced).toBe(0);
    await app.close();
  }, 300_000);
});
