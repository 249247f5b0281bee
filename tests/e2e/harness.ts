import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { expect, onTestFinished } from 'vitest';
import { startBrowserMode } from '../../electron/web';

/** Where e2e screenshots go (ignored by git) so that people can look at them. */
export const screenshotDir = path.resolve('tests/e2e/screenshots');

/** Chromium flags for this sandbox-less, offline machine. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Launches Debian's Chromium (or `FOLIO_CHROMIUM`) headless. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.FOLIO_CHROMIUM ?? '/usr/bin/chromium',
    args: chromiumArgs,
  });
}

/**
 * A running Folio in browser mode over a temporary library, with a page open on it. The harness
 * closes it when the test that opened it finishes, passed or failed, so a failing test leaks no
 * server and no folder; `close()` closes it earlier (a second call does nothing). Closing fails
 * the test when the page threw an error.
 */
export interface AppUnderTest {
  readonly page: Page;
  readonly library: string;
  readonly url: string;
  readonly token: string;
  close(): Promise<void>;
}

/**
 * Runs `cleanUp` when the current test ends, passed or failed. An app opened in a `beforeAll`
 * hook (one app shared by a file's tests) belongs to that file, which closes it in `afterAll`.
 */
function closeWhenTestEnds(cleanUp: () => Promise<unknown>): void {
  try {
    onTestFinished(async () => {
      await cleanUp();
    });
  } catch {
    // Not inside a test: the file's `afterAll` closes the app.
  }
}

/**
 * Starts browser mode on a fresh temporary library (filled by `fill`), opens it in a new page
 * and waits until the library pane lists the articles.
 */
export async function openApp(
  browser: Browser,
  fill: (library: string) => Promise<void>,
  options: { colorScheme?: 'light' | 'dark' } = {},
): Promise<AppUnderTest> {
  const temp = await mkdtemp(path.join(os.tmpdir(), 'folio-e2e-'));
  closeWhenTestEnds(() => rm(temp, { recursive: true, force: true })); // also when `fill` fails
  const library = path.join(temp, 'library');
  await mkdir(library);
  await fill(library);
  return startApp(browser, library, temp, options);
}

/**
 * Starts browser mode on an existing `library` folder the test made (a git clone) with an
 * app-data folder of its own, so that two apps on two clones share nothing but the remote.
 */
export async function openAppOnFolder(
  browser: Browser,
  library: string,
  options: { colorScheme?: 'light' | 'dark' } = {},
): Promise<AppUnderTest> {
  return startApp(browser, library, await mkdtemp(path.join(os.tmpdir(), 'folio-e2e-data-')), options);
}

/**
 * Serves `library` in browser mode with app data under `temp` (removed on close), opens it in a
 * new page and waits for the library pane. Closing fails when the page threw an error.
 */
async function startApp(
  browser: Browser,
  library: string,
  temp: string,
  options: { colorScheme?: 'light' | 'dark' },
): Promise<AppUnderTest> {
  const running = await startBrowserMode({
    library,
    rendererDir: path.resolve('out/renderer'),
    appDataDir: path.join(temp, 'data'),
  });
  let context: BrowserContext | null = null;
  const errors: string[] = [];
  let closing: Promise<void> | null = null;
  const close = (): Promise<void> =>
    (closing ??= (async () => {
      try {
        await context?.close();
        await running.close();
      } finally {
        await rm(temp, { recursive: true, force: true });
      }
      if (errors.length > 0) throw new Error(`Errors in the page: ${errors.join('; ')}`);
    })());
  // Registered before anything else can fail, so that even a failed start is cleaned up.
  closeWhenTestEnds(close);
  context = await browser.newContext({
    viewport: { width: 1360, height: 860 },
    colorScheme: options.colorScheme ?? 'light',
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(running.server.openUrl);
  await page.getByRole('navigation', { name: 'Library' }).waitFor();
  return { page, library, url: running.server.url, token: running.server.token, close };
}

/** Saves a screenshot of the page under {@link screenshotDir}. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`) });
}

/** The preview frame's article element. */
export function previewArticle(page: Page): Locator {
  return page.frameLocator('iframe[title="Preview"]').locator('#folio-preview');
}

/**
 * The text of an editor as the author sees it, line by line (small documents: every line is
 * drawn); `content` is its `.cm-content`, the page's only one by default.
 */
export function editorText(page: Page, content: Locator = page.locator('.cm-content')): Promise<string> {
  return content.evaluate((element) =>
    Array.from(element.querySelectorAll('.cm-line'), (line) => line.textContent ?? '').join('\n'),
  );
}

/** Waits until the editor's text contains `fragment` (or, with `present` false, no longer does). */
export async function waitForYaml(page: Page, fragment: string, present = true): Promise<void> {
  await expect
    .poll(async () => (await editorText(page)).includes(fragment), { timeout: 10_000 })
    .toBe(present);
}

/** The accessible name of the focused element (its `aria-label`, else its text). */
export function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    return element?.getAttribute('aria-label') ?? element?.textContent ?? '';
  });
}
