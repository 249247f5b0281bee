import { readFile, writeFile } from 'node:fs/promises';
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

const essay =
  '---\ntitle: Essay\n---\n\n# Essay\n\nThe quick brown fox jumps over the lazy dog.\n\nA second paragraph stays as it is.\n';

async function fillLibrary(library: string): Promise<void> {
  await writeFile(path.join(library, 'essay.md'), essay);
  await writeFile(path.join(library, 'notes.md'), '# Notes\n\nSide notes for the essay.\n');
  await writeFile(
    path.join(library, 'reviewed.md'),
    '# Reviewed\n\nThe {~~quick~>swift~~} fox {++really ++}jumps {--over--}{>>why?<<} the {==lazy==}{>>kind?<<} dog.\n',
  );
}

async function openArticle(page: Page, title: RegExp): Promise<void> {
  await page.getByRole('navigation', { name: 'Library' }).getByRole('link', { name: title }).click();
  await page.getByRole('region', { name: 'Editor' }).getByLabel('Markdown source').waitFor();
}

function mainEditor(page: Page) {
  return page.getByRole('region', { name: 'Editor' }).getByLabel('Markdown source');
}

describe('review in browser mode', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`switches layouts from the toolbar and with shortcuts, and remembers them (${scheme})`, async () => {
      const app = await openApp(browser, fillLibrary, { colorScheme: scheme });
      const { page } = app;
      await openArticle(page, /Essay/);
      const layout = page.getByRole('group', { name: 'Layout' });
      const editorPane = page.getByRole('region', { name: 'Editor' });
      const previewPane = page.getByRole('region', { name: 'Preview pane' });
      await previewArticle(page).locator('h1', { hasText: 'Essay' }).waitFor();
      expect(await editorPane.isVisible()).toBe(true);
      expect(await previewPane.isVisible()).toBe(true);
      await screenshot(page, `review-side-by-side-${scheme}`);

      await layout.getByRole('button', { name: 'Editor' }).click();
      await previewPane.waitFor({ state: 'hidden' });
      expect(await editorPane.isVisible()).toBe(true);
      await screenshot(page, `review-editor-only-${scheme}`);

      await page.keyboard.press('Control+Alt+3');
      await editorPane.waitFor({ state: 'hidden' });
      expect(await previewPane.isVisible()).toBe(true);
      await screenshot(page, `review-preview-only-${scheme}`);

      await page.keyboard.press('Control+Alt+2');
      await editorPane.waitFor();
      const splitter = page.getByRole('separator', { name: 'Resize editor and preview' });
      await splitter.focus();
      for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowLeft');
      expect(await splitter.getAttribute('aria-valuenow')).toBe('40');
      const box = (await splitter.boundingBox())!;
      await page.mouse.move(box.x + 2, box.y + 100);
      await page.mouse.down();
      await page.mouse.move(box.x + 120, box.y + 100, { steps: 4 });
      await page.mouse.up();
      const dragged = Number(await splitter.getAttribute('aria-valuenow'));
      expect(dragged).toBeGreaterThan(45);

      await page.reload();
      await openArticle(page, /Essay/);
      expect(
        await page
          .getByRole('separator', { name: 'Resize editor and preview' })
          .getAttribute('aria-valuenow'),
      ).toBe(String(dragged));
      await page.keyboard.press('Control+Alt+1');
      await page.reload();
      await openArticle(page, /Essay/);
      await expect(
        page
          .getByRole('group', { name: 'Layout' })
          .getByRole('button', { name: 'Editor' })
          .getAttribute('aria-pressed'),
      ).resolves.toBe('true');
      expect(await page.getByRole('region', { name: 'Preview pane' }).isVisible()).toBe(false);
      await app.close();
    });
  }

  it('opens a second article to the side with its own editor and preview, and compares the two', async () => {
    const app = await openApp(browser, fillLibrary);
    const { page } = app;
    await openArticle(page, /Essay/);
    const library = page.getByRole('navigation', { name: 'Library' });
    await library.getByRole('link', { name: /Notes/ }).click({ button: 'right' });
    await page.getByRole('menu').getByRole('menuitem', { name: 'Open to the side' }).click();
    const side = page.getByRole('region', { name: 'Side article' });
    await side.getByLabel('Markdown source').waitFor();
    await side.frameLocator('iframe[title="Preview"]').locator('h1', { hasText: 'Notes' }).waitFor();
    await page
      .getByRole('region', { name: 'Preview pane' })
      .frameLocator('iframe[title="Preview"]')
      .locator('h1', { hasText: 'Essay' })
      .waitFor();

    await side.getByLabel('Markdown source').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\nAdded beside.');
    await side.frameLocator('iframe[title="Preview"]').locator('p', { hasText: 'Added beside.' }).waitFor();
    await page.keyboard.press('Control+s');
    await side.getByText('Saved', { exact: true }).waitFor();
    expect(await readFile(path.join(app.library, 'notes.md'), 'utf8')).toBe(
      '# Notes\n\nSide notes for the essay.\n\nAdded beside.',
    );
    expect(await readFile(path.join(app.library, 'essay.md'), 'utf8')).toBe(essay);

    await side.getByRole('group', { name: 'Side layout' }).getByRole('button', { name: 'Preview' }).click();
    await side.getByLabel('Markdown source').waitFor({ state: 'hidden' });
    await screenshot(page, 'review-two-articles');

    await side.getByRole('button', { name: 'Compare with main' }).click();
    const compare = page.getByRole('region', { name: 'Compare versions' });
    await compare
      .frameLocator('iframe[title="Rendered after"]')
      .locator('h1 ins', { hasText: 'Notes' })
      .waitFor();
    await screenshot(page, 'review-compare-articles');
    await page.keyboard.press('Escape');
    await compare.waitFor({ state: 'detached' });
    await side.getByRole('button', { name: 'Close side article' }).click();
    await side.waitFor({ state: 'detached' });
    await app.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`takes a named snapshot, shows a rendered and a source diff, and restores it as one undoable edit (${scheme})`, async () => {
      const app = await openApp(browser, fillLibrary, { colorScheme: scheme });
      const { page } = app;
      await openArticle(page, /Essay/);
      await page.getByRole('toolbar', { name: 'Workspace' }).getByRole('button', { name: 'History' }).click();
      const history = page.getByRole('complementary', { name: 'History' });
      await history.getByText('No snapshots yet').waitFor();
      await history.getByLabel('Snapshot name').fill('Sent to editor');
      await history.getByRole('button', { name: 'Take snapshot' }).click();
      await history.getByText('Sent to editor').waitFor();

      // Edit and save: the save keeps its own snapshot.
      await mainEditor(page).click();
      await page.keyboard.press('Control+End');
      await page.keyboard.type('\nA brand new closing line.');
      // And replace one word of the first paragraph.
      await page.keyboard.press('Control+Home');
      for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowDown');
      for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Shift+Control+ArrowRight');
      await page.keyboard.type('swift');
      const text = await editorText(page, mainEditor(page));
      expect(text).toContain('The swift brown fox');
      await page.keyboard.press('Control+s');
      await page
        .getByRole('contentinfo')
        .getByText(/^Saved/)
        .first()
        .waitFor();
      const snapshots = history.getByRole('list', { name: 'Snapshots' }).getByRole('listitem');
      await expect.poll(() => snapshots.count()).toBe(2);
      await history.getByText('+5 words').waitFor();
      expect(await readFile(path.join(app.library, 'essay.md'), 'utf8')).toBe(`${text}`);

      await snapshots
        .filter({ hasText: 'Sent to editor' })
        .getByRole('button', { name: 'Compare with current' })
        .click();
      const compare = page.getByRole('region', { name: 'Compare versions' });
      await compare.getByText('+6 words').waitFor();
      const after = compare.frameLocator('iframe[title="Rendered after"]');
      await after.locator('ins', { hasText: 'A brand new closing line.' }).waitFor();
      await after.locator('h1', { hasText: 'Essay' }).waitFor();
      await after.locator('ins', { hasText: 'swift' }).waitFor();
      await compare
        .frameLocator('iframe[title="Rendered before"]')
        .locator('del', { hasText: 'quick' })
        .waitFor();
      await screenshot(page, `review-rendered-diff-${scheme}`);
      await compare.getByRole('tab', { name: 'Source' }).click();
      await compare.locator('.cm-mergeView').waitFor();
      await compare.locator('.cm-changedLine').first().waitFor();
      await screenshot(page, `review-source-diff-${scheme}`);
      await compare.getByRole('button', { name: 'Close comparison' }).click();

      await snapshots.filter({ hasText: 'Sent to editor' }).getByRole('button', { name: 'Restore' }).click();
      await expect.poll(() => editorText(page, mainEditor(page))).toBe(essay);
      await page.getByRole('contentinfo').getByText('Unsaved changes').waitFor();
      await screenshot(page, `review-history-${scheme}`);
      await mainEditor(page).click();
      await page.keyboard.press('Control+z');
      await expect.poll(() => editorText(page, mainEditor(page))).toBe(text);
      await app.close();
    });
  }

  it('shows the rendered diff of two snapshots with deletions and insertions in prose, scrolling together', async () => {
    const long = (word: string) =>
      `# Long\n\n${Array.from({ length: 60 }, (_, i) => `Paragraph ${i} has the ${word} word in it.`).join('\n\n')}\n`;
    const app = await openApp(browser, async (library) =>
      writeFile(path.join(library, 'long.md'), long('old')),
    );
    const { page } = app;
    await openArticle(page, /Long/);
    await page.keyboard.press('Control+Alt+h');
    const history = page.getByRole('complementary', { name: 'History' });
    await history.getByLabel('Snapshot name').fill('First');
    await history.getByRole('button', { name: 'Take snapshot' }).click();
    await history.getByText('First', { exact: true }).waitFor();
    // Put the new text on disk through the editor and save: a second snapshot.
    await mainEditor(page).click();
    await page.keyboard.press('Control+a');
    await page.keyboard.insertText(long('new'));
    await page.keyboard.press('Control+s');
    const snapshots = history.getByRole('list', { name: 'Snapshots' }).getByRole('listitem');
    await expect.poll(() => snapshots.count()).toBe(2);
    for (let i = 0; i < 2; i++) await snapshots.nth(i).getByRole('checkbox').check();
    await history.getByRole('button', { name: 'Compare the two selected snapshots' }).click();
    const compare = page.getByRole('region', { name: 'Compare versions' });
    const before = compare.frameLocator('iframe[title="Rendered before"]');
    const after = compare.frameLocator('iframe[title="Rendered after"]');
    await before.locator('del', { hasText: 'old' }).first().waitFor();
    await after.locator('ins', { hasText: 'new' }).first().waitFor();
    expect(await before.locator('del').count()).toBe(60);
    expect(await before.locator('ins').count()).toBe(0);
    expect(await after.locator('ins').count()).toBe(60);
    await compare.getByText('+60 words').waitFor();

    const frames = page.frames().filter((f) => f.url().includes('preview.html'));
    const [left, right] = [frames[frames.length - 2]!, frames[frames.length - 1]!];
    await left.evaluate(() => {
      const root = document.scrollingElement!;
      root.scrollTop = (root.scrollHeight - root.clientHeight) / 2;
    });
    await expect
      .poll(() =>
        right.evaluate(() => {
          const root = document.scrollingElement!;
          return Math.round((root.scrollTop / (root.scrollHeight - root.clientHeight)) * 10);
        }),
      )
      .toBe(5);
    await app.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`turns typing into suggestions in suggest mode and accepts or rejects them (${scheme})`, async () => {
      const app = await openApp(browser, fillLibrary, { colorScheme: scheme });
      const { page } = app;
      await openArticle(page, /Reviewed/);
      const preview = previewArticle(page);
      await preview.locator('ins', { hasText: 'swift' }).waitFor();
      await preview.locator('del', { hasText: 'quick' }).waitFor();
      await preview.locator('mark', { hasText: 'lazy' }).waitFor();
      await preview.locator('.critic-comment', { hasText: 'kind?' }).waitFor();

      await page
        .getByRole('toolbar', { name: 'Workspace' })
        .getByRole('button', { name: 'Suggestions' })
        .click();
      const panel = page.getByRole('complementary', { name: 'Suggestions' });
      const items = panel.getByRole('list', { name: 'Suggestion list' }).getByRole('listitem');
      await expect.poll(() => items.count()).toBe(4);
      await panel.getByText('why?').waitFor();
      await screenshot(page, `review-suggestions-${scheme}`);

      // Suggest mode: type a word after "dog" and delete the "The " at the start of the line.
      await page.keyboard.press('Control+Alt+s');
      await page
        .getByRole('toolbar', { name: 'Workspace' })
        .getByRole('button', { name: 'Suggest', exact: true })
        .getAttribute('aria-pressed')
        .then((v) => expect(v).toBe('true'));
      await mainEditor(page).click();
      // The line wraps, so move by characters rather than with Home/End.
      await page.keyboard.press('Control+End');
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.type(' indeed');
      await expect.poll(() => editorText(page, mainEditor(page))).toContain('dog{++ indeed++}.');
      await page.keyboard.press('Control+Home');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      for (let i = 0; i < 4; i++) await page.keyboard.press('Delete');
      await expect.poll(() => editorText(page, mainEditor(page))).toContain('{--The --}{~~quick');
      await preview.locator('ins', { hasText: 'indeed' }).waitFor();
      await expect.poll(() => items.count()).toBe(6);
      await screenshot(page, `review-suggest-mode-${scheme}`);

      await items
        .filter({ hasText: 'indeed' })
        .getByRole('button', { name: /^Reject/ })
        .click();
      await expect.poll(() => editorText(page, mainEditor(page))).toContain('dog.');
      await items
        .filter({ hasText: 'swift' })
        .getByRole('button', { name: /^Accept/ })
        .click();
      await expect.poll(() => editorText(page, mainEditor(page))).toContain('{--The --}swift fox');
      await panel.getByRole('button', { name: 'Accept all' }).click();
      await expect
        .poll(() => editorText(page, mainEditor(page)))
        .toBe('# Reviewed\n\nswift fox really jumps  the lazy dog.\n');
      await expect.poll(() => items.count()).toBe(0);
      await mainEditor(page).click();
      await page.keyboard.press('Control+z');
      await expect.poll(() => items.count()).toBe(4);
      await panel.getByRole('button', { name: 'Reject all' }).click();
      await expect
        .poll(() => editorText(page, mainEditor(page)))
        .toBe('# Reviewed\n\nThe swift fox jumps over the lazy dog.\n');
      await app.close();
    });
  }

  for (const scheme of ['light', 'dark'] as const) {
    it(`merges a conflict after the file changed on disk, asking only about the overlap (${scheme})`, async () => {
      const app = await openApp(browser, fillLibrary, { colorScheme: scheme });
      const { page } = app;
      await openArticle(page, /Essay/);
      await mainEditor(page).click();
      await page.keyboard.press('Control+End');
      await page.keyboard.type('\nMy new ending.');
      // Someone else edits the title line and the fox sentence on disk meanwhile.
      const theirs = essay
        .replace('# Essay', '# Essay, revised')
        .replace('The quick brown fox', 'The quick red fox')
        .concat('Their new ending.\n');
      await writeFile(path.join(app.library, 'essay.md'), theirs);
      await page.keyboard.press('Control+s');
      // The save is refused; the conflict banner offers the three-way merge.
      const banner = page.getByRole('region', { name: 'File changed on disk' });
      await banner.getByRole('button', { name: 'Compare and merge…' }).click();
      const dialog = page.getByRole('dialog', { name: /Merge changes/ });
      await dialog.waitFor();
      expect(await readFile(path.join(app.library, 'essay.md'), 'utf8')).toBe(theirs);
      await dialog.getByText('Conflict 1 of 1').waitFor();
      const save = dialog.getByRole('button', { name: 'Save merged version' });
      expect(await save.isDisabled()).toBe(true);
      await screenshot(page, `review-merge-${scheme}`);
      await dialog.getByRole('radio', { name: 'Keep both' }).check();
      // The merged result also reads as the article will, rendered by the one pipeline.
      await dialog.getByRole('tab', { name: 'Rendered' }).click();
      const rendered = dialog.frameLocator('iframe[title="Rendered merged result"]');
      await rendered.locator('h1', { hasText: 'Essay, revised' }).waitFor();
      await rendered.locator('p', { hasText: 'Their new ending.' }).waitFor();
      await screenshot(page, `review-merge-rendered-${scheme}`);
      await dialog.getByRole('tab', { name: 'Changes' }).click();
      await save.click();
      await dialog.waitFor({ state: 'detached' });
      const merged =
        '---\ntitle: Essay\n---\n\n# Essay, revised\n\nThe quick red fox jumps over the lazy dog.\n\n' +
        'A second paragraph stays as it is.\n\nMy new ending.\nTheir new ending.\n';
      await expect.poll(() => readFile(path.join(app.library, 'essay.md'), 'utf8')).toBe(merged);
      expect(await editorText(page, mainEditor(page))).toBe(merged);
      await page.getByRole('contentinfo').getByText('Saved', { exact: true }).waitFor();
      await app.close();
    });
  }
});
