import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editorText, launchChromium, openApp, previewArticle, screenshot } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Starts `folio web` as `npm run web` does, in `env`, and resolves with the address it prints. */
function startWeb(env: NodeJS.ProcessEnv): { child: ChildProcess; url: Promise<string> } {
  const child = spawn(process.execPath, ['bin/folio.js', 'web', '--port', '0'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (data: Buffer) => {
      out += data.toString();
      const found = /Folio is running at (\S+)/.exec(out)?.[1];
      if (found) resolve(found);
    });
    child.stderr!.on('data', (data: Buffer) => (err += data.toString()));
    child.once('exit', (code) => reject(new Error(`folio web exited with ${code}: ${err}`)));
  });
  return { child, url };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill();
  await exited;
}

/** A fresh HOME: no app data, no library, no FOLIO_* variables. */
function freshHomeEnv(home: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, USERPROFILE: home };
  for (const name of ['FOLIO_LIBRARY', 'FOLIO_DATA_DIR', 'XDG_CONFIG_HOME', 'APPDATA']) delete env[name];
  return env;
}

/** The text of the line the editor's cursor is on. */
function cursorLine(page: Page): Promise<string> {
  return page.evaluate(() => {
    const selection = document.getSelection();
    const node = selection?.focusNode ?? null;
    const element = node instanceof Element ? node : (node?.parentElement ?? null);
    return element?.closest('.cm-line')?.textContent ?? '';
  });
}

describe('the first minute', () => {
  it('opens a fresh HOME on the Welcome article, in the editor and its preview, without a click', async () => {
    const home = await mkdtemp(path.join(os.tmpdir(), 'folio-e2e-home-'));
    const { child, url } = startWeb(freshHomeEnv(home));
    try {
      const address = await url;
      for (const colorScheme of ['light', 'dark'] as const) {
        const context = await browser.newContext({ viewport: { width: 1360, height: 860 }, colorScheme });
        const page = await context.newPage();
        const errors: string[] = [];
        page.on('pageerror', (error) => errors.push(error.message));
        await page.goto(address);
        await expect.poll(() => editorText(page), { timeout: 15_000 }).toContain('# Welcome to Folio');
        await expect
          .poll(() => previewArticle(page).locator('h1').first().textContent())
          .toBe('Welcome to Folio');
        await expect
          .poll(() => previewArticle(page).locator('h2').allTextContents())
          .toEqual(['The three panes', 'The form', 'Four shortcuts', 'When the draft is ready', 'Footnotes']);
        // The cursor is in the text, below the title, and typing goes there.
        expect(await page.evaluate(() => document.activeElement?.classList.contains('cm-content'))).toBe(
          true,
        );
        expect(await cursorLine(page)).toMatch(/^Your cursor is in this article/);
        await expect
          .poll(() => page.getByRole('treeitem', { name: /Welcome to Folio/ }).getAttribute('aria-selected'))
          .toBe('true');
        await screenshot(page, `first-run-${colorScheme}`);
        if (colorScheme === 'dark') {
          await page.keyboard.type('Hello. ');
          await expect.poll(() => editorText(page)).toMatch(/\nHello\. Your cursor is in this article/);
          await page.keyboard.press('Control+z');
        }
        await context.close();
        expect(errors).toEqual([]);
      }
      // The samples went into ~/Documents/Folio, Folio's data into ~/.config/Folio.
      expect((await readdir(path.join(home, 'Documents', 'Folio'))).sort()).toEqual([
        'Welcome to Folio.md',
        'Writing with frontmatter.md',
        'drafts',
        'images',
      ]);
      expect(await readdir(path.join(home, '.config', 'Folio'))).toContain('recent-libraries.json');
    } finally {
      await stop(child);
    }
    // The next start reopens the same library but no longer opens the tour by itself.
    const again = startWeb(freshHomeEnv(home));
    try {
      const context = await browser.newContext({ viewport: { width: 1360, height: 860 } });
      const page = await context.newPage();
      await page.goto(await again.url);
      await page.getByRole('treeitem', { name: /Welcome to Folio/ }).waitFor();
      await page.getByRole('region', { name: 'No article open' }).waitFor();
      expect(await editorText(page)).toBe('');
      await context.close();
    } finally {
      await stop(again.child);
      await rm(home, { recursive: true, force: true });
    }
  });

  it('helps in an empty library: new article, open library, and quick-open', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const app = await openApp(browser, async () => undefined, { colorScheme });
      const { page } = app;
      try {
        const pane = page.getByRole('navigation', { name: 'Library' });
        await pane.getByText('This library has no articles yet.').waitFor();
        await pane.locator('.folio-library-empty').getByRole('button', { name: 'New article' }).waitFor();
        const empty = page.getByRole('region', { name: 'No article open' });
        await empty.getByText('No article is open').waitFor();
        await screenshot(page, `empty-library-${colorScheme}`);
        if (colorScheme === 'dark') continue;

        await pane.locator('.folio-library-empty').getByRole('button', { name: 'Open library…' }).click();
        await page.getByRole('dialog', { name: 'Open library' }).waitFor();
        await page.keyboard.press('Escape');

        await empty.getByRole('button', { name: /Open an article/ }).click();
        await page.getByRole('dialog', { name: 'Open article' }).waitFor();
        await page.keyboard.press('Escape');

        await empty.getByRole('button', { name: 'New article' }).click();
        const dialog = page.getByRole('dialog', { name: 'New article' });
        await dialog.getByRole('textbox').first().fill('First steps');
        await page.keyboard.press('Enter');
        await page.getByRole('treeitem', { name: /First steps/ }).waitFor();
        await expect.poll(() => editorText(page)).toContain('First steps');
        await expect(page.getByRole('region', { name: 'No article open' }).count()).resolves.toBe(0);
      } finally {
        await app.close();
      }
    }
  });

  it('does not show an images or assets folder that holds no articles', async () => {
    const app = await openApp(browser, async (library) => {
      await mkdir(path.join(library, 'images'));
      await writeFile(path.join(library, 'images', 'desk.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
      await mkdir(path.join(library, 'notes', 'assets'), { recursive: true });
      await writeFile(path.join(library, 'notes', 'assets', 'photo.png'), '');
      await writeFile(path.join(library, 'notes', 'idea.md'), '---\ntitle: An idea\n---\n\nText.\n');
      await mkdir(path.join(library, 'assets', 'kept'), { recursive: true });
      await writeFile(
        path.join(library, 'assets', 'kept', 'guide.md'),
        '---\ntitle: A guide\n---\n\nText.\n',
      );
      await mkdir(path.join(library, 'empty'));
    });
    try {
      const { page } = app;
      await page.getByRole('treeitem', { name: /An idea/ }).waitFor();
      const names = await page.locator('[role="tree"] .folio-folder-name').allTextContents();
      expect(names).toContain('notes');
      expect(names).toContain('empty');
      expect(names).toContain('assets');
      expect(names).toContain('kept');
      expect(names).not.toContain('images');
      expect(names.filter((name) => name === 'assets')).toHaveLength(1);
    } finally {
      await app.close();
    }
  });
});
