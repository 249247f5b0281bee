import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startBrowserMode } from '../../electron/web';

/** Folio in browser mode on a folder the test made (a git clone), with a page open on it. */
export interface AppOnFolder {
  readonly page: Page;
  readonly library: string;
  /** Errors the page threw so far. */
  readonly errors: readonly string[];
  close(): Promise<void>;
}

/**
 * Starts browser mode on an existing `library` folder with its own app-data folder (so two apps
 * on two clones share nothing but the remote), opens it in a new page and waits for the library
 * pane. Closing fails when the page threw an error.
 */
export async function openAppOnFolder(
  browser: Browser,
  library: string,
  options: { colorScheme?: 'light' | 'dark' } = {},
): Promise<AppOnFolder> {
  const appData = await mkdtemp(path.join(os.tmpdir(), 'folio-e2e-data-'));
  const running = await startBrowserMode({
    library,
    rendererDir: path.resolve('out/renderer'),
    appDataDir: appData,
  });
  const context = await browser.newContext({
    viewport: { width: 1360, height: 860 },
    colorScheme: options.colorScheme ?? 'light',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(running.server.openUrl);
  await page.getByRole('navigation', { name: 'Library' }).waitFor();
  return {
    page,
    library,
    errors,
    async close() {
      await context.close();
      await running.close();
      await rm(appData, { recursive: true, force: true });
      if (errors.length > 0) throw new Error(`Errors in the page: ${errors.join('; ')}`);
    },
  };
}
