import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportArticleFile } from '../../electron/library/export';
import { useTempDirs } from '../helpers/temp-dir';
import { hostileArticle } from '../helpers/hostile-article';
import {
  launchChromium,
  openApp,
  previewArticle,
  screenshot,
  screenshotDir,
  type AppUnderTest,
} from './harness';

const tempDir = useTempDirs();
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

const richArticle = [
  '---',
  'title: The export is the preview',
  'date: 2024-06-01',
  '---',
  '',
  '# The export is the preview',
  '',
  'Folio renders **one** pipeline for both, with *emphasis*, `code` and [a link](https://example.com).',
  '',
  '## A table and a list',
  '',
  '| Tool | Pages |',
  '|------|------:|',
  '| Folio | 12 |',
  '| Other | 3 |',
  '',
  '- first item',
  '- [x] a done task',
  '',
  '> A quotation that spans a little more than one line so that wrapping shows up in both.',
  '',
  '```ts',
  'const answer: number = 42;',
  '```',
  '',
  '![A one-pixel picture](img/pixel.png)',
  '',
  'A footnote.[^1]',
  '',
  '[^1]: Footnotes land at the end.',
  '',
].join('\n');

/** Opens a file page with a spy that records every call, installed before any content runs. */
async function openWithSpy(file: string): Promise<{ page: Page; calls: () => Promise<unknown[]> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    const calls: unknown[] = [];
    Object.defineProperty(window, 'folioSpyCalls', { value: calls });
    Object.defineProperty(window, 'folioSpy', { value: (n: unknown) => calls.push(n), writable: false });
  });
  await page.goto(pathToFileURL(file).href);
  return {
    page,
    calls: () =>
      page.evaluate(() => (window as unknown as { folioSpyCalls: unknown[] }).folioSpyCalls.slice()),
  };
}

/** Does what a reader does: moves over, clicks and focuses everything, then waits a moment. */
async function poke(page: Page): Promise<void> {
  for (let y = 10; y < 700; y += 60) await page.mouse.move(200, y);
  await page.evaluate(() => {
    for (const element of document.querySelectorAll('*')) {
      for (const type of ['mouseover', 'mouseenter', 'click', 'focus', 'toggle', 'load', 'error']) {
        element.dispatchEvent(new Event(type, { bubbles: true }));
      }
      if (element instanceof HTMLElement) element.focus();
    }
  });
  await page.waitForTimeout(300);
}

