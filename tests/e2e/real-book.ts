import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Locator } from 'playwright-core';
import { expect } from 'vitest';
import { realBook } from '../helpers/real-documents';
import { openApp, type AppUnderTest } from './harness';

/** The real-document book (tests/helpers/real-documents.ts), built once per test file. */
export const book = realBook();

/** How many patches the preview frame has shown since it loaded (see `DomPatcher.recordPatch`). */
export function patchesShown(frame: Locator): Promise<number> {
  return frame.evaluate((element: HTMLIFrameElement) => Number(element.dataset.previewPatches ?? 0));
}

/** Opens the book in a fresh app and waits until the preview shows all of it (its first patch). */
export async function openBook(browser: Browser): Promise<{ app: AppUnderTest; frame: Locator }> {
  const app = await openApp(browser, (library) => writeFile(path.join(library, 'book.md'), book));
  const frame = app.page.locator('iframe[title="Preview"]');
  await app.page.getByRole('link', { name: /A book of package READMEs/ }).click();
  await expect.poll(() => patchesShown(frame), { timeout: 120_000 }).toBe(1);
  return { app, frame };
}
