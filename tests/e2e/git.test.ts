import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runGit, startGitServer, type GitServer } from '../helpers/git-server';
import { writeFiles } from '../helpers/temp-dir';
import { editorText, launchChromium, openAppOnFolder, screenshot, type AppUnderTest } from './harness';

const essay =
  '---\ntitle: The Essay\n---\n\nFirst paragraph about rivers.\n\nSecond paragraph about mountains.\n\nThird paragraph about the sea.\n';
const seed = { 'essay.md': essay, 'notes/ideas.md': '---\ntitle: Ideas\n---\n\nOne idea.\n' };
const users = { ann: 'ann-secret', ed: 'ed-secret' };
const names = { ann: 'Ann Author', ed: 'Ed Editor' };

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

async function openApp(library: string, colorScheme: 'light' | 'dark' = 'light'): Promise<AppUnderTest> {
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
  await runGit(['config', 'user.name', names[user]], { cwd: folder });
  await runGit(['config', 'user.email', `${user}@example.com`], { cwd: folder });
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
  options: { signIn?: keyof typeof users; message?: string; alreadyOpen?: boolean } = {},
): Promise<string> {
  if (!options.alreadyOpen) await syncButton(page).click();
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
    await syncButton(editor.page).click();
    const signIn = editor.page.getByRole('dialog', { name: 'Sign in to sync' });
    await signIn.getByRole('textbox', { name: 'User name' }).fill('ed');
    await signIn.getByLabel('Password or token').fill('not-the-password');
    await signIn.getByRole('button', { name: 'Sign in and sync' }).click();
    await expect.poll(() => signIn.getByRole('alert').textContent()).toMatch(/^Signing in did not work/);
    const received = await sync(editor.page, { signIn: 'ed', alreadyOpen: true });
    expect(received).toMatch(/[Rr]eceived 1 article/);
    await expect.poll(() => editorText(editor.page)).toContain('rivers. And lakes.');
    await closeDialog(editor.page);
    expect(await focusedText(editor.page)).toMatch(/^Sync/);
  });

  it('clones from the keyboard alone: palette, fields, sign-in, and Escape gives the focus back (dark)', async () => {
    const server = await startServer();
    const start = await tempDir();
    await writeFiles(start, { 'welcome.md': '# Welcome\n' });
    const { page } = await openApp(start, 'dark');
    const cloneButton = pane(page).getByRole('button', { name: 'Clone library…' });
    await cloneButton.focus();
    await page.keyboard.press('Enter');
    const clone = page.getByRole('dialog', { name: 'Clone library' });
    expect(await focusedLabel(page)).toBe('Repository address');
    await page.keyboard.press('Escape');
    await clone.waitFor({ state: 'detached' });
    expect(await focusedLabel(page)).toBe('Clone library…');

    await page.keyboard.press('Control+Shift+P');
    await page.keyboard.type('Clone library');
    await page.keyboard.press('Enter');
    await clone.waitFor();
    await page.keyboard.type(server.url('library'));
    await page.keyboard.press('Tab');
    expect(await focusedLabel(page)).toBe('Folder');
    const folder = path.join(await tempDir(), 'essays');
    await page.keyboard.press('Control+a');
    await page.keyboard.type(folder);
    await page.keyboard.press('Enter');
    await expect.poll(() => clone.getByRole('alert').textContent()).toMatch(/user name/);
    expect(await focusedLabel(page)).toBe('User name');
    await page.keyboard.type('ann');
    await page.keyboard.press('Tab');
    await page.keyboard.type('wrong');
    await page.keyboard.press('Enter');
    await expect.poll(() => clone.getByRole('alert').textContent()).toMatch(/Signing in did not work/);
    expect(await readdirOrNothing(folder)).toEqual([]);
    await screenshot(page, 'git-clone-dialog-dark');
    await clone.getByLabel('Password or token').fill(users.ann);
    await page.keyboard.press('Enter');
    await pane(page)
      .getByRole('link', { name: /The Essay/ })
      .waitFor({ timeout: 20_000 });
    await screenshot(page, 'git-sync-bar-dark');
  });

  /** Two apps on two clones made with git (both signed in), the author's already synced once. */
  async function twoClones(colorScheme: 'light' | 'dark' = 'light') {
    const server = await startServer();
    const author = await openApp(await cloneWithGit(server, 'ann'), colorScheme);
    const editor = await openApp(await cloneWithGit(server, 'ed'), colorScheme);
    expect(await sync(author.page, { signIn: 'ann' })).toMatch(/Sent|up to date/);
    await closeDialog(author.page);
    expect(await sync(editor.page, { signIn: 'ed' })).toMatch(/received|sent|up to date/i);
    await closeDialog(editor.page);
    return { server, author, editor };
  }

  for (const scheme of ['light', 'dark'] as const) {
    it(`walks both sides' edits of one paragraph through the 3-way merge to a pushed result (${scheme})`, async () => {
      const { server, author, editor } = await twoClones(scheme);
      await openArticle(author.page, /The Essay/);
      await appendToLine(author.page, 'Second paragraph about mountains.', ' Alpine meadows.');
      expect(await sync(author.page)).toMatch(/Sent 1 article/);
      await closeDialog(author.page);

      const { page } = editor;
      await openArticle(page, /The Essay/);
      await appendToLine(page, 'Second paragraph about mountains.', ' Volcanic peaks.');
      // Slow the answer down a little so that the progress bar can be looked at.
      await page.route('**/api/syncLibrary', async (route) => {
        const response = await route.fetch();
        await page.locator('.folio-git-progress').waitFor();
        await screenshot(page, `git-sync-progress-${scheme}`);
        await route.fulfill({ response });
      });
      await syncButton(page).click();
      const dialog = page.getByRole('dialog', { name: 'Sync library' });
      const message = dialog.getByRole('textbox', { name: 'Commit message' });
      expect(await message.inputValue()).toBe('Update “The Essay”');
      await screenshot(page, `git-sync-message-${scheme}`);
      await message.fill('Volcanoes for the mountains');
      await dialog.getByRole('button', { name: 'Sync', exact: true }).click();

      const merge = page.getByRole('dialog', { name: /Merge changes to “essay.md”/ });
      await merge.waitFor();
      expect(await merge.textContent()).toContain('Article 1 of 1');
      await screenshot(page, `git-sync-merge-${scheme}`);
      await merge.getByRole('radio', { name: 'Keep both' }).check();
      await merge.getByRole('button', { name: 'Finish sync' }).click();
      const result = page.getByRole('dialog').locator('.folio-git-result');
      await result.waitFor();
      expect(await result.textContent()).toMatch(/Merged 1 article as you chose/);
      await screenshot(page, `git-sync-result-${scheme}`);
      await closeDialog(page);

      // No word lost: both sentences in the editor's file, on the remote, and then at the author's.
      for (const text of [
        await readFile(path.join(editor.library, 'essay.md'), 'utf8'),
        await remoteFile(server, 'essay.md'),
      ]) {
        expect(text).toContain('Alpine meadows.');
        expect(text).toContain('Volcanic peaks.');
        expect(text).toContain('First paragraph about rivers.');
      }
      expect(await sync(author.page)).toMatch(/received 1 article/i);
      await closeDialog(author.page);
      const authorText = await readFile(path.join(author.library, 'essay.md'), 'utf8');
      expect(authorText).toBe(await remoteFile(server, 'essay.md'));
      await expect.poll(() => editorText(author.page)).toContain('Volcanic peaks.');
    });
  }

  it('walks several conflicted articles in turn, with keep-or-delete for one deleted on the other side', async () => {
    const { server, author, editor } = await twoClones();
    await openArticle(author.page, /The Essay/);
    await appendToLine(author.page, 'First paragraph about rivers.', ' Estuaries.');
    await pane(author.page).getByRole('treeitem', { name: /Ideas/ }).click({ button: 'right' });
    await author.page.getByRole('menuitem', { name: 'Delete' }).click();
    expect(await sync(author.page)).toMatch(/Sent 2 articles/);
    await closeDialog(author.page);

    const { page } = editor;
    await openArticle(page, /Ideas/);
    await appendToLine(page, 'One idea.', ' A second idea.');
    await openArticle(page, /The Essay/);
    await appendToLine(page, 'First paragraph about rivers.', ' Springs.');
    await syncButton(page).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Sync', exact: true }).click();

    const merge = page.getByRole('dialog', { name: /Merge changes to “essay.md”/ });
    await merge.waitFor();
    expect(await merge.textContent()).toContain('Article 1 of 2');
    await merge.getByRole('radio', { name: 'Keep mine' }).check();
    await merge.getByRole('button', { name: 'Next article' }).click();

    const choice = page.getByRole('dialog', { name: /Keep or delete “notes\/ideas.md”/ });
    await choice.waitFor();
    expect(await choice.textContent()).toContain('Article 2 of 2');
    expect(await choice.textContent()).toContain('deleted on the remote');
    expect(await choice.getByLabel('Changed text').textContent()).toContain('A second idea.');
    await screenshot(page, 'git-sync-deleted-choice-light');
    await choice.getByRole('button', { name: 'Delete the article' }).click();
    const result = page.getByRole('dialog').locator('.folio-git-result');
    await result.waitFor();
    expect(await result.textContent()).toMatch(/Merged 2 articles as you chose/);
    await closeDialog(page);

    const remoteFiles = await runGit(['ls-tree', '-r', '--name-only', 'main'], {
      cwd: server.repoDir('library'),
    });
    expect(remoteFiles.split('\n')).not.toContain('notes/ideas.md');
    const essayThere = await remoteFile(server, 'essay.md');
    expect(essayThere).toContain('rivers. Springs.');
    expect(essayThere).toBe(await readFile(path.join(editor.library, 'essay.md'), 'utf8'));
    await expect.poll(() => pane(page).getByRole('treeitem', { name: /Ideas/ }).count()).toBe(0);
  });

  it('cancels a sync stopped on conflicts, even after a reload, leaving the library exactly as before', async () => {
    const { server, author, editor } = await twoClones();
    await openArticle(author.page, /The Essay/);
    await appendToLine(author.page, 'Third paragraph about the sea.', ' Waves.');
    await sync(author.page);
    await closeDialog(author.page);
    const remoteHead = await runGit(['rev-parse', 'main'], { cwd: server.repoDir('library') });

    const { page } = editor;
    await openArticle(page, /The Essay/);
    await appendToLine(page, 'Third paragraph about the sea.', ' Tides.');
    const mine = await readFile(path.join(editor.library, 'essay.md'), 'utf8');
    const headBefore = await runGit(['rev-parse', 'HEAD'], { cwd: editor.library });
    await syncButton(page).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Sync', exact: true }).click();
    await page.getByRole('dialog', { name: /Merge changes/ }).waitFor();

    // The stopped sync outlives the page: the tree marks the article and Sync offers to resolve.
    await page.reload();
    const row = pane(page).getByRole('treeitem', { name: /The Essay/ });
    await expect.poll(() => row.textContent()).toContain('conflicted');
    expect(await syncButton(page).getAttribute('aria-label')).toBe('Resolve the conflicts of the last sync');
    await syncButton(page).click();
    const merge = page.getByRole('dialog', { name: /Merge changes to “essay.md”/ });
    await merge.getByRole('button', { name: 'Cancel sync' }).click();
    const result = page.getByRole('dialog').locator('.folio-git-result');
    await result.waitFor();
    expect(await result.textContent()).toMatch(/exactly as it was before/);
    await closeDialog(page);

    expect(await readFile(path.join(editor.library, 'essay.md'), 'utf8')).toBe(mine);
    expect(await runGit(['rev-parse', 'HEAD'], { cwd: editor.library })).toBe(headBefore);
    expect(await runGit(['rev-parse', 'main'], { cwd: server.repoDir('library') })).toBe(remoteHead);
    await expect.poll(() => row.textContent()).toContain('modified since the last sync');
    expect(await syncButton(page).getAttribute('aria-label')).toBe('Sync, 1 changed article');
  });

  it('says plainly when the remote cannot be reached and commits only when asked', async () => {
    const { server, author } = await twoClones();
    const { page } = author;
    await openArticle(page, /Ideas/);
    await appendToLine(page, 'One idea.', ' Another idea.');
    const remoteHead = await runGit(['rev-parse', 'main'], { cwd: server.repoDir('library') });
    const headBefore = await runGit(['rev-parse', 'HEAD'], { cwd: author.library });

    await server.goOffline();
    await page.keyboard.press('Control+Shift+S');
    await page.getByRole('dialog').getByRole('button', { name: 'Sync', exact: true }).click();
    const offline = page.getByRole('dialog', { name: 'Cannot reach the remote' });
    await offline.waitFor();
    expect(await offline.getByRole('alert').textContent()).toMatch(/Nothing was changed/);
    expect(await runGit(['rev-parse', 'HEAD'], { cwd: author.library })).toBe(headBefore);
    await screenshot(page, 'git-sync-offline-light');
    await offline.getByRole('button', { name: 'Commit only' }).click();
    const result = page.getByRole('dialog').locator('.folio-git-result');
    await result.waitFor();
    await closeDialog(page);

    const log = await runGit(['log', '-1', '--format=%s'], { cwd: author.library });
    expect(log.trim()).toBe('Update “Ideas”');
    expect(await runGit(['rev-parse', 'main'], { cwd: server.repoDir('library') })).toBe(remoteHead);
    await expect.poll(() => pane(page).locator('.folio-git-ahead').textContent()).toContain('↑1');

    await server.goOnline();
    expect(await sync(page)).toMatch(/Sent/);
    await closeDialog(page);
    expect(await remoteFile(server, 'notes/ideas.md')).toContain('Another idea.');
  });

  it('marks new and deleted articles, and lists an article’s commits in History with compare and restore', async () => {
    const { author, editor } = await twoClones();
    await openArticle(editor.page, /The Essay/);
    await appendToLine(editor.page, 'First paragraph about rivers.', ' Deltas.');
    expect(await sync(editor.page, { message: 'Deltas for the rivers' })).toMatch(/Sent/);
    await closeDialog(editor.page);

    const { page } = author;
    expect(await sync(page)).toMatch(/received/i);
    await closeDialog(page);
    await pane(page).getByRole('button', { name: 'New article' }).click();
    await page.getByRole('dialog').getByRole('textbox').first().fill('Fresh start');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /Create/ })
      .click();
    await page.getByLabel('Markdown source').waitFor();
    const fresh = pane(page).getByRole('treeitem', { name: /Fresh start/ });
    await expect.poll(() => fresh.textContent()).toContain('new since the last sync');
    await pane(page).getByRole('treeitem', { name: /Ideas/ }).click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    const deleted = pane(page).getByRole('list', { name: 'Deleted since the last sync' });
    await expect.poll(() => deleted.textContent()).toContain('notes/ideas.md');
    await expect.poll(() => syncButton(page).getAttribute('aria-label')).toBe('Sync, 2 changed articles');
    await screenshot(page, 'git-tree-marks-light');

    await openArticle(page, /The Essay/);
    await page.keyboard.press('Control+Alt+h');
    const commits = page.getByRole('list', { name: 'Commits of this article' });
    await expect.poll(() => commits.getByRole('listitem').count()).toBe(2);
    const newest = commits.getByRole('listitem').first();
    expect(await newest.textContent()).toContain('Deltas for the rivers');
    expect(await newest.textContent()).toContain('Ed Editor');
    expect(await commits.getByRole('listitem').last().textContent()).toContain('First articles');
    await screenshot(page, 'git-history-light');

    await commits
      .getByRole('listitem')
      .last()
      .getByRole('button', { name: /^Compare/ })
      .click();
    const compare = page.getByRole('region', { name: 'Compare versions' });
    await compare.waitFor();
    expect(await compare.getByLabel('Changes').textContent()).toMatch(/^\+1 word −0 words in 1 place$/);
    await compare.getByRole('button', { name: 'Close comparison' }).click();

    await commits
      .getByRole('listitem')
      .last()
      .getByRole('button', { name: /^Restore/ })
      .click();
    await expect.poll(() => editorText(page)).not.toContain('Deltas.');
    await page.getByLabel('Markdown source').focus();
    await page.keyboard.press('Control+z');
    await expect.poll(() => editorText(page)).toContain('Deltas.');
  });
});

/** The label of the focused field or button (its aria-label, its <label>, else its text). */
function focusedLabel(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLInputElement | null;
    const label = element?.labels?.[0]?.firstChild?.textContent;
    return (element?.getAttribute('aria-label') ?? label ?? element?.textContent ?? '').trim();
  });
}

/** The names in a folder; none when it does not exist (a failed clone leaves nothing behind). */
function readdirOrNothing(folder: string): Promise<string[]> {
  return readdir(folder).catch(() => []);
}

function focusedText(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.textContent ?? '');
}