describe('exported HTML in Chromium', () => {
  it('never runs the hostile article’s payloads (a spy proves it), though the same page unsanitized would', async () => {
    const base = await tempDir();
    const library = path.join(base, 'library');
    await mkdir(library);
    await writeFile(path.join(library, 'evil.md'), hostileArticle);
    await exportArticleFile({ root: library, outDir: path.join(base, 'out') }, 'evil.md', {
      toc: true,
      titleBlock: 'always',
    });
    const exported = path.join(base, 'out', 'evil.html');

    // The control: a page that lets one payload through calls the spy, so the spy works.
    const control = path.join(base, 'control.html');
    await writeFile(control, '<!DOCTYPE html><title>c</title><img src="x" onerror="folioSpy(\'control\')">');
    const controlPage = await openWithSpy(control);
    await controlPage.page.waitForFunction(
      () => (window as unknown as { folioSpyCalls: unknown[] }).folioSpyCalls.length > 0,
    );
    expect(await controlPage.calls()).toEqual(['control']);
    await controlPage.page.context().close();

    const { page, calls } = await openWithSpy(exported);
    await poke(page);
    expect(await calls()).toEqual([]);
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.title()).toContain('</title><script>');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.context().close();
  });

  it('opens an exported page at article.html#heading with that heading scrolled into view', async () => {
    const library = await tempDir();
    const filler = Array.from({ length: 80 }, (_, i) => `Paragraph ${i + 1} of filler text.`).join('\n\n');
    await writeFile(
      path.join(library, 'article.md'),
      `# Article\n\n${filler}\n\n## Some heading\n\nThe part a reader was sent to.[^1]\n\n${filler}\n\n[^1]: A note.\n`,
    );
    const out = path.join(library, 'out');
    await exportArticleFile({ root: library, outDir: out }, 'article.md', { toc: true });
    const context = await browser.newContext({ viewport: { width: 900, height: 700 } });
    try {
      const site = await context.newPage();
      await site.goto(`${pathToFileURL(path.join(out, 'article.html')).href}#some-heading`);
      const place = await site.evaluate(() => {
        const heading = document.getElementById('some-heading');
        return {
          target: document.querySelector(':target')?.textContent ?? null,
          top: heading ? Math.round(heading.getBoundingClientRect().top) : null,
          scrolled: window.scrollY,
        };
      });
      expect(place.target).toBe('Some heading');
      expect(place.scrolled).toBeGreaterThan(0);
      expect(place.top).not.toBeNull();
      expect(place.top!).toBeGreaterThanOrEqual(0);
      expect(place.top!).toBeLessThan(700 / 2);
      await site.screenshot({ path: path.join(screenshotDir, 'export-opened-at-heading.png') });
      // The table of contents and the footnote's back-reference lead to the same ids.
      expect(await site.locator('nav.folio-toc a').first().getAttribute('href')).toBe('#some-heading');
      await site.locator('a[data-footnote-ref]').click();
      await site.waitForURL(/#user-content-fn-1$/);
      await site.locator('a[data-footnote-backref]').click();
      await site.waitForURL(/#user-content-fnref-1$/);
    } finally {
      await context.close();
    }
  });

  it('opens a library export’s index, follows its links and the rewritten links between articles', async () => {
    const app = await openApp(browser, async (library) => {
      await mkdir(path.join(library, 'posts'));
      await mkdir(path.join(library, 'img'));
      await writeFile(path.join(library, 'img', 'pixel.png'), png);
      await writeFile(
        path.join(library, 'older.md'),
        '---\ntitle: Older post\ndate: 2023-02-01\ntags: [archive]\n---\nRead [the newer one](posts/newer.md#the-details).\n',
      );
      await writeFile(
        path.join(library, 'posts', 'newer.md'),
        '---\ntitle: Newer post\ndate: 2024-02-01\ndescription: The latest.\n---\nIntro.\n\n## The details\n\n![pixel](../img/pixel.png)\n\nBack to [the older one](../older.md).\n',
      );
      await writeFile(
        path.join(library, 'wip.md'),
        '---\ntitle: Work in progress\nstatus: draft\n---\nSoon.\n',
      );
    });
    const { page } = app;
    await page.getByRole('link', { name: /Older post/ }).click();
    await previewArticle(page).locator('a', { hasText: 'the newer one' }).waitFor();

    await page.keyboard.press('ControlOrMeta+Shift+E');
    const dialog = page.getByRole('dialog', { name: 'Export to HTML' });
    await dialog.waitFor();
    await dialog.getByText('No problems found.').waitFor();
    await dialog.getByLabel('The whole library, with an index page').check();
    await dialog.getByLabel('Copied to an assets folder').check();
    // The folder field starts beside the library (outside it), where the export creates it.
    const out = `${app.library}-export`;
    await expect.poll(() => dialog.getByLabel('Export folder').inputValue()).toBe(out);
    await dialog.getByText('The folder will be created.').waitFor();
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await dialog.getByText('Exported 2 pages to').waitFor();
    expect(await dialog.getByRole('status').textContent()).toBe(
      `Exported 2 pages to ${out}/index.html; 1 draft left out.`,
    );
    // The export created the folder: the field no longer says that it will.
    await dialog.getByText('The folder will be created.').waitFor({ state: 'detached' });
    await screenshot(page, 'export-dialog-done');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const context = await browser.newContext();
    const site = await context.newPage();
    await site.goto(pathToFileURL(path.join(out, 'index.html')).href);
    await site.screenshot({ path: path.join(screenshotDir, 'export-library-index.png') });
    const titles = await site.locator('main li h2').allTextContents();
    expect(titles).toEqual(['Newer post', 'Older post']);
    expect(await site.content()).not.toContain('Work in progress');
    await site.getByRole('link', { name: 'Older post' }).click();
    await site.waitForURL(/older\.html$/);
    await site.getByRole('link', { name: 'the newer one' }).click();
    await site.waitForURL(/posts\/newer\.html#the-details$/);
    expect(await site.evaluate(() => document.querySelector(':target')?.textContent)).toBe('The details');
    const image = site.getByRole('img', { name: 'pixel' });
    expect(await image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
    expect(await image.getAttribute('src')).toMatch(/^\.\.\/assets\/pixel-[0-9a-f]{12}\.png$/);
    await site.getByRole('link', { name: 'the older one' }).click();
    await site.waitForURL(/\/older\.html$/);
    await context.close();
    await app.close();
  });

  it('shows preflight problems first in the dialog, and copies the article as HTML', async () => {
    const app = await openApp(browser, async (library) => {
      await writeFile(path.join(library, 'broken.md'), '# Broken\n\n![](missing.png)\n\n### Too deep\n');
    });
    const { page } = app;
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url });
    await page.getByRole('link', { name: /Broken/ }).click();
    await previewArticle(page).locator('h1').waitFor();

    await page.getByRole('button', { name: 'Copy HTML' }).click();
    await page.getByRole('contentinfo').getByText('Copied the article as HTML').waitFor();
    const clipboard = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      return {
        html: await (await item!.getType('text/html')).text(),
        text: await (await item!.getType('text/plain')).text(),
      };
    });
    expect(clipboard.html).toContain('<h1 id="broken">Broken</h1>');
    expect(clipboard.text).toContain('Too deep');

    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export to HTML' });
    const problems = dialog.getByRole('region', { name: 'Problems found before export' });
    await problems.getByText('The image “missing.png” does not exist.').waitFor();
    await problems.getByText(/jumps from level 1 to level 3/).waitFor();
    await problems.getByText(/1 error, 2 warnings/).waitFor();
    await screenshot(page, 'export-dialog-problems');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await app.close();
  });

  it('looks like the preview: same blocks at the same places, in light and dark (screenshot side by side)', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const app = await openApp(
        browser,
        async (library) => {
          await mkdir(path.join(library, 'img'));
          await writeFile(path.join(library, 'img', 'pixel.png'), png);
          await writeFile(path.join(library, 'rich.md'), richArticle);
        },
        { colorScheme },
      );
      const { page } = app;
      await page.getByRole('link', { name: /The export is the preview/ }).click();
      const preview = previewArticle(page);
      await preview.locator('.footnotes').waitFor();
      const frame = page.locator('iframe[title="Preview"]');
      const box = (await frame.boundingBox())!;
      const previewShot = await frame.screenshot();
      const { previewLayout, exportLayout, exported, context } = await previewAndExport(app, 'rich', {
        colorScheme,
      });
      const exportShot = await exported.screenshot();
      expect(exportLayout.length).toBeGreaterThan(15);
      expect(exportLayout).toEqual(previewLayout);

      const side = await context.newPage();
      await side.setViewportSize({
        width: Math.round(box.width) * 2 + 24,
        height: Math.round(box.height) + 40,
      });
      await side.setContent(
        `<body style="margin:0;display:flex;gap:24px;background:#888;font:13px sans-serif">` +
          `<figure style="margin:0"><figcaption>Preview</figcaption><img src="data:image/png;base64,${previewShot.toString('base64')}"></figure>` +
          `<figure style="margin:0"><figcaption>Export</figcaption><img src="data:image/png;base64,${exportShot.toString('base64')}"></figure></body>`,
      );
      await side.screenshot({ path: path.join(screenshotDir, `export-vs-preview-${colorScheme}.png`) });
      await context.close();
      await app.close();
    }
  });

  it('shows the title block of a frontmatter title without an H1 in the preview as in the export', async () => {
    const titled = [
      '---',
      'title: "Owls <b>at</b> dusk"',
      'description: A field note.',
      'author: Ada',
      'date: 2026-11-27',
      '---',
      '',
      'Owls hunt at dusk, and *listen* more than they look.',
      '',
      '## Where',
      '',
      'In the wood behind the house.',
      '',
    ].join('\n');
    const app = await openApp(browser, (library) => writeFile(path.join(library, 'owls.md'), titled));
    const { page } = app;
    await page.getByRole('link', { name: /Owls/ }).click();
    const preview = previewArticle(page);
    const block = preview.locator(':scope > header.folio-title-block');
    // The title is text: the <b> in it is not markup.
    await expect(block.locator('h1').textContent()).resolves.toBe('Owls <b>at</b> dusk');
    await expect(block.locator('.folio-byline').textContent()).resolves.toBe('Ada · 2026-11-27');
    const { previewLayout, exportLayout, context } = await previewAndExport(app, 'owls');
    expect(exportLayout[0]).toMatch(/^HEADER /);
    expect(exportLayout).toEqual(previewLayout);
    await context.close();
    await app.close();
  });

  it("lays out a long article like the export, across the preview's block chunks", async () => {
    // Every kind of block at every position relative to a chunk boundary (48 blocks a chunk).
    const kinds = [
      (n: number) => `## Part ${n}`,
      (n: number) => `Paragraph ${n} with *emphasis* and a [link](https://example.com).`,
      (n: number) => `- item ${n}\n- another item`,
      (n: number) => `> A quotation, number ${n}.`,
      (n: number) => '```\ncode ' + n + '\n```',
      (n: number) => `| a | b |\n|---|---|\n| ${n} | x |`,
      (n: number) => `### Small heading ${n}`,
      () => '---',
    ];
    const blocks = Array.from({ length: 7 * 48 + 5 }, (_, n) => kinds[(n * 5) % kinds.length]!(n));
    const text = `---\ntitle: Long layout\n---\n\n# Long layout\n\n${blocks.join('\n\n')}\n`;
    const app = await openApp(browser, (library) => writeFile(path.join(library, 'long.md'), text));
    const { page } = app;
    await page.getByRole('link', { name: /Long layout/ }).click();
    const preview = previewArticle(page);
    const lastParagraph = [...blocks].reverse().find((block) => block.startsWith('Paragraph'))!;
    await preview
      .locator('p', { hasText: lastParagraph.slice(0, lastParagraph.indexOf(' with')) })
      .waitFor({ state: 'attached' });
    expect(await preview.locator('.folio-chunk').count()).toBeGreaterThan(5);
    // Skipped content is laid out at estimated sizes: measure both with everything rendered.
    const { previewLayout, exportLayout, context } = await previewAndExport(app, 'long', { showAll: true });
    expect(exportLayout.length).toBeGreaterThan(blocks.length);
    expect(previewLayout).toEqual(exportLayout);
    await context.close();
    await app.close();
  });
});

