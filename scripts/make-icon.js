// Renders the app icon's one source, build/icon.svg, to build/icon.png (1024 × 1024) in
// Chromium. electron-builder makes every other size and format (.icns, .ico, the Linux set)
// from that PNG. Run it after changing the SVG: `node scripts/make-icon.js`.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('..', import.meta.url));
const size = 1024;

const svg = await readFile(path.join(root, 'build', 'icon.svg'), 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.FOLIO_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(
    `<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block}</style>${svg}`,
  );
  await page.screenshot({ path: path.join(root, 'build', 'icon.png'), omitBackground: true });
} finally {
  await browser.close();
}
