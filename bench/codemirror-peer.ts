import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';

const source = path.resolve('bench/peers/codemirror-peer.ts');
const outDir = path.resolve('out/bench-peers');
const bundle = path.join(outDir, 'codemirror-peer.js');

/** Bundles the CodeMirror peer page's script once (again when its source is newer). */
async function peerBundle(): Promise<string> {
  if (existsSync(bundle) && statSync(bundle).mtimeMs >= statSync(source).mtimeMs) return bundle;
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: false,
      minify: true,
      lib: {
        entry: source,
        formats: ['iife'],
        name: 'folioCodeMirrorPeer',
        fileName: () => 'codemirror-peer.js',
      },
    },
  });
  return bundle;
}

/**
 * Opens a page holding `text` in a bare CodeMirror 6 (see peers/codemirror-peer.ts), focused with
 * the cursor at the end, sized like Folio's editor pane, and hands it to `measure`.
 */
export async function withCodeMirrorPeer<T>(
  browser: Browser,
  text: string,
  measure: (page: Page) => Promise<T>,
): Promise<T> {
  const script = await peerBundle();
  const context = await browser.newContext({ viewport: { width: 1360, height: 860 } });
  try {
    const page = await context.newPage();
    await page.setContent(
      '<!doctype html><html><head><style>body{margin:0 auto;width:560px;height:100vh}' +
        '.cm-editor{height:100%}</style></head><body></body></html>',
    );
    await page.evaluate(`window.peerText = ${JSON.stringify(text)}`);
    await page.addScriptTag({ path: script });
    await page.locator('.cm-content').waitFor();
    await page.waitForTimeout(500);
    return await measure(page);
  } finally {
    await context.close();
  }
}
