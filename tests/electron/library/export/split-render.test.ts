import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { toHtml } from 'hast-util-to-html';
import { afterAll, describe, expect, it } from 'vitest';
import { generateArticle } from '../../../../bench/generate-article';
import { exportArticleFile } from '../../../../electron/library/export';
import {
  prepareSplitRender,
  releaseSplitWorkers,
  renderArticleTree,
  splitWorkersReady,
} from '../../../../electron/library/export/split-render';
import { renderMarkdownTree, wholeRenderCount } from '../../../../shared/markdown';
import { realBook } from '../../../helpers/real-documents';
import { useTempDirs } from '../../../helpers/temp-dir';

const makeTempDir = useTempDirs();

describe('rendering one long article on several threads', () => {
  afterAll(releaseSplitWorkers);

  it('renders the first long article here, loading a worker that the next one uses', async () => {
    await releaseSplitWorkers();
    const text = generateArticle(20_000, 9);
    const whole = toHtml(renderMarkdownTree(text).tree);
    const first = await renderArticleTree(text, { threads: 2, minChars: 0, chunkSize: 8_000 });
    expect([first.workers, first.chunks]).toEqual([0, 1]);
    // Still loading, the worker is not used; once loaded, it is.
    const meanwhile = await renderArticleTree(text, { threads: 2, minChars: 0, chunkSize: 8_000 });
    expect(meanwhile.workers).toBe(0);
    await splitWorkersReady();
    const next = await renderArticleTree(text, { threads: 2, minChars: 0, chunkSize: 8_000 });
    expect([next.workers, next.warmWorkers]).toEqual([1, 1]);
    expect(next.chunks).toBeGreaterThan(1);
    expect(toHtml(first.tree)).toBe(whole);
    expect(toHtml(next.tree)).toBe(whole);
  }, 120_000);

  it('splits even the first long article when the export dialog prepared its workers', async () => {
    await releaseSplitWorkers();
    const text = generateArticle(20_000, 9);
    // A short article prepares nothing; this one loads a worker, as opening the dialog does.
    prepareSplitRender('# Short\n\nText.\n', { threads: 2, minChars: 1_000 });
    await splitWorkersReady();
    const unprepared = await renderArticleTree(text, { threads: 2, minChars: 0, chunkSize: 8_000 });
    expect(unprepared.workers).toBe(0);
    await releaseSplitWorkers();
    prepareSplitRender(text, { threads: 2, minChars: 0, chunkSize: 8_000 });
    await splitWorkersReady();
    const first = await renderArticleTree(text, { threads: 2, minChars: 0, chunkSize: 8_000 });
    expect([first.workers, first.warmWorkers]).toEqual([1, 1]);
    expect(toHtml(first.tree)).toBe(toHtml(renderMarkdownTree(text).tree));
  }, 120_000);

  it('gives the tree of a one-thread render, with the chunks rendered in a worker thread', async () => {
    const text = generateArticle(30_000);
    const split = await renderArticleTree(text, {
      threads: 2,
      minChars: 0,
      chunkSize: 8_000,
      renderHere: false,
    });
    expect(split.workers).toBe(1);
    expect(split.chunks).toBeGreaterThan(5);
    expect(split.inWorkers).toBe(split.chunks);
    expect(split.fellBack).toBe(false);
    expect(toHtml(split.tree)).toBe(toHtml(renderMarkdownTree(text).tree));
  }, 120_000);

  it('renders the real book, raw HTML and all, in a worker thread to the tree of a one-thread render', async () => {
    const book = realBook();
    const split = await renderArticleTree(book, { threads: 2, coldStart: true, renderHere: false });
    expect(split.workers).toBe(1);
    expect(split.chunks).toBeGreaterThan(20);
    expect(split.inWorkers).toBe(split.chunks);
    expect(split.fellBack).toBe(false);
    expect(split.hadRawHtml).toBe(true);
    expect(toHtml(split.tree) === toHtml(renderMarkdownTree(book).tree)).toBe(true);
  }, 600_000);

  it('shares the chunks between this thread and a worker, with the same result', async () => {
    const text = generateArticle(30_000, 3);
    const split = await renderArticleTree(text, {
      threads: 2,
      minChars: 0,
      chunkSize: 4_000,
      coldStart: true,
    });
    expect(split.workers).toBe(1);
    expect(split.fellBack).toBe(false);
    expect(toHtml(split.tree)).toBe(toHtml(renderMarkdownTree(text).tree));
  }, 120_000);

  it('renders short articles and one-thread runs without starting a worker', async () => {
    const text = generateArticle(2_000);
    for (const options of [{}, { threads: 1, minChars: 0 }]) {
      const split = await renderArticleTree(text, options);
      expect(split.workers).toBe(0);
      expect(split.chunks).toBe(1);
      expect(toHtml(split.tree)).toBe(toHtml(renderMarkdownTree(text).tree));
    }
  });

  it('renders an article whose raw HTML stays open over every heading once, uncut, and loads no worker for it', async () => {
    await releaseSplitWorkers();
    const text = `<div>\n\n${generateArticle(3_000)}\n\n# Inside raw HTML\n\ntext\n\n</div>\n`;
    const expected = toHtml(renderMarkdownTree(text).tree);
    const before = wholeRenderCount();
    const options = { threads: 2, minChars: 0, chunkSize: 2_000 };
    const split = await renderArticleTree(text, { ...options, coldStart: true });
    expect([split.workers, split.chunks, split.inWorkers, split.fellBack]).toEqual([0, 1, 0, false]);
    expect(wholeRenderCount() - before).toBe(1);
    expect(toHtml(split.tree)).toBe(expected);
    // Neither the export dialog nor a first export loads workers that this article cannot use.
    prepareSplitRender(text, options);
    await renderArticleTree(text, options);
    await splitWorkersReady();
    expect((await renderArticleTree(generateArticle(3_000), options)).workers).toBe(0);
  }, 120_000);

  it('renders an article again in one piece when only parsing shows its chunks cannot be joined', async () => {
    // A line that looks like a link definition but continues a paragraph: known to be none only
    // once parsed.
    const text = `${generateArticle(3_000)}\n\n# Paragraph\n\nSee [x].\nText\n[x]: /not-a-definition\n\n${'Filler. '.repeat(40)}\n\n# After\n\nAnd [x] again. ${'More. '.repeat(40)}\n`;
    const split = await renderArticleTree(text, {
      threads: 2,
      minChars: 0,
      chunkSize: 200,
      coldStart: true,
    });
    expect(split.fellBack).toBe(true);
    expect(toHtml(split.tree)).toBe(toHtml(renderMarkdownTree(text).tree));
  }, 120_000);

  it('loads no worker after a one-off export of a long article (warmUp: false)', async () => {
    await releaseSplitWorkers();
    const text = generateArticle(20_000, 9);
    const options = { threads: 2, minChars: 0, chunkSize: 8_000 };
    const once = await renderArticleTree(text, { ...options, warmUp: false });
    expect(once.workers).toBe(0);
    await splitWorkersReady();
    expect((await renderArticleTree(text, options)).workers).toBe(0);
  }, 120_000);

  it('exports a long article to the same bytes on one thread and on several', async () => {
    const root = await makeTempDir();
    const out = await makeTempDir();
    // Long enough (over 300,000 characters) for the export to split it by default.
    const text = generateArticle(50_000, 5);
    expect(text.length).toBeGreaterThan(300_000);
    // With the defaults the export uses, this article is cut and joined (not rendered whole).
    const split = await renderArticleTree(text, { threads: 2, coldStart: true });
    expect(split.chunks).toBeGreaterThan(1);
    expect(split.fellBack).toBe(false);
    await writeFile(path.join(root, 'long.md'), text);
    await exportArticleFile({ root, outDir: path.join(out, 'one'), threads: 1 }, 'long.md');
    await exportArticleFile({ root, outDir: path.join(out, 'many'), threads: 2 }, 'long.md');
    const one = await readFile(path.join(out, 'one', 'long.html'), 'utf8');
    const many = await readFile(path.join(out, 'many', 'long.html'), 'utf8');
    expect(many).toBe(one);
    expect(one).toContain('<section data-footnotes');
  }, 180_000);

  it('exports a long article with raw HTML to the same bytes on one thread and cut on several', async () => {
    const root = await makeTempDir();
    const out = await makeTempDir();
    const text = `${generateArticle(50_000, 6)}\n\n<details><summary>More</summary>\n\nHidden *text*.\n\n</details>\n`;
    expect(text.length).toBeGreaterThan(300_000);
    await writeFile(path.join(root, 'long.md'), text);
    prepareSplitRender(text, { threads: 2 });
    await splitWorkersReady();
    const pages: string[] = [];
    // One thread renders it whole, once; two render it in chunks, without a whole render.
    for (const [threads, wholeRenders] of [
      [1, 1],
      [2, 0],
    ] as const) {
      const before = wholeRenderCount();
      await exportArticleFile({ root, outDir: path.join(out, `${threads}`), threads }, 'long.md');
      expect(wholeRenderCount() - before, `${threads} thread(s)`).toBe(wholeRenders);
      pages.push(await readFile(path.join(out, `${threads}`, 'long.html'), 'utf8'));
    }
    expect(pages[1]).toBe(pages[0]);
    expect(pages[0]).toContain('<details><summary>More</summary>');
  }, 180_000);
});
