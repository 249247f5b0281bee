import type { EditorView } from '@codemirror/view';
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshot } from './harness';
import { book, openBook } from './real-book';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const bookLines = book.split('\n');

/**
 * Source lines the editor may show at its top while the preview shows the same place, one line
 * of slack either side: in a code block, the code line shown at the preview's top; in a table,
 * the row's line; elsewhere the lines of the block at the top, or of the gap between two blocks
 * (definitions, comments).
 */
interface PreviewTop {
  readonly low: number;
  readonly high: number;
  /** What is shown there, for the failure message. */
  readonly what: string;
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
      // A code line: the text under the top edge, counted in line feeds from the code's start.
      const code = top.localName === 'pre' ? top.querySelector('code') : null;
      const codeBox = code?.getBoundingClientRect();
      let codeLine: number | null = null;
      if (code && codeBox && codeBox.top <= 1 && codeBox.bottom > 1) {
        const caret = doc.caretRangeFromPoint(codeBox.left + 2, 1);
        if (caret && code.contains(caret.startContainer)) {
          const before = doc.createRange();
          before.setStart(code, 0);
          before.setEnd(caret.startContainer, caret.startOffset);
          codeLine = before.toString().split('\n').length - 1;
        }
      }
      const row = doc.elementFromPoint(win.innerWidth / 2, 1)?.closest('tr');
      const rows = [...top.querySelectorAll(':scope > thead > tr, :scope > tbody > tr')];
      return {
        line: lines(top, 'data-line'),
        lineEnd: lines(top, 'data-line-end'),
        codeLine,
        row: row && top.localName === 'table' ? rows.indexOf(row) : null,
        rows: rows.length,
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
      codeLine: null,
      row: null,
      rows: 0,
      what: `gap before ${next.localName} "${next.textContent!.trim().slice(0, 40)}"`,
    };
  });
  if (!found) throw new Error('Nothing with a source line is shown in the preview.');
  if (found.codeLine !== null) {
    // A fenced block's first code line is the line after its fence; an indented one has none.
    const fenced = /^ {0,3}(```|~~~)/.test(bookLines[found.line - 1] ?? '');
    const codeLine = found.line + (fenced ? 1 : 0) + found.codeLine;
    return { low: codeLine - 1, high: codeLine + 1, what: `code line ${codeLine} of ${found.what}` };
  }
  const pipeTable =
    (bookLines[found.line - 1] ?? '').includes('|') && found.rows === found.lineEnd - found.line;
  if (found.row !== null && found.row >= 0 && pipeTable) {
    // A pipe table: the header row, the delimiter row, then a body row per line.
    const rowLine = found.line + (found.row === 0 ? 0 : found.row + 1);
    return { low: rowLine - 1, high: rowLine + 1, what: `row ${found.row} of ${found.what}` };
  }
  return { low: found.line - 1, high: found.lineEnd + 1, what: found.what };
}

/** Where the editor and the preview disagree, as a message (null: they agree). */
async function disagreement(page: Page, frame: Locator, label: string): Promise<string | null> {
  const [editorLine] = await editorTopLines(page);
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

/** A list or table of the book whose items take unequal numbers of source lines. */
interface UnevenBlock {
  readonly line: number;
  readonly tag: 'ul' | 'ol' | 'table';
  /** The first source line of each item (list) or row (table). */
  readonly itemLines: readonly number[];
}

/**
 * Top-level lists and tables of the book whose items' source lines are unequal (an item of a
 * line beside one of ten), `count` of them spread over the book: in those, spreading the block's
 * lines evenly over its height shows another item than the editor's.
 */
function unevenBlocks(count: number): UnevenBlock[] {
  const tree = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkFrontmatter, ['yaml'])
    .use(remarkMath)
    .parse(book) as Root;
  const found: UnevenBlock[] = [];
  for (const node of tree.children) {
    if ((node.type !== 'list' && node.type !== 'table') || node.children.length < 6) continue;
    const itemLines = node.children.map((child) => child.position!.start.line);
    const sizes = itemLines.slice(1).map((line, index) => line - itemLines[index]!);
    if (Math.max(...sizes) < 4 * Math.min(...sizes)) continue;
    const tag = node.type === 'table' ? 'table' : node.ordered ? 'ol' : 'ul';
    found.push({ line: node.position!.start.line, tag, itemLines });
  }
  return Array.from(
    { length: Math.min(count, found.length) },
    (_, index) => found[Math.floor((index * found.length) / count)]!,
  );
}

/**
 * The items (list) or rows (table) of the block at source line `line` shown in the top 12 pixels
 * of the preview (about half a line of text).
 */
function itemsAtPreviewTop(frame: Locator, line: number): Promise<number[]> {
  return frame.evaluate((element: HTMLIFrameElement, line) => {
    const block = element.contentDocument!.querySelector(`[data-line="${line}"]`);
    if (!block) return [];
    const items = [...block.querySelectorAll(':scope > li, :scope > thead > tr, :scope > tbody > tr')];
    return items.flatMap((item, index) => {
      const box = item.getBoundingClientRect();
      return box.bottom > 0 && box.top < 12 ? [index] : [];
    });
  }, line);
}

/** The source lines shown in the top half line of the editor (at 2 and 10 pixels down). */
function editorTopLines(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const content = document.querySelector('.cm-content') as unknown as {
      cmTile: { root: { view: EditorView } };
    };
    const view = content.cmTile.root.view;
    const box = view.scrollDOM.getBoundingClientRect();
    return [2, 10].map(
      (down) =>
        view.state.doc.lineAt(view.posAtCoords({ x: box.left + 60, y: box.top + down }, false)).number,
    );
  });
}

describe('scroll sync on a long real document', () => {
  it('shows the editor’s top line at the preview’s top after jumps all over the book, both ways, and inside lists and tables', async () => {
    const { app, frame } = await openBook(browser);
    try {
      const { page } = app;
      const wrong: string[] = [];

      // Editor → preview: jumps to places far apart, each to a part of the preview not shown yet.
      const editorBox = (await page.locator('.cm-scroller').boundingBox())!;
      await page.mouse.move(editorBox.x + editorBox.width / 2, editorBox.y + editorBox.height / 2);
      await page.mouse.wheel(0, 1);
      for (const line of places(16)) {
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
      for (const [index, fraction] of [0.9, 0.15, 0.6, 0.35, 0.05].entries()) {
        const scrollY = await frame.evaluate((element: HTMLIFrameElement) => element.contentWindow!.scrollY);
        await page.mouse.wheel(0, Math.round(fraction * height - scrollY));
        await settle(page);
        const found = await disagreement(page, frame, `preview scrolled to ${fraction} of its height`);
        if (found) wrong.push(found);
        // Then a few notches of the wheel from there.
        for (let notch = 0; notch < 2; notch++) {
          await page.mouse.wheel(0, 240);
          await settle(page);
          const near = await disagreement(page, frame, `preview wheeled on from ${fraction}`);
          if (near) wrong.push(near);
        }
        if (index === 0) await screenshot(page, 'preview-scroll-sync-long');
      }

      // Editor → preview inside lists and tables whose items differ in length: the item holding
      // the editor's top line is the one at the preview's top.
      await page.mouse.move(editorBox.x + editorBox.width / 2, editorBox.y + editorBox.height / 2);
      await page.mouse.wheel(0, 1);
      const blocks = unevenBlocks(8);
      expect(blocks.length).toBe(8);
      for (const block of blocks) {
        for (const index of [Math.floor(block.itemLines.length / 2), block.itemLines.length - 2]) {
          await scrollEditorTo(page, block.itemLines[index]!);
          await settle(page);
          const itemOf = (line: number): number => block.itemLines.findLastIndex((start) => start <= line);
          const editorItems = (await editorTopLines(page)).map(itemOf);
          const previewItems = await itemsAtPreviewTop(frame, block.line);
          if (!editorItems.some((item) => previewItems.includes(item))) {
            wrong.push(
              `editor at item ${editorItems.join('/')} of the ${block.tag} at line ${block.line}, preview at ${previewItems.join('/') || 'none of its items'}`,
            );
            await screenshot(page, `preview-scroll-sync-${block.tag}-${block.line}`);
          }
        }
      }
      expect(wrong).toEqual([]);
    } finally {
      await app.close();
    }
  }, 240_000);
});
