import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { startBrowserMode } from '../electron/web';
import { IncrementalRenderer } from '../shared/markdown/incremental';
import { withCodeMirrorPeer } from './codemirror-peer';
import { generateArticle } from './generate-article';
import { machineLoad, ms, printTable } from './measure';
import { benchBook, describeBook } from './bench-book';
import { paragraphLinesNear } from './real-documents';
import { longListItemLine } from './typing-places';
import {
  appProbeSource,
  domWorkSource,
  samples,
  waitForSamples,
  typeAndSample,
  typeInParagraph,
  markdownItSource,
  patchesShownSource,
  goToLine,
  wholeRenders,
} from './preview-dom-page';

const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)]!;
}

/**
 * Preview DOM update per keystroke in Chromium: patching the changed block (what Folio does)
 * against replacing the whole preview's HTML and against morphdom, in one page, same run; then
 * the real app in browser mode: keystroke to preview painted, and first paint on open.
 */
export async function previewDomBench(): Promise<void> {
  const browser = await chromium.launch({
    executablePath: process.env.FOLIO_CHROMIUM ?? '/usr/bin/chromium',
    args: chromiumArgs,
  });
  try {
    const rows: string[][] = [
      ['article', 'changed block p50', 'whole innerHTML p50', 'morphdom p50', 'block vs morphdom'],
    ];
    for (const words of [10_000, 100_000]) {
      const text = generateArticle(words);
      const renderer = new IncrementalRenderer();
      const blocks = renderer.reset(text).blocks;
      const at = text.indexOf(
        ' ',
        text.indexOf('\n\n', text.indexOf(`## Section ${Math.floor(words / 240)}\n\n`)) + 10,
      );
      const patches: { index: number; html: string; whole: string }[] = [];
      for (let run = 0; run < 15; run++) {
        const patch = renderer.edit([{ from: at + run, to: at + run, insert: 'x' }]);
        patches.push({
          index: patch.start,
          html: patch.blocks.map((block) => block.html).join('\n'),
          whole: renderer.html(),
        });
      }
      const page = await browser.newPage();
      await page.setContent('<!doctype html><html><body><article id="a"></article></body></html>');
      await page.addScriptTag({ path: path.resolve('node_modules/morphdom/dist/morphdom-umd.js') });
      // Page source, not a function: tsx compiles functions with esbuild's keepNames, whose
      // `__name` helper does not exist in the page.
      const result = (await page.evaluate(
        `(${domWorkSource})(${JSON.stringify({ initial: blocks.map((b) => b.html), patches })})`,
      )) as { block: number[]; whole: number[]; morph: number[] };
      await page.close();
      const [block, whole, morph] = [result.block, result.whole, result.morph].map((list) =>
        percentile(list, 0.5),
      );
      rows.push([
        `${words / 1000}k words`,
        ms(block!),
        ms(whole!),
        ms(morph!),
        `${(block! / morph!).toFixed(3)}×`,
      ]);
    }
    console.log('\nPreview DOM update per keystroke in Chromium (update + layout), same page and run');
    console.log(machineLoad());
    console.log('target: changed block ≤ 0.1× morphdom');
    printTable(rows);
    await appBench(browser);
    await realBookBench(browser);
  } finally {
    await browser.close();
  }
}

