import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureSampleLibrary } from '../../electron/library';
import { accessibilityReport } from './accessibility-variants';
import { launchChromium, openApp, previewArticle, type AppUnderTest } from './harness';

// Every screen of Folio, checked with axe-core (WCAG 2.2 A/AA) in light, dark and at 200% zoom.
// One app walks through the screens in turn, as an author would; each test leaves the app as it
// found it (nothing open on top) before it asserts, so that one failure does not hide the next.

const essay =
  '---\ntitle: Essay\nstatus: draft\n---\n\n# Essay\n\nThe quick brown fox jumps over the lazy dog.\n\nA second paragraph stays as it is.\n';

async function fillLibrary(library: string): Promise<void> {
  await ensureSampleLibrary(library);
  await writeFile(path.join(library, 'essay.md'), essay);
  await writeFile(path.join(library, 'notes.md'), '# Notes\n\nSide notes for the essay.\n');
  await writeFile(
    path.join(library, 'reviewed.md'),
    '# Reviewed\n\nThe {~~quick~>swift~~} fox {++really ++}jumps {--over--}{>>why?<<} the {==lazy==}{>>kind?<<} dog.\n',
  );
  await writeFile(path.join(library, 'gone.md'), '---\ntitle: Gone\nstatus: gone\n---\n\nBody.\n');
  await writeFile(path.join(library, 'broken.md'), '---\ntitle: [unclosed\n---\n\nBody.\n');
}

let browser: Browser;
let app: AppUnderTest;
let page: Page;
beforeAll(async () => {
  browser = await launchChromium();
  app = await openApp(browser, fillLibrary);
  page = app.page;
});
afterAll(async () => {
  try {
    await app?.close();
  } finally {
    await browser?.close();
  }
});

function libraryPane() {
  return page.getByRole('navigation', { name: 'Library' });
}

function mainEditor() {
  return page.getByRole('region', { name: 'Editor' }).getByLabel('Markdown source');
}

async function openArticle(title: RegExp): Promise<void> {
  await libraryPane().getByRole('link', { name: title }).click();
  await mainEditor().waitFor();
}

/** Presses Escape until `dialog` has gone. */
async function dismiss(dialog: ReturnType<Page['getByRole']>): Promise<void> {
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
}

