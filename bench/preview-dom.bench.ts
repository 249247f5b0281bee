import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { startBrowserMode } from '../electron/web';
import { IncrementalRenderer } from '../shared/markdown';
import { generateArticle } from './generate-article';
import { ms, printTable } from './measure';

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
      const result = await page.evaluate(
        ({ initial, patches }) => {
          const article = document.getElementById('a')!;
          const style = document.createElement('style');
          style.textContent = '#a > * { content-visibility: auto; contain-intrinsic-size: auto 2em; }';
          document.head.append(style);
          const load = (): Node[][] => {
            article.innerHTML = '';
            const groups: Node[][] = [];
            for (const html of initial) {
              const template = document.createElement('template');
              template.innerHTML = html;
              const nodes = [...template.content.childNodes];
              groups.push(nodes);
              article.append(...nodes);
            }
            void article.offsetHeight;
            return groups;
          };
          const time = (work: () => void): number => {
            const start = performance.now();
            work();
            void article.offsetHeight;
            return performance.now() - start;
          };
          const block: number[] = [];
          let groups = load();
          for (const patch of patches) {
            block.push(
              time(() => {
                const template = document.createElement('template');
                template.innerHTML = patch.html;
                const nodes = [...template.content.childNodes];
                const old = groups[patch.index]!;
                old[0]!.parentNode!.insertBefore(template.content, old[0]!);
                for (const node of old) node.parentNode?.removeChild(node);
                groups[patch.index] = nodes;
              }),
            );
          }
          const whole: number[] = [];
          groups = load();
          for (const patch of patches) whole.push(time(() => (article.innerHTML = patch.whole)));
          const morph: number[] = [];
          load();
          const morphdom = (window as unknown as { morphdom: (a: Element, b: string, o: object) => void })
            .morphdom;
          for (const patch of patches)
            morph.push(time(() => morphdom(article, `<article id="a">${patch.whole}</article>`, {})));
          return { block, whole, morph };
        },
        { initial: blocks.map((b) => b.html), patches },
      );
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
    console.log('target: changed block ≤ 0.1× morphdom');
    printTable(rows);
    await appBench(browser);
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
  const rows: string[][] = [
    ['article', 'first paint on open', 'keystroke → painted p50', 'p95', 'target p95'],
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
      // Observe the preview frame: time of the first mutation after a mark, to the next frame.
      const observe = `(() => {
        const frame = document.querySelector('iframe[title="Preview"]');
        window.__painted = null;
        const observer = new MutationObserver(() => {
          observer.disconnect();
          requestAnimationFrame(() => { window.__painted = performance.now(); });
        });
        observer.observe(frame.contentDocument.getElementById('folio-preview'), { childList: true, subtree: true, characterData: true });
      })()`;
      await page.evaluate(observe);
      const opened = await page.evaluate(() => performance.now());
      await page.getByRole('link', { name: /Long article/ }).click();
      await page.waitForFunction(
        () => (window as unknown as { __painted: number | null }).__painted !== null,
        undefined,
        { timeout: 120_000 },
      );
      const firstPaint =
        (await page.evaluate(() => (window as unknown as { __painted: number }).__painted)) - opened;
      // Wait for the whole render, then type in a paragraph.
      await page.frameLocator('iframe[title="Preview"]').locator('.footnotes').waitFor({ timeout: 120_000 });
      await page.getByLabel('Markdown source').click();
      await page.keyboard.press('ControlOrMeta+Home');
      for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowDown');
      await page.keyboard.press('End');
      const times: number[] = [];
      for (let i = 0; i < 20; i++) {
        await page.evaluate(observe);
        const start = await page.evaluate(() => performance.now());
        await page.keyboard.type('x');
        await page.waitForFunction(
          () => (window as unknown as { __painted: number | null }).__painted !== null,
          undefined,
          { timeout: 30_000 },
        );
        times.push(
          (await page.evaluate(() => (window as unknown as { __painted: number }).__painted)) - start,
        );
      }
      rows.push([
        `${words / 1000}k words`,
        ms(firstPaint),
        ms(percentile(times, 0.5)),
        ms(percentile(times, 0.95)),
        words >= 100_000 ? '50 ms' : '16.7 ms',
      ]);
    } finally {
      await context.close();
      await running.close();
      await rm(temp, { recursive: true, force: true });
    }
  }
  console.log(
    '\nThe app in browser mode: first paint of the preview on open (target ≤ 300 ms at 100k), keystroke to preview painted',
  );
  printTable(rows);
}