/** Keystroke to preview painted and first paint on open, in the real app (browser mode). */
async function appBench(browser: Browser): Promise<void> {
  const rendererDir = path.resolve('out/renderer');
  if (!existsSync(path.join(rendererDir, 'index.html'))) {
    console.log('\n(app figures skipped: run "npm run build" first)');
    return;
  }
  const keystrokes = 40;
  const rows: string[][] = [
    [
      'article',
      'first paint on open',
      'target',
      'keystroke → painted p50',
      'p95',
      'target p95',
      'keys',
      'in the keystroke’s frame',
    ],
  ];
  for (const words of [10_000, 100_000]) {
    const temp = await mkdtemp(path.join(os.tmpdir(), 'folio-bench-'));
    const library = path.join(temp, 'library');
    await mkdir(library);
    await writeFile(
      path.join(library, 'long.md'),
      generateArticle(words).replace('title: Generated article', 'title: Long article'),
    );
    const running = await startBrowserMode({ library, rendererDir, appDataDir: path.join(temp, 'data') });
    const context = await browser.newContext({ viewport: { width: 1360, height: 860 } });
    const page = await context.newPage();
    try {
      await page.goto(running.server.openUrl);
      await page.getByRole('link', { name: /Long article/ }).waitFor();
      // Let the app settle (its render worker warms up at start), as an author's first click would.
      await page.waitForTimeout(1500);
      await page.evaluate(appProbeSource);
      // Opening: from the click's timestamp to the first preview content painted.
      await page.getByRole('link', { name: /Long article/ }).click();
      await waitForSamples(page, 1);
      const firstPaint = (await samples(page))[0]!;
      // Wait for the whole render (the footnotes come last), then type in a paragraph.
      await page.frameLocator('iframe[title="Preview"]').locator('.footnotes').waitFor({ timeout: 120_000 });
      await page.getByLabel('Markdown source').click();
      const times = await typeInParagraph(page, keystrokes);
      const inFrame = (await page.evaluate('window.folioPreviewProbe.inFrame ?? 0')) as number;
      rows.push([
        `${words / 1000}k words`,
        ms(firstPaint),
        words >= 100_000 ? '300 ms' : '–',
        ms(percentile(times, 0.5)),
        ms(percentile(times, 0.95)),
        words >= 100_000 ? '50 ms' : '16.7 ms',
        String(times.length),
        String(inFrame),
      ]);
    } finally {
      await context.close();
      await running.close();
      await rm(temp, { recursive: true, force: true });
    }
  }
  for (const words of [10_000, 100_000]) rows.push(await codeMirrorRow(browser, keystrokes, words));
  rows.push(await floorRow(browser, keystrokes));
  console.log(
    '\nThe app in browser mode: event timestamp → frame painted with the preview changed (rAF, then a task after paint)',
  );
  console.log(
    'in the keystroke’s frame: patches the page read from shared memory in the frame that also shows the editor’s echo (frame-handoff.ts); the rest came by message, a frame or more later',
  );
  console.log(
    'bare CodeMirror: the same probe on CodeMirror 6 as it comes (Markdown, line wrapping) holding the same article, typed into at the same line: the editor’s own frame, which the preview can at best share',
  );
  console.log(
    'floor: the same probe on a bare contenteditable (one keystroke, one tiny paint) shows what this headless, GPU-less Chromium and machine cost at least',
  );
  console.log(machineLoad());
  printTable(rows);
}

/**
 * The editor's floor: the probe on a bare CodeMirror holding the same article (its mutations
 * end a sample, as the preview's do in the app), typed into at the same line as the app.
 */
async function codeMirrorRow(browser: Browser, keystrokes: number, words: number): Promise<string[]> {
  const text = generateArticle(words).replace('title: Generated article', 'title: Long article');
  const times = await withCodeMirrorPeer(browser, text, async (page) => {
    await page.evaluate("document.querySelector('.cm-editor').id = 'folio-preview'");
    await page.evaluate(appProbeSource);
    return typeInParagraph(page, keystrokes);
  });
  return peerRow(`bare CodeMirror, ${words / 1000}k`, times);
}

/** A peer's row of the app table: only its keystroke figures. */
function peerRow(name: string, times: number[]): string[] {
  return [
    name,
    '–',
    '–',
    ms(percentile(times, 0.5)),
    ms(percentile(times, 0.95)),
    '–',
    String(times.length),
    '–',
  ];
}

/** The measuring floor: the probe on a page whose only content is a contenteditable. */
async function floorRow(browser: Browser, keystrokes: number): Promise<string[]> {
  const context = await browser.newContext({ viewport: { width: 1360, height: 860 } });
  try {
    const page = await context.newPage();
    await page.setContent('<div id="folio-preview" contenteditable aria-label="floor">x</div>');
    await page.evaluate(appProbeSource);
    await page.getByLabel('floor').click();
    await page.waitForTimeout(300);
    return peerRow('floor (contenteditable)', await typeAndSample(page, keystrokes));
  } finally {
    await context.close();
  }
}

/**
 * Where the book is typed into: a paragraph near its start, middle and end, and the middle item
 * of its longest list (a changelog's list, whose item alone the preview patches).
 */
function bookPlaces(book: string): { place: string; line: number }[] {
  const places = paragraphLinesNear(book, [0.01, 0.5, 0.99]).map((line, index) => ({
    place: ['start', 'middle', 'end'][index]!,
    line,
  }));
  const listLine = longListItemLine(book);
  return listLine === null ? places : [...places, { place: 'longest list, middle item', line: listLine }];
}

/**
 * Bare CodeMirror (see peers/codemirror-peer.ts) holding the real book, typed into at the same
 * lines and in the same way as the app: what the editor alone costs per keystroke, before any
 * preview, against the same markdown-it figure.
 */
