import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runGit, startGitServer, type GitServer } from '../helpers/git-server';
import { writeFiles } from '../helpers/temp-dir';
import { accessibilityReport } from './accessibility-variants';
import { launchChromium, openAppOnFolder, screenshot, type AppUnderTest } from './harness';

// The git screens, checked with axe-core (WCAG 2.2 A/AA) in light, dark and at 200% zoom, on a
// clone of a real git server: the tree's change marks, and the sync dialog from the commit
// message through a refused sign-in to its result.

const essay = '---\ntitle: The Essay\nstatus: draft\n---\n\nFirst paragraph about rivers.\n';

let browser: Browser;
let server: GitServer;
let temp: string;
let app: AppUnderTest;
beforeAll(async () => {
  browser = await launchChromium();
  temp = await mkdtemp(path.join(os.tmpdir(), 'folio-e2e-axe-git-'));
  const seed = path.join(temp, 'seed');
  await writeFiles(seed, { 'essay.md': essay, 'notes/ideas.md': '---\ntitle: Ideas\n---\n\nOne idea.\n' });
  server = await startGitServer({ repos: { library: seed }, users: { ann: 'ann-secret' } });
  const library = path.join(temp, 'library');
  const basic = Buffer.from('ann:ann-secret').toString('base64');
  await runGit([
    '-c',
    `http.extraHeader=Authorization: Basic ${basic}`,
    'clone',
    '--quiet',
    server.url('library'),
    library,
  ]);
  await runGit(['config', 'user.name', 'Ann Author'], { cwd: library });
  await runGit(['config', 'user.email', 'ann@example.com'], { cwd: library });
  app = await openAppOnFolder(browser, library);
});
afterAll(async () => {
  try {
    await app?.close();
  } finally {
    await server?.stop();
    await browser?.close();
    await rm(temp, { recursive: true, force: true });
  }
});

describe(
  'the git screens pass axe’s WCAG 2.2 AA rules (no serious or critical violation)',
  { timeout: 180_000 },
  () => {
    it('the library with an article changed since the last sync', async () => {
      const { page } = app;
      await writeFile(path.join(app.library, 'essay.md'), `${essay}\nAnd lakes.\n`);
      const pane = page.getByRole('navigation', { name: 'Library' });
      await expect
        .poll(() => pane.getByRole('treeitem', { name: /The Essay/ }).textContent())
        .toContain('modified since the last sync');
      expect(await accessibilityReport(page, 'git changes in the library')).toBe('');
    });

    it('the sync dialog: commit message, sign-in refused, and the result', async () => {
      const { page } = app;
      await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /^Sync/ }).click();
      const dialog = page.getByRole('dialog');
      const message = dialog.getByRole('textbox', { name: 'Commit message' });
      await message.waitFor();
      let report = await accessibilityReport(page, 'sync dialog');

      await dialog.getByRole('button', { name: 'Sync', exact: true }).click();
      const signIn = page.getByRole('dialog', { name: 'Sign in to sync' });
      await signIn.getByRole('textbox', { name: 'User name' }).fill('ann');
      await signIn.getByLabel('Password or token').fill('not-the-password');
      await signIn.getByRole('button', { name: 'Sign in and sync' }).click();
      await expect.poll(() => signIn.getByRole('alert').textContent()).toMatch(/^Signing in did not work/);
      report += await accessibilityReport(page, 'sync sign-in refused');

      await signIn.getByRole('textbox', { name: 'User name' }).fill('ann');
      await signIn.getByLabel('Password or token').fill('ann-secret');
      await signIn.getByRole('button', { name: 'Sign in and sync' }).click();
      const result = page.getByRole('dialog').locator('.folio-git-result');
      await result.waitFor({ timeout: 20_000 }).catch(async (error: unknown) => {
        await screenshot(page, 'axe-git-sync-stuck');
        throw error;
      });
      report += await accessibilityReport(page, 'sync result');
      await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      expect(report).toBe('');
    });
  },
);
