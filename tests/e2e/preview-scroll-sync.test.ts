import type { EditorView } from '@codemirror/view';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realBook } from '../helpers/real-documents';
import { launchChromium, openApp, screenshot, type AppUnderTest } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const book = realBook();
const bookLines = book.split('\n');

/**
 * Source lines the editor may show at its top while the preview shows the same place: the lines
 * of the preview's top block, or of the gap between two blocks (definitions, comments), one line
 * of slack either side.
 */
interface PreviewTop {
  readonly low: number;
  readonly high: number;
  /** The block's tag (or `gap`) and its first words, for the failure message. */
  readonly what: string;
}

/** Opens the real book in a fresh app and waits until the preview shows all of it. */
async function openBook(): Promise<{ app: AppUnderTest; frame: Locator }> {
  const app = await openApp(browser, (library) => writeFile(path.join(library, 'book.md'), book));
  const frame = app.page.locator('iframe[title="Preview"]');
  await app.page.getByRole('link', { name: /A book of package READMEs/ }).click();
  await expect
    .poll(() => frame.evaluate((element: HTMLIFrameElement) => Number(element.dataset.previewPatches ?? 0)), {
      timeout: 120_000,
    })
    .toBe(1);
  return { app, frame };
}

/**
 * Scrolls the editor so that source line `line` is its top line, as a jump does (go to line, the
 * outline). The editor's view is reached through the link CodeMirror keeps on its content
 * element (what `EditorView.findFromDOM` reads).
 */
function scrollEditorTo(page: Page, line: number): Promise<void> {
  return page.evaluate((line) => {
    const content = document.querySelector('.cm-content') as unknown as {
      cmTile: { root: { view: EditorView } };
    };
    const view = content.cmTile.root.view;
    const scrollIntoView = (view.constructor as typeof EditorView).scrollIntoView;
    view.dispatch({ effects: scrollIntoView(view.state.doc.line(line).from, { y: 'start' }) });
  }, line);
}

/** The source line at the editor's top edge. */
function editorTopLine(page: Page): Promise<number> {
  return page.evaluate(() => {
    const content = document.querySelector('.cm-content') as unknown as {
      cmTile: { root: { view: EditorView } };
    };
    const view = content.cmTile.root.view;
    const box = view.scrollDOM.getBoundingClientRect();
    const position = view.posAtCoords({ x: box.left + 60, y: box.top + 2 }, false);
    return view.state.doc.lineAt(position).number;
  });
}

/** Waits until neither the editor nor the preview scrolls any more (sync and corrections done). */
function settle(page: Page): Promise<void> {
  return page.evaluate(async () => {
    const frame = document.querySelector<HTMLIFrameElement>('iframe[title="Preview"]')!;
    const scroller = document.querySelector<HTMLElement>('.cm-scroller')!;
    const twoFrames = (): Promise<unknown> =>
      new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    let last = '';
    for (let round = 0; round < 60; round++) {
      await twoFrames();
      const now = `${scroller.scrollTop} ${frame.contentWindow!.scrollY}`;
      if (now === last) return;
      last = now;
    }
  });
}

/**
 * What the preview shows at its top edge, read from what is painted there (the block under the
 * top edge), not from the scroll sync's own arithmetic.
 */
async function previewTop(frame: Locator): Promise<PreviewTop> {
  const found = await frame.evaluate((element: HTMLIFrameElement) => {
    const doc = element.contentDocument!;
    const win = doc.defaultView!;
    const blockAt = (y: number): HTMLElement | null => {
      let hit = doc.elementFromPoint(win.innerWidth / 2, y);
      while (hit && !hit.hasAttribute('data-line')) hit = hit.parentElement;
      return hit as HTMLElement | null;
    };
    const lines = (block: Element, name: string): number => Number(block.getAttribute(name));
    const top = blockAt(1);
    if (top) {
      return {
        line: lines(top, 'data-line'),
        lineEnd: lines(top, 'data-line-end'),
        what: `${top.localName} "${top.textContent!.trim().slice(0, 40)}"`,
      };
    }
    // Between blocks: the gap from the block before the next one shown to that one.
    let next: HTMLElement | null = null;
    for (let y = 2; y < win.innerHeight && !next; y += 4) next = blockAt(y);
    if (!next) return null;
    const before =
      next.previousElementSibling ?? next.parentElement!.previousElementSibling?.lastElementChild;
    return {
      line: before ? lines(before, 'data-line-end') : 1,
      lineEnd: lines(next, 'data-line'),
      what: `gap before ${next.localName} "${next.textContent!.trim().slice(0, 40)}"`,
    };
  });
  if (!found) throw new Error('Nothing with a source line is shown in the preview.');
  return { low: found.line - 1, high: found.lineEnd + 1, what: found.what };
}

/** Where the editor and the preview disagree, as a message (null: they agree). */
async function disagreement(page: Page, frame: Locator, label: string): Promise<string | null> {
  const editorLine = await editorTopLine(page);
  const preview = await previewTop(frame);
  if (editorLine >= preview.low && editorLine <= preview.high) return null;
  return `${label}: editor at line ${editorLine}, preview at ${preview.low}–${preview.high} (${preview.what})`;
}

/** Evenly spread source lines of the book's body, and the line where long jumps went wrong first. */
function places(count: number): number[] {
  const spread = Array.from({ length: count }, (_, index) =>
    Math.round(((index + 0.5) / count) * bookLines.length),
  );
  return [...spread, 18018];
}

describe('scroll sync on a long real document', () => {
  it('shows the editor’s top line at the preview’s top after jumps all over the book, and back', async () => {
    const { app, frame } = await openBook();
    const { page } = app;
    const wrong: string[] = [];

    // Editor → preview: jumps to places far apart, each to a part of the preview not shown yet.
    const editorBox = (await page.locator('.cm-scroller').boundingBox())!;
    await page.mouse.move(editorBox.x + editorBox.width / 2, editorBox.y + editorBox.height / 2);
    await page.mouse.wheel(0, 1);
    for (const line of places(24)) {
      await scrollEditorTo(page, line);
      await settle(page);
      const found = await disagreement(page, frame, `editor jumped to line ${line}`);
      if (found) {
        wrong.push(found);
        await screenshot(page, `preview-scroll-sync-editor-${line}`);
      }
    }

    // Preview → editor: the wheel over the preview, by long and short distances, both ways.
    const frameBox = (await frame.boundingBox())!;
    await page.mouse.move(frameBox.x + frameBox.width / 2, frameBox.y + frameBox.height / 2);
    const height = await frame.evaluate(
      (element: HTMLIFrameElement) => element.contentDocument!.documentElement.scrollHeight,
    );
    for (const [index, fraction] of [0.9, 0.15, 0.6, 0.35, 0.8, 0.05, 0.5].entries()) {
      const scrollY = await frame.evaluate((element: HTMLIFrameElement) => element.contentWindow!.scrollY);
      await page.mouse.wheel(0, Math.round(fraction * height - scrollY));
      await settle(page);
      const found = await disagreement(page, frame, `preview scrolled to ${fraction} of its height`);
      if (found) wrong.push(found);
      // Then a few notches of the wheel from there.
      for (let notch = 0; notch < 3; notch++) {
        await page.mouse.wheel(0, 240);
        await settle(page);
        const near = await disagreement(page, frame, `preview wheeled on from ${fraction}`);
        if (near) wrong.push(near);
      }
      if (index === 0) await screenshot(page, 'preview-scroll-sync-long');
    }
    expect(wrong).toEqual([]);
  }, 240_000);
});
