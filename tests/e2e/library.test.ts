import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openApp, screenshot, type AppUnderTest } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function fillLibrary(library: string): Promise<void> {
  await writeFile(
    path.join(library, 'guide.md'),
    '---\ntitle: The Field Guide\nstatus: review\ntags: [birds, spring]\n---\n\n# The Field Guide\n\nHow to spot a warbler in the hedgerow.\n',
  );
  await writeFile(
    path.join(library, 'index.md'),
    '---\ntitle: Home\nstatus: published\n---\n\nStart with [the guide](guide.md).\n',
  );
  await mkdir(path.join(library, 'drafts'));
  await writeFile(
    path.join(library, 'drafts', 'nightjar.md'),
    '---\ntitle: Nightjars at dusk\nstatus: draft\ntags: [birds]\n---\n\nThe churring starts after sunset.\n',
  );
}

function libraryPane(page: Page) {
  return page.getByRole('navigation', { name: 'Library' });
}

async function openArticle(page: Page, title: RegExp): Promise<void> {
  await libraryPane(page).getByRole('link', { name: title }).click();
  await page.getByLabel('Markdown source').waitFor();
}

describe('the library pane in browser mode', () => {
  it('shows folders with counts, sorts and filters by status and tag', async () => {
    const app = await openApp(browser, fillLibrary);
    const pane = libraryPane(app.page);
    await pane.getByRole('button', { name: /drafts/ }).waitFor();
    expect(await pane.getByRole('button', { name: /drafts/ }).textContent()).toContain('1');
    await pane.getByRole('combobox', { name: 'Filter by status' }).selectOption('draft');
    await expect(pane.getByRole('link').count()).resolves.toBe(1);
    await pane.getByRole('combobox', { name: 'Filter by status' }).selectOption('');
    await pane.getByRole('combobox', { name: 'Filter by tag' }).selectOption('spring');
    await expect(pane.getByRole('link').allTextContents()).resolves.toEqual([
      expect.stringContaining('The Field Guide'),
    ]);
    await pane.getByRole('combobox', { name: 'Filter by tag' }).selectOption('');
    await pane.getByRole('combobox', { name: 'Sort by' }).selectOption('status');
    const titles = await pane.getByRole('link').allTextContents();
    expect(titles.map((t) => t.split(/draft|review|published/)[0])).toEqual([
      'Nightjars at dusk',
      'The Field Guide',
      'Home',
    ]);
    await screenshot(app.page, 'library-pane');
    await app.close();
  });

  it('does not call a library empty while it is still being listed', async () => {
    const app = await openApp(browser, async () => undefined);
    const { page } = app;
    let release: () => void = () => undefined;
    const listing = new Promise<void>((asked) => {
      void page.route('**/api/listArticles', async (route) => {
        asked();
        await new Promise<void>((resolve) => (release = resolve));
        await route.continue();
      });
    });
    await page.reload();
    await listing;
    const pane = libraryPane(page);
    await pane.getByRole('button', { name: 'New article' }).waitFor();
    expect(await pane.getByText('This library has no articles yet.').count()).toBe(0);
    release();
    await pane.getByText('This library has no articles yet.').waitFor();
  });

  it('creates, renames with link rewriting, moves, deletes and restores articles', async () => {
    const app = await openApp(browser, fillLibrary);
    const { page } = app;
    const pane = libraryPane(page);

    await pane.getByRole('button', { name: 'New article' }).click();
    const create = page.getByRole('dialog', { name: 'New article' });
    await create.getByLabel('Title').fill('Swifts over the roofs');
    await create.getByRole('button', { name: 'Create' }).click();
    await pane.getByRole('link', { name: /Swifts over the roofs/ }).waitFor();
    expect(await readFile(path.join(app.library, 'swifts-over-the-roofs.md'), 'utf8')).toMatch(
      /^---\ntitle: "Swifts over the roofs"\ndate: \d{4}-\d\d-\d\d\nstatus: draft\n---\n/,
    );

    // A bad name is refused with a sentence, and nothing changes.
    await pane.getByRole('link', { name: /The Field Guide/ }).click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Rename…' }).click();
    const rename = page.getByRole('dialog', { name: /Rename/ });
    await expect(rename.getByLabel('File name').inputValue()).resolves.toBe('the-field-guide.md');
    await rename.getByLabel('File name').fill('CON.md');
    await rename.getByRole('button', { name: 'Rename' }).click();
    await rename
      .getByRole('alert')
      .getByText(/reserved by Windows/)
      .waitFor();

    // The proposed slug, with the links that will change listed before anything happens.
    await rename.getByLabel('File name').fill('field-guide.md');
    await rename.getByRole('button', { name: 'Rename' }).click();
    await rename.getByRole('region', { name: 'Links that will change' }).getByText('index.md').waitFor();
    await screenshot(page, 'library-rename-plan');
    await rename.getByRole('button', { name: 'Rename and update links' }).click();
    await pane
      .getByRole('status')
      .getByText(/links updated in 1 article/)
      .waitFor();
    expect(await readFile(path.join(app.library, 'index.md'), 'utf8')).toContain(
      '[the guide](field-guide.md)',
    );

    // Move with the keyboard menu into the drafts folder.
    await pane.getByRole('link', { name: /The Field Guide/ }).focus();
    await page.keyboard.press('Shift+F10');
    await page.getByRole('menuitem', { name: 'Move to…' }).click();
    const move = page.getByRole('dialog', { name: /Move/ });
    await move.getByLabel('Move to folder').selectOption('drafts');
    await move.getByRole('button', { name: 'Move' }).click();
    await move.getByRole('button', { name: 'Move and update links' }).click();
    await pane
      .getByRole('status')
      .getByText(/Now at “drafts\/field-guide.md”/)
      .waitFor();
    expect(await readFile(path.join(app.library, 'index.md'), 'utf8')).toContain(
      '[the guide](drafts/field-guide.md)',
    );

    // Delete with the Delete key, then undo; delete again and restore from the trash.
    await pane.getByRole('link', { name: /Nightjars at dusk/ }).focus();
    await page.keyboard.press('Delete');
    await pane
      .getByRole('status')
      .getByText(/Moved “Nightjars at dusk” to the trash/)
      .waitFor();
    expect(await readdir(path.join(app.library, 'drafts'))).toEqual(['field-guide.md']);
    await pane.getByRole('button', { name: 'Undo' }).click();
    await pane.getByRole('link', { name: /Nightjars at dusk/ }).waitFor();
    expect(await readFile(path.join(app.library, 'drafts', 'nightjar.md'), 'utf8')).toContain('churring');

    await pane.getByRole('link', { name: /Swifts over the roofs/ }).click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    await pane.getByRole('button', { name: 'Trash (1)' }).click();
    await pane.getByRole('region', { name: 'Trash' }).getByText('swifts-over-the-roofs.md').waitFor();
    await screenshot(page, 'library-trash');
    await pane.getByRole('button', { name: 'Restore swifts-over-the-roofs.md' }).click();
    await pane.getByRole('link', { name: /Swifts over the roofs/ }).waitFor();
    await pane.getByRole('button', { name: 'Trash (0)' }).waitFor();

    // New folder.
    await pane.getByRole('button', { name: 'New folder' }).click();
    const folder = page.getByRole('dialog', { name: 'New folder' });
    await folder.getByLabel('Folder name').fill('../escape');
    await folder.getByRole('button', { name: 'Create folder' }).click();
    await folder
      .getByRole('alert')
      .getByText(/cannot contain/)
      .waitFor();
    await folder.getByLabel('Folder name').fill('archive');
    await folder.getByRole('button', { name: 'Create folder' }).click();
    await pane.getByRole('button', { name: /archive/ }).waitFor();
    await app.close();
  });

  it('moves an article by dragging it onto a folder', async () => {
    const app = await openApp(browser, fillLibrary);
    const pane = libraryPane(app.page);
    await pane.getByRole('link', { name: /Home/ }).dragTo(pane.getByRole('button', { name: /drafts/ }));
    const move = app.page.getByRole('dialog', { name: /Move “Home”/ });
    await expect(move.getByLabel('Move to folder').inputValue()).resolves.toBe('drafts');
    await move.getByRole('button', { name: 'Move', exact: true }).click();
    await move.getByRole('button', { name: 'Move and update links' }).click();
    await pane
      .getByRole('status')
      .getByText(/Now at “drafts\/index.md”/)
      .waitFor();
    expect(await readFile(path.join(app.library, 'drafts', 'index.md'), 'utf8')).toContain(
      '[the guide](../guide.md)',
    );
    await app.close();
  });

  it('offers the article menu and quick-open in dark mode', async () => {
    const app = await openApp(browser, fillLibrary, { colorScheme: 'dark' });
    const { page } = app;
    const pane = libraryPane(page);
    await pane.getByRole('link', { name: /The Field Guide/ }).click();
    await pane.getByRole('link', { name: /The Field Guide/ }).click({ button: 'right' });
    const menu = page.getByRole('menu', { name: 'Actions for The Field Guide' });
    await expect(menu.getByRole('menuitem').allTextContents()).resolves.toEqual([
      'Open',
      'Open to the side',
      'Rename…F2',
      'Move to…',
      'Duplicate',
      'DeleteDel',
    ]);
    await screenshot(page, 'library-menu-dark');
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
    await page.keyboard.press('ControlOrMeta+p');
    await page.getByRole('combobox', { name: 'Article to open' }).fill('guide');
    await screenshot(page, 'quick-open-dark');
    await page.keyboard.press('Escape');
    await app.close();
  });

  it('searches with highlighted snippets and opens articles with quick-open', async () => {
    const app = await openApp(browser, fillLibrary);
    const { page } = app;
    const pane = libraryPane(page);
    const search = pane.getByRole('searchbox', { name: 'Search library' });
    await search.fill('warb');
    const results = pane.getByRole('list', { name: 'Search results' });
    await results.getByRole('link', { name: /The Field Guide/ }).waitFor();
    await expect(results.locator('mark').first().textContent()).resolves.toBe('warbler');
    await screenshot(page, 'library-search');
    await search.fill('nightjrs'); // a typo still finds it
    await results.getByRole('link', { name: /Nightjars at dusk/ }).waitFor();
    await search.press('Enter');
    await page.getByLabel('Markdown source').getByText('The churring starts after sunset.').waitFor();
    await search.fill('');

    await page.keyboard.press('ControlOrMeta+p');
    const quick = page.getByRole('dialog', { name: 'Open article' });
    await quick.getByRole('combobox', { name: 'Article to open' }).fill('hm');
    await quick.getByRole('option', { name: /Home/ }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByLabel('Markdown source').getByText('Start with').waitFor();
    await expect(quick.count()).resolves.toBe(0);
    await app.close();
  });
});

describe('the save cycle in browser mode', () => {
  it('autosaves after a pause and shows the dirty mark until then', async () => {
    const app = await openApp(browser, fillLibrary);
    const { page } = app;
    await openArticle(page, /Home/);
    await page.getByLabel('Markdown source').click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type('Autosaved line.');
    await libraryPane(page).getByLabel('unsaved changes').waitFor();
    await libraryPane(page).getByLabel('unsaved changes').waitFor({ state: 'detached' });
    expect(await readFile(path.join(app.library, 'index.md'), 'utf8')).toContain('Autosaved line.');
    await app.close();
  });

  it('shows the conflict banner when the open file changes on disk under unsaved text', async () => {
    const app = await openApp(browser, fillLibrary);
    const { page } = app;
    await page.getByRole('checkbox', { name: 'Autosave' }).uncheck();
    await openArticle(page, /Home/);
    const file = path.join(app.library, 'index.md');

    // A clean buffer follows the disk silently.
    await writeFile(file, '---\ntitle: Home\nstatus: published\n---\n\nChanged by another editor.\n');
    await page.getByLabel('Markdown source').getByText('Changed by another editor.').waitFor();

    // A dirty buffer gets the banner; "Keep mine" writes mine over theirs.
    await page.getByLabel('Markdown source').click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type('Mine.');
    await writeFile(file, 'Theirs, from git.\n');
    const banner = page.getByRole('region', { name: 'File changed on disk' });
    await banner.waitFor();
    await screenshot(page, 'conflict-banner');
    await page.keyboard.press('ControlOrMeta+s'); // saving does not overwrite while in conflict
    expect(await readFile(file, 'utf8')).toBe('Theirs, from git.\n');
    await banner.getByRole('button', { name: 'Keep mine' }).click();
    await banner.waitFor({ state: 'detached' });
    expect(await readFile(file, 'utf8')).toBe(
      '---\ntitle: Home\nstatus: published\n---\n\nChanged by another editor.\nMine.',
    );

    // "Save mine as a copy" keeps both.
    await page.getByLabel('Markdown source').click();
    await page.keyboard.type(' More of mine.');
    await writeFile(file, 'Theirs again.\n');
    await banner.waitFor();
    await banner.getByRole('button', { name: 'Save mine as a copy' }).click();
    await page.getByLabel('Markdown source').getByText('Theirs again.').waitFor();
    expect(await readFile(path.join(app.library, 'index (my copy).md'), 'utf8')).toContain('More of mine.');

    // "Take theirs" drops mine.
    await page.getByLabel('Markdown source').click();
    await page.keyboard.type('Dropped.');
    await writeFile(file, 'Final theirs.\n');
    await banner.getByRole('button', { name: 'Take theirs' }).click();
    await page.getByLabel('Markdown source').getByText('Final theirs.').waitFor();
    expect(await readFile(file, 'utf8')).toBe('Final theirs.\n');
    await app.close();
  });

  it('follows a rename done outside and says when the open file is deleted', async () => {
    const app = await openApp(browser, fillLibrary);
    const { page } = app;
    await page.getByRole('checkbox', { name: 'Autosave' }).uncheck();
    await openArticle(page, /The Field Guide/);
    await rename(path.join(app.library, 'guide.md'), path.join(app.library, 'drafts', 'moved-guide.md'));
    await page.getByRole('contentinfo').getByText('Now at drafts/moved-guide.md').waitFor();
    await libraryPane(page).locator('[aria-current="page"]').getByText('The Field Guide').waitFor();
    // Unsaved text survives the deletion of its file, and "Save it again" brings the file back.
    await page.getByLabel('Markdown source').click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type('Still here.');
    await rm(path.join(app.library, 'drafts', 'moved-guide.md'));
    const banner = page.getByRole('region', { name: 'File changed on disk' });
    await banner.getByText('“moved-guide.md” was deleted on disk.').waitFor();
    await banner.getByRole('button', { name: 'Save it again' }).click();
    await banner.waitFor({ state: 'detached' });
    expect(await readFile(path.join(app.library, 'drafts', 'moved-guide.md'), 'utf8')).toContain(
      'Still here.',
    );
    await app.close();
  });

  /**
   * Turns autosave off, types `text` at the end of the Nightjars article and waits until the
   * journal (debounced about a second) holds it: unsaved text, as a crash would leave it.
   */
  async function typeUnsavedAndWaitForJournal(app: AppUnderTest, text: string): Promise<void> {
    const { page } = app;
    await page.getByRole('checkbox', { name: 'Autosave' }).uncheck();
    await openArticle(page, /Nightjars/);
    await page.getByLabel('Markdown source').click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type(text);
    const journal = path.join(path.dirname(app.library), 'data', 'journal');
    await expect
      .poll(async () => (await readdir(journal).catch(() => [])).length, { timeout: 10_000 })
      .toBe(1);
  }

  it("never offers this session's own unsaved text, however late the recoveries answer", async () => {
    const app = await openApp(browser, fillLibrary);
    const { page } = app;
    // A slow start: the request for recoveries is answered only once the author has typed and
    // the text is journaled, so the answer holds this session's record.
    let journaled: () => void = () => undefined;
    const typedAndJournaled = new Promise<void>((resolve) => (journaled = resolve));
    await page.route('**/api/listRecoveries**', async (route) => {
      await typedAndJournaled;
      await route.continue();
    });
    await page.reload();
    await typeUnsavedAndWaitForJournal(app, 'Typed in this session.');
    const answered = page.waitForResponse('**/api/listRecoveries**');
    journaled();
    await answered;
    // Two frames for React to show a dialog, had it one to show.
    await page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
    );
    expect(await page.getByRole('dialog', { name: 'Recover unsaved changes' }).count()).toBe(0);
    await page.getByLabel('Markdown source').getByText('Typed in this session.').waitFor();
    await app.close();
  });

  it('offers to restore unsaved text from the journal at start, with a diff', async () => {
    const app = await openApp(browser, fillLibrary);
    const { page } = app;
    await typeUnsavedAndWaitForJournal(app, 'Unsaved when the app died.');
    // Then "crash": reload without saving.
    // The first two requests for recoveries fail (a busy machine at start): the app asks again.
    let failures = 2;
    await page.route('**/api/listRecoveries**', (route) =>
      failures-- > 0 ? route.abort('failed') : route.continue(),
    );
    await page.reload();
    const dialog = page.getByRole('dialog', { name: 'Recover unsaved changes' });
    await dialog.getByText('drafts/nightjar.md').waitFor();
    expect(failures).toBeLessThan(0);
    await dialog.getByText('+ Unsaved when the app died.', { exact: false }).waitFor();
    await screenshot(page, 'recovery-dialog');
    await dialog.getByRole('button', { name: 'Restore' }).click();
    await page.getByLabel('Markdown source').getByText('Unsaved when the app died.').waitFor();
    await page.keyboard.press('ControlOrMeta+s');
    await expect
      .poll(() => readFile(path.join(app.library, 'drafts', 'nightjar.md'), 'utf8'))
      .toContain('Unsaved when the app died.');
    await app.close();
  });
});
