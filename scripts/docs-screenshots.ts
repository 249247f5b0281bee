/**
 * Takes the README's screenshots from the real app in browser mode, on a fresh home folder:
 * the first start (the sample library with the Welcome tour, light), the export dialog (light)
 * and the review's rendered comparison of an article with its earlier snapshot (dark).
 *
 *   npm run build && npx tsx scripts/docs-screenshots.ts
 *
 * Needs Chromium at /usr/bin/chromium (or FOLIO_CHROMIUM).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const home = await mkdtemp(path.join(os.tmpdir(), 'folio-docs-'));
process.env.HOME = home;
delete process.env.FOLIO_LIBRARY;
// Imported after HOME is set: the default library and app data live under it.
const { startBrowserMode } = await import('../electron/web');

const running = await startBrowserMode({
  rendererDir: path.join(root, 'out', 'renderer'),
  appDataDir: path.join(home, 'data'),
});
const browser = await chromium.launch({
  executablePath: process.env.FOLIO_CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
try {
  const light = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: 'light' });
  await light.goto(running.server.openUrl);
  await light.frameLocator('iframe[title="Preview"]').locator('h1, .title-block').first().waitFor();
  await light.waitForTimeout(800);
  await light.screenshot({ path: path.join(root, 'docs', 'screenshot.png') });
  await light.locator('.cm-content').first().click();
  await light.keyboard.press('ControlOrMeta+Shift+E');
  const exportButton = light
    .getByRole('dialog', { name: 'Export to HTML' })
    .getByRole('button', { name: 'Export', exact: true });
  // The dialog checks the article and the folder first; the button waits for both.
  for (let tries = 0; tries < 100 && !(await exportButton.isEnabled()); tries++)
    await light.waitForTimeout(100);
  await light.waitForTimeout(300);
  await light.screenshot({ path: path.join(root, 'docs', 'screenshot-export.png') });
  await light.close();

  const dark = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: 'dark' });
  await dark.goto(running.server.openUrl);
  const history = dark.getByRole('complementary', { name: 'History' });
  await dark.locator('.cm-content').first().waitFor();
  await dark.getByRole('toolbar', { name: 'Workspace' }).getByRole('button', { name: 'History' }).click();
  await history.getByLabel('Snapshot name').fill('Sent to editor');
  await history.getByRole('button', { name: 'Take snapshot' }).click();
  await history.getByText('Sent to editor').waitFor();
  // An editor's pass over the opening: a sentence reworded, one added.
  // Click at the end of the paragraph's last source line (bottom right of its box: the line wraps).
  const box = await dark
    .locator('.cm-line', { hasText: 'own, and Folio saves them as you write.' })
    .first()
    .boundingBox();
  if (!box) throw new Error('The Welcome article has changed: update this script.');
  await dark.mouse.click(box.x + box.width - 4, box.y + box.height - 6);
  await dark.keyboard.press('End');
  for (let i = 0; i < 'write.'.length; i++) await dark.keyboard.press('Backspace');
  await dark.keyboard.type('draft, and Sync sends it to your editor.');
  await dark.keyboard.press('Control+s');
  await dark
    .getByRole('contentinfo')
    .getByText(/^Saved/)
    .first()
    .waitFor();
  await history
    .getByRole('list', { name: 'Snapshots' })
    .getByRole('listitem')
    .filter({ hasText: 'Sent to editor' })
    .getByRole('button', { name: 'Compare with current' })
    .click();
  const compare = dark.getByRole('region', { name: 'Compare versions' });
  await compare.frameLocator('iframe[title="Rendered after"]').locator('ins').first().waitFor();
  await dark.waitForTimeout(500);
  await dark.screenshot({ path: path.join(root, 'docs', 'screenshot-review-dark.png') });
  await dark.close();
} finally {
  await browser.close();
  await running.close();
  await rm(home, { recursive: true, force: true });
}
console.log('docs/screenshot.png, screenshot-export.png and screenshot-review-dark.png written');