describe(
  'every screen passes axe’s WCAG 2.2 AA rules (no serious or critical violation)',
  { timeout: 180_000 },
  () => {
    it('the start: the library with nothing open', async () => {
      await page.getByRole('region', { name: 'No article open' }).waitFor();
      expect(await accessibilityReport(page, 'start')).toBe('');
    });

    it('quick open', async () => {
      await page.keyboard.press('ControlOrMeta+p');
      const quick = page.getByRole('dialog', { name: 'Open article' });
      await quick.getByRole('combobox', { name: 'Article to open' }).fill('fro');
      await quick.getByRole('option').first().waitFor();
      const report = await accessibilityReport(page, 'quick open');
      await dismiss(quick);
      expect(report).toBe('');
    });

    it('the welcome article open: form, editor and preview', async () => {
      await openArticle(/Welcome to Folio/);
      await previewArticle(page).locator('h1').first().waitFor();
      expect(await accessibilityReport(page, 'welcome article', { screenshots: 'axe-welcome' })).toBe('');
    });

    it('the command palette', async () => {
      await mainEditor().click();
      await page.keyboard.press('ControlOrMeta+Shift+p');
      const palette = page.getByRole('dialog', { name: /command/i });
      await palette.getByRole('option').first().waitFor();
      const report = await accessibilityReport(page, 'command palette');
      await dismiss(palette);
      expect(report).toBe('');
    });

    it('settings', async () => {
      await page.keyboard.press('ControlOrMeta+,');
      const settings = page.getByRole('dialog', { name: 'Settings' });
      await settings.waitFor();
      const report = await accessibilityReport(page, 'settings');
      await settings.getByRole('button', { name: 'Done' }).click();
      await settings.waitFor({ state: 'detached' });
      expect(report).toBe('');
    });

    it('the form with a schema problem, and with invalid YAML', async () => {
      await openArticle(/Gone/);
      const form = page.getByRole('form', { name: 'Article details' });
      await form
        .getByText(/should be one of/)
        .first()
        .waitFor();
      let report = await accessibilityReport(page, 'form with a schema problem');
      await openArticle(/broken/);
      await form.getByRole('alert').waitFor();
      report += await accessibilityReport(page, 'form with invalid YAML');
      expect(report).toBe('');
    });

    it('the export dialog', async () => {
      await openArticle(/Essay/);
      await page.getByRole('button', { name: 'Export…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Export to HTML' });
      await dialog.getByRole('region', { name: 'Problems found before export' }).waitFor();
      const report = await accessibilityReport(page, 'export dialog');
      await dismiss(dialog);
      expect(report).toBe('');
    });

    it('history with a rendered and a source diff', async () => {
      const workspace = page.getByRole('toolbar', { name: 'Workspace' });
      await workspace.getByRole('button', { name: 'History' }).click();
      const history = page.getByRole('complementary', { name: 'History' });
      await history.getByLabel('Snapshot name').fill('First draft');
      await history.getByRole('button', { name: 'Take snapshot' }).click();
      await history.getByText('First draft').waitFor();
      await mainEditor().click();
      await page.keyboard.press('ControlOrMeta+End');
      await page.keyboard.type('\nA brand new closing line.');
      await page.keyboard.press('ControlOrMeta+s');
      const snapshots = history.getByRole('list', { name: 'Snapshots' }).getByRole('listitem');
      await expect.poll(() => snapshots.count()).toBe(2);
      let report = await accessibilityReport(page, 'history');

      await snapshots
        .filter({ hasText: 'First draft' })
        .getByRole('button', { name: 'Compare with current' })
        .click();
      const compare = page.getByRole('region', { name: 'Compare versions' });
      await compare
        .frameLocator('iframe[title="Rendered after"]')
        .locator('ins', { hasText: 'A brand new closing line.' })
        .waitFor();
      report += await accessibilityReport(page, 'history, rendered diff', {
        screenshots: 'axe-history-diff',
      });
      await compare.getByRole('tab', { name: 'Source' }).click();
      await compare.locator('.cm-changedLine').first().waitFor();
      report += await accessibilityReport(page, 'history, source diff');
      await compare.getByRole('button', { name: 'Close comparison' }).click();
      await compare.waitFor({ state: 'detached' });
      await workspace.getByRole('button', { name: 'History' }).click();
      await history.waitFor({ state: 'detached' });
      expect(report).toBe('');
    });

    it('a second article to the side, compared with the main one', async () => {
      await libraryPane().getByRole('link', { name: /Notes/ }).click({ button: 'right' });
      await page.getByRole('menu').getByRole('menuitem', { name: 'Open to the side' }).click();
      const side = page.getByRole('region', { name: 'Side article' });
      await side.frameLocator('iframe[title="Preview"]').locator('h1', { hasText: 'Notes' }).waitFor();
      let report = await accessibilityReport(page, 'side by side');
      await side.getByRole('button', { name: 'Compare with main' }).click();
      const compare = page.getByRole('region', { name: 'Compare versions' });
      await compare.frameLocator('iframe[title="Rendered after"]').locator('h1 ins').first().waitFor();
      report += await accessibilityReport(page, 'compare side by side');
      await page.keyboard.press('Escape');
      await compare.waitFor({ state: 'detached' });
      await side.getByRole('button', { name: 'Close side article' }).click();
      await side.waitFor({ state: 'detached' });
      expect(report).toBe('');
    });

    it('the suggestions panel', async () => {
      await openArticle(/Reviewed/);
      const suggestions = page
        .getByRole('toolbar', { name: 'Workspace' })
        .getByRole('button', { name: 'Suggestions' });
      await suggestions.click();
      const panel = page.getByRole('complementary', { name: 'Suggestions' });
      await expect.poll(() => panel.getByRole('listitem').count()).toBe(4);
      const report = await accessibilityReport(page, 'suggestions panel', { screenshots: 'axe-suggestions' });
      await suggestions.click();
      await panel.waitFor({ state: 'detached' });
      expect(report).toBe('');
    });

    it('the conflict banner and the 3-way merge dialog', async () => {
      await page.getByRole('checkbox', { name: 'Autosave' }).uncheck();
      await openArticle(/Essay/);
      await mainEditor().click();
      await page.keyboard.press('ControlOrMeta+End');
      await page.keyboard.type('\nMy new ending.');
      const theirs = essay
        .replace('The quick brown fox', 'The quick red fox')
        .concat('\nTheir new ending.\n');
      await writeFile(path.join(app.library, 'essay.md'), theirs);
      const banner = page.getByRole('region', { name: 'File changed on disk' });
      await banner.waitFor();
      let report = await accessibilityReport(page, 'conflict banner');
      await banner.getByRole('button', { name: 'Compare and merge…' }).click();
      const dialog = page.getByRole('dialog', { name: /Merge changes/ });
      await dialog.getByText(/Conflict 1 of/).waitFor();
      report += await accessibilityReport(page, '3-way merge');
      await dialog.getByRole('tab', { name: 'Rendered' }).click();
      await dialog.frameLocator('iframe[title="Rendered merged result"]').locator('h1').waitFor();
      report += await accessibilityReport(page, '3-way merge, rendered');
      await banner.or(dialog).first().waitFor();
      await dismiss(dialog);
      await banner.getByRole('button', { name: 'Take theirs' }).click();
      await banner.waitFor({ state: 'detached' });
      expect(report).toBe('');
    });

    it('the recovery dialog after a restart with unsaved text', async () => {
      await openArticle(/Notes/);
      await mainEditor().click();
      await page.keyboard.press('ControlOrMeta+End');
      await page.keyboard.type('\nUnsaved when the app died.');
      const journal = path.join(path.dirname(app.library), 'data', 'journal');
      await expect
        .poll(async () => (await readdir(journal).catch(() => [])).length, { timeout: 10_000 })
        .toBe(1);
      await page.reload();
      const dialog = page.getByRole('dialog', { name: 'Recover unsaved changes' });
      await dialog.getByText('+ Unsaved when the app died.', { exact: false }).waitFor();
      const report = await accessibilityReport(page, 'recovery dialog');
      await dialog.getByRole('button', { name: 'Restore' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.keyboard.press('ControlOrMeta+s');
      expect(report).toBe('');
    });

    it('the clone dialog, with a refused address', async () => {
      await libraryPane().getByRole('button', { name: 'Clone library…' }).click();
      const clone = page.getByRole('dialog', { name: 'Clone library' });
      await clone.getByRole('textbox', { name: 'Repository address' }).fill('ftp://example.com/x.git');
      await clone.getByRole('button', { name: 'Clone and open' }).click();
      await clone.getByRole('alert').waitFor();
      const report = await accessibilityReport(page, 'clone dialog');
      await dismiss(clone);
      expect(report).toBe('');
    });
  },
);