/**
 * The layout ({@link layoutOf}) of the open article's preview, and of its export opened in a
 * new context of the preview frame's size (close `context` when done).
 */
async function previewAndExport(
  app: AppUnderTest,
  name: string,
  options: { colorScheme?: 'light' | 'dark'; showAll?: boolean } = {},
): Promise<{ previewLayout: string[]; exportLayout: string[]; exported: Page; context: BrowserContext }> {
  const showAll = options.showAll ?? false;
  const box = (await app.page.locator('iframe[title="Preview"]').boundingBox())!;
  const previewLayout = await app.page
    .frameLocator('iframe[title="Preview"]')
    .locator('#folio-preview')
    .evaluate(layoutOf, showAll);
  const out = path.join(app.library, 'export');
  await exportArticleFile({ root: app.library, outDir: out }, `${name}.md`, {});
  const context = await browser.newContext({
    viewport: { width: Math.round(box.width), height: Math.round(box.height) },
    ...(options.colorScheme ? { colorScheme: options.colorScheme } : {}),
  });
  const exported = await context.newPage();
  await exported.goto(pathToFileURL(path.join(out, `${name}.html`)).href);
  const exportLayout = await exported.locator('article').evaluate(layoutOf, showAll);
  return { previewLayout, exportLayout, exported, context };
}

