import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runGit, startGitServer, type GitServer } from '../helpers/git-server';
import { writeFiles } from '../helpers/temp-dir';
import { openAppOnFolder, type AppOnFolder } from './app-on-folder';
import { editorText, launchChromium, screenshot } from './harness';

const essay =
  '---\ntitle: The Essay\n---\n\nFirst paragraph about rivers.\n\nSecond paragraph about mountains.\n\nThird paragraph about the sea.\n';
const seed = { 'essay.md': essay, 'notes/ideas.md': '---\ntitle: Ideas\n---\n\nOne idea.\n' };
const users = { ann: 'ann-secret', ed: 'ed-secret' };

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'folio-e2e-git-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

async function startServer(): Promise<GitServer> {
  const seedDir = await tempDir();
  await writeFiles(seedDir, seed);
  const server = await startGitServer({ repos: { library: seedDir }, users });
  cleanups.push(() => server.stop());
  return server;
}

async function openApp(library: string, colorScheme: 'light' | 'dark' = 'light'): Promise<AppOnFolder> {
  const app = await openAppOnFolder(browser, library, { colorScheme });
  cleanups.push(() => app.close());
  return app;
}

/** A clone made with git itself, signed in through a header so that no password is kept. */
async function cloneWithGit(server: GitServer, user: keyof typeof users): Promise<string> {
  const folder = path.join(await tempDir(), 'library');
  const basic = Buffer.from(`${user}:${users[user]}`).toString('base64');
  await runGit([
    '-c',
    `http.extraHeader=Authorization: Basic ${basic}`,
    'clone',
    '--quiet',
    server.url('library'),
    folder,
  ]);
  return folder;
}

function pane(page: Page) {
  return page.getByRole('navigation', { name: 'Library' });
}

function syncButton(page: Page) {
  return pane(page).getByRole('button', { name: /^Sync|^Resolve/ });
}

async function openArticle(page: Page, title: RegExp): Promise<void> {
  await pane(page).getByRole('link', { name: title }).click();
  await page.getByLabel('Markdown source').waitFor();
}

/** Types `words` at the end of the editor line that holds `line`, then saves. */
async function appendToLine(page: Page, line: string, words: string): Promise<void> {
  await page.locator('.cm-line', { hasText: line }).click();
  await page.keyboard.press('End');
  await page.keyboard.type(words);
  await page.keyboard.press('Control+s');
  await expect.poll(() => page.title()).not.toMatch(/^•/);
}

/** Runs Sync through its dialog (signing in when asked) and returns the result in words. */
async function sync(
  page: Page,
  options: { signIn?: keyof typeof users; message?: string } = {},
): Promise<string> {
  await syncButton(page).click();
  const dialog = page.getByRole('dialog');
  const message = dialog.getByRole('textbox', { name: 'Commit message' });
  const result = dialog.locator('.folio-git-result');
  const signIn = page.getByRole('dialog', { name: 'Sign in to sync' });
  await Promise.race([message.waitFor(), result.waitFor(), signIn.waitFor()]);
  if (await message.isVisible()) {
    if (options.message !== undefined) await message.fill(options.message);
    await dialog.getByRole('button', { name: 'Sync', exact: true }).click();
  }
  if (options.signIn) {
    await signIn.waitFor();
    await signIn.getByRole('textbox', { name: 'User name' }).fill(options.signIn);
    await signIn.getByLabel('Password or token').fill(users[options.signIn]);
    await signIn.getByRole('button', { name: 'Sign in and sync' }).click();
  }
  await result.waitFor();
  return (await result.textContent()) ?? '';
}

async function closeDialog(page: Page): Promise<void> {
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
  await page.getByRole('dialog').waitFor({ state: 'detached' });
}

function remoteFile(server: GitServer, file: string): Promise<string> {
  return runGit(['show', `main:${file}`], { cwd: server.repoDir('library') });
}

describe('sharing a library with git, in the app', () => {
  it('clones a library (asking for credentials), then an author’s sync reaches an editor’s app', async () => {
    const server = await startServer();
    const start = await tempDir();
    await writeFiles(start, { 'welcome.md': '# Welcome\n' });
    const author = await openApp(start);
    const { page } = author;

    await pane(page).getByRole('button', { name: 'Clone library…' }).click();
    const clone = page.getByRole('dialog', { name: 'Clone library' });
    await clone.getByRole('textbox', { name: 'Repository address' }).fill('ftp://example.com/x.git');
    await clone.getByRole('button', { name: 'Clone and open' }).click();
    await expect.poll(() => clone.getByRole('alert').textContent()).toMatch(/http:\/\/ or https:\/\//);

    const authorFolder = path.join(await tempDir(), 'essays');
    await clone.getByRole('textbox', { name: 'Repository address' }).fill(server.url('library'));
    await clone.getByRole('textbox', { name: 'Folder' }).fill(start);
    await clone.getByRole('button', { name: 'Clone and open' }).click();
    await expect.poll(() => clone.getByRole('alert').textContent()).toMatch(/not empty/);

    await clone.getByRole('textbox', { name: 'Folder' }).fill(authorFolder);
    await clone.getByRole('button', { name: 'Clone and open' }).click();
    await expect.poll(() => clone.getByRole('alert').textContent()).toMatch(/user name/);
    await clone.getByRole('textbox', { name: 'User name' }).fill('ann');
    await clone.getByLabel('Password or token').fill(users.ann);
    await screenshot(page, 'git-clone-dialog-light');
    await clone.getByRole('button', { name: 'Clone and open' }).click();

    // The page starts over on the clone.
    await pane(page)
      .getByRole('link', { name: /The Essay/ })
      .waitFor({ timeout: 20_000 });
    await expect.poll(() => pane(page).locator('.folio-git-branch').textContent()).toContain('main');
    expect(await readFile(path.join(authorFolder, 'essay.md'), 'utf8')).toBe(essay);

    const editor = await openApp(await cloneWithGit(server, 'ed'));
    await openArticle(editor.page, /The Essay/);

    await openArticle(page, /The Essay/);
    await appendToLine(page, 'First paragraph about rivers.', ' And lakes.');
    const row = pane(page).getByRole('treeitem', { name: /The Essay/ });
    await expect.poll(() => row.textContent()).toContain('modified since the last sync');
    expect(await syncButton(page).getAttribute('aria-label')).toBe('Sync, 1 changed article');
    await screenshot(page, 'git-sync-bar-light');

    const sent = await sync(page);
    expect(sent).toMatch(/Sent/);
    await closeDialog(page);
    expect(await remoteFile(server, 'essay.md')).toContain('rivers. And lakes.');
    expect(await runGit(['log', '-1', '--format=%s', 'main'], { cwd: server.repoDir('library') })).toMatch(
      /The Essay/,
    );
    await expect.poll(() => row.textContent()).not.toContain('since the last sync');
    expect(await syncButton(editor.page).getAttribute('aria-label')).toBe('Sync, no changes');

    // The editor's app has no credentials yet: Sync asks, then receives the change.
    const received = await sync(editor.page, { signIn: 'ed' });
    expect(received).toMatch(/[Rr]eceived 1 article/);
    await expect.poll(() => editorText(editor.page)).toContain('rivers. And lakes.');
    await closeDialog(editor.page);
    expect(await focusedText(editor.page)).toMatch(/^Sync/);
  });
});

function focusedText(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.textContent ?? '');
}
