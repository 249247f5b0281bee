import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startBrowserMode } from '../electron/web';
import { generateLibrary } from './generate-library';
import { ms, printTable } from './measure';

/**
 * The library pane in real Chromium over a generated library (default 10,000 articles):
 * time from navigation to the first article row (and from the article list's arrival to it), DOM nodes in the pane, and time from a sort
 * change to the next painted frame. Run after `npm run build`:
 * `npx tsx bench/library-pane.browser.ts [library folder] [runs]`. Figures drift with the
 * machine's load, which is printed with them; compare runs made together.
 */
async function main(): Promise<void> {
  const given = process.argv[2];
  const runs = Number(process.argv[3] ?? 3);
  const temp = await mkdtemp(path.join(os.tmpdir(), 'folio-pane-bench-'));
  const library = given ?? path.join(temp, 'library');
  if (!given) await generateLibrary(library, 10_000);
  const running = await startBrowserMode({
    library,
    rendererDir: path.resolve('out/renderer'),
    appDataDir: path.join(temp, 'data'),
  });
  const browser = await chromium.launch({
    executablePath: process.env.FOLIO_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  const rows: string[][] = [
    [
      'run',
      'first row',
      'list arrived',
      'list → row',
      'pane DOM nodes',
      'page DOM nodes',
      'tree rows in DOM',
      'sort → paint',
    ],
  ];
  try {
    for (let run = 1; run <= runs; run++) {
      const page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
      // Note when the first tree row appears, to split the time into "list arrived" and "shown".
      await page.addInitScript(() => {
        const observer = new MutationObserver(() => {
          if (!document.querySelector('[role="treeitem"]:not([aria-expanded])')) return;
          (window as unknown as { folioFirstRow: number }).folioFirstRow = performance.now();
          observer.disconnect();
        });
        observer.observe(document, { childList: true, subtree: true });
      });
      const start = Date.now();
      await page.goto(running.server.openUrl);
      await page.locator('[role="treeitem"]:not([aria-expanded])').first().waitFor({ timeout: 120_000 });
      const firstRow = Date.now() - start;
      const split = await page.evaluate(() => {
        const list = performance
          .getEntriesByType('resource')
          .find((entry) => entry.name.endsWith('/api/listArticles')) as PerformanceResourceTiming | undefined;
        const shown = (window as unknown as { folioFirstRow: number }).folioFirstRow;
        return { listed: list?.responseEnd ?? NaN, shown };
      });
      const dom = await page.evaluate(() => ({
        nodes: document.querySelector('nav.folio-library')?.querySelectorAll('*').length ?? 0,
        all: document.querySelectorAll('*').length,
        rows: document.querySelectorAll('[role="treeitem"]').length,
      }));
      // The select's change event runs React's render synchronously; two frames later the new
      // order has been laid out and painted.
      const sortTime = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const select = document.querySelector<HTMLSelectElement>('select[aria-label="Sort by"]')!;
            const t0 = performance.now();
            select.value = 'updated';
            select.dispatchEvent(new Event('change', { bubbles: true }));
            requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - t0)));
          }),
      );
      rows.push([
        String(run),
        ms(firstRow),
        ms(split.listed),
        ms(split.shown - split.listed),
        String(dom.nodes),
        String(dom.all),
        String(dom.rows),
        ms(sortTime),
      ]);
      await page.close();
    }
  } finally {
    await browser.close();
    await running.close();
    await rm(temp, { recursive: true, force: true });
  }
  console.log(
    `library pane, ${library}; load average ${os
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')}`,
  );
  printTable(rows);
}

void main();