/**
 * Tag, position, size, font and colours of each block of an article, for comparing layouts;
 * with `showAll`, every block rendered (`content-visibility` lays skipped ones out at estimated sizes).
 */
function layoutOf(article: Element, showAll = false): string[] {
  if (showAll) {
    const sheet = [...article.ownerDocument.styleSheets].find((candidate) => {
      try {
        return candidate.cssRules.length >= 0;
      } catch {
        return false;
      }
    })!;
    // What `content-visibility: auto` keeps on a block that is on screen: its containment.
    sheet.insertRule(
      '.folio-article > *, .folio-chunk > * { content-visibility: visible !important; contain: layout style paint; }',
      sheet.cssRules.length,
    );
  }
  const top = article.getBoundingClientRect().top;
  return [
    ...article.querySelectorAll(
      ':scope > :not(.folio-chunk, .folio-footnotes:empty), :scope > .folio-chunk > *, :scope li, :scope td, :scope h2, :scope img',
    ),
  ].map((el) => {
    const rect = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return [
      el.tagName,
      Math.round(rect.top - top),
      Math.round(rect.left),
      Math.round(rect.width),
      Math.round(rect.height),
      style.fontFamily,
      style.fontSize,
      style.color,
      style.backgroundColor,
    ].join(' ');
  });
}