async function bookCodeMirrorRows(
  browser: Browser,
  book: string,
  keystrokes: number,
  peer: number,
): Promise<string[][]> {
  return withCodeMirrorPeer(browser, book, async (page) => {
    await page.evaluate("document.querySelector('.cm-editor').id = 'folio-preview'");
    await page.evaluate(appProbeSource);
    const rows: string[][] = [];
    for (const { place, line } of bookPlaces(book)) {
      await page.evaluate(`window.peerGoTo(${line})`);
      await page.keyboard.press('End');
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('ArrowLeft');
      await page.waitForTimeout(500);
      const times = await typeAndSample(page, keystrokes);
      const p95 = percentile(times, 0.95);
      rows.push([
        `bare CodeMirror, ${place}`,
        ms(percentile(times, 0.5)),
        ms(p95),
        String(times.length),
        '–',
        ms(peer),
        `${(p95 / peer).toFixed(3)}×`,
        '',
      ]);
    }
    return rows;
  });
}

/**
 * The book (`FOLIO_BENCH_BOOK`, else `realBook()`: 180k words of package READMEs, with their
 * duplicate link labels, raw HTML and footnotes) in the app: first paint and whole book shown on open, then keystroke
 * to preview painted at its start, middle and end, against markdown-it's full render of the same
 * text in a page of the same Chromium, same run.
 */
async function realBookBench(browser: Browser): Promise<void> {
  const rendererDir = path.resolve('out/renderer');
  if (!existsSync(path.join(rendererDir, 'index.html'))) return;
  const measured = benchBook();
  // The editor's text (what markdown-it and bare CodeMirror get); the library gets the file as is.
  const book = measured.text;
  // Enough keys that p95 is not one stray key (the third slowest of 60, not the second of 20).
  const keystrokes = 60;
  const peerPage = await browser.newPage();
  await peerPage.setContent('<!doctype html><html><body></body></html>');
  await peerPage.addScriptTag({
    path: path.resolve('node_modules/markdown-it/dist/browser/markdown-it.umd.min.js'),
  });
  const peerTimes = (await peerPage.evaluate(
    `(${markdownItSource})(${JSON.stringify({ text: book, runs: 9 })})`,
  )) as number[];
  await peerPage.close();
  const peer = percentile(peerTimes, 0.5);

  const temp = await mkdtemp(path.join(os.tmpdir(), 'folio-bench-'));
  const library = path.join(temp, 'library');
  await mkdir(library);
  await writeFile(path.join(library, 'book.md'), measured.bytes);
  const running = await startBrowserMode({ library, rendererDir, appDataDir: path.join(temp, 'data') });
  const context = await browser.newContext({ viewport: { width: 1360, height: 860 } });
  const page = await context.newPage();
  const rows: string[][] = [
    [
      'typing in the book',
      'p50',
      'p95',
      'keys',
      'whole renders',
      'markdown-it full p50',
      'p95 / markdown-it',
      'target',
    ],
  ];
  let opening: string;
  try {
    await page.goto(running.server.openUrl);
    // Whatever its title (frontmatter, first heading or file name), the book is `book.md`.
    const link = page.locator('a[href="#/article/book.md"]');
    await link.waitFor();
    await page.waitForTimeout(1500);
    await page.evaluate(appProbeSource);
    await page.evaluate(
      "window.addEventListener('click', (e) => { window.folioClickedAt ??= e.timeStamp; }, true)",
    );
    await link.click();
    await waitForSamples(page, 1);
    const firstPaint = (await samples(page))[0]!;
    const whole = (await page.evaluate(
      `(${patchesShownSource})({ count: 1, since: window.folioClickedAt })`,
    )) as number;
    opening = `first paint on open ${ms(firstPaint)} (target 300 ms), whole book shown ${ms(whole)}`;
    await page.waitForTimeout(1000);
    for (const { place, line } of bookPlaces(book)) {
      await goToLine(page, line);
      await page.waitForTimeout(500);
      const before = await wholeRenders(page);
      const times = await typeAndSample(page, keystrokes);
      const p95 = percentile(times, 0.95);
      rows.push([
        `${place} (line ${line})`,
        ms(percentile(times, 0.5)),
        ms(p95),
        String(times.length),
        String((await wholeRenders(page)) - before),
        ms(peer),
        `${(p95 / peer).toFixed(3)}×`,
        '≤ 0.25×',
      ]);
    }
  } finally {
    await context.close();
    await running.close();
    await rm(temp, { recursive: true, force: true });
  }
  rows.push(...(await bookCodeMirrorRows(browser, book, keystrokes, peer)));
  console.log(`\nThe book in the app, keystroke → preview painted, as above: ${describeBook(measured)}`);
  console.log(
    'markdown-it: full render of the same text in a page of the same Chromium, same run (html, linkify)',
  );
  console.log(
    'bare CodeMirror: CodeMirror 6 as it comes holding the same book, typed into at the same lines: its own keystroke to paint, no preview',
  );
  console.log(opening);
  console.log(machineLoad());
  printTable(rows);
}
