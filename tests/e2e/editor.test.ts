import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  editorText,
  launchChromium,
  openApp,
  previewArticle,
  screenshot,
  type AppUnderTest,
} from './harness';
import { boxOf, inside, overlap, textContrast } from './layout-checks';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const draft = `---
title: Draft
wordTarget: 100
---

# Draft

Intro words here.

## Middle part

Some text in the middle.

## Final part

Closing words.
`;

/** A real 1×1 PNG. */
const pngBase64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';

async function openDraft(options: { colorScheme?: 'light' | 'dark' } = {}): Promise<AppUnderTest> {
  const app = await openApp(
    browser,
    async (library) => {
      await writeFile(path.join(library, 'draft.md'), draft);
      await writeFile(path.join(library, 'other.md'), '# Other\n\nAnother article.\n');
    },
    options,
  );
  await app.page.getByRole('link', { name: /Draft/ }).click();
  await app.page.getByLabel('Markdown source').waitFor();
  return app;
}

async function placeCursorAfter(page: Page, text: string): Promise<void> {
  await page.locator('.cm-line', { hasText: text }).first().click();
  await page.keyboard.press('End');
}

async function saveAndRead(app: AppUnderTest, name = 'draft.md'): Promise<string> {
  await app.page.keyboard.press('ControlOrMeta+s');
  await app.page.getByRole('contentinfo').getByText('Saved', { exact: true }).waitFor();
  return readFile(path.join(app.library, name), 'utf8');
}

describe('the editor in browser mode', () => {
  it('formats with shortcuts and the toolbar, continues lists, undoes, and saves', async () => {
    const app = await openDraft();
    const { page } = app;
    await placeCursorAfter(page, 'Intro words here.');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Shift+ControlOrMeta+ArrowLeft');
    await page.keyboard.press('ControlOrMeta+b');
    await page.keyboard.press('End');
    await page.keyboard.type('\n\nfirst item');
    await page.keyboard.press('ControlOrMeta+Shift+8');
    await page.keyboard.type('\nsecond item');
    await page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Italic' }).click();
    await placeCursorAfter(page, 'Closing words.');
    await page.keyboard.press('ControlOrMeta+Shift+3');
    await page.keyboard.type(' typed');
    await page.keyboard.press('ControlOrMeta+z');
    const status = page.getByRole('contentinfo');
    await status.getByText('Unsaved changes').waitFor();
    await expect(page.title()).resolves.toMatch(/^• draft\.md/);

    const saved = await saveAndRead(app);
    expect(saved).toContain('Intro words **here**.\n\n- first item\n- second *item*\n');
    expect(saved).toContain('### Closing words.\n');
    expect(saved).not.toContain('typed');
    await previewArticle(page).locator('strong', { hasText: 'here' }).waitFor();
    await app.close();
  });

  it('wraps a selection in a typed marker, pairs brackets, and edits with several cursors', async () => {
    const app = await openDraft();
    const { page } = app;
    await placeCursorAfter(page, 'Closing words.');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Shift+ControlOrMeta+ArrowLeft');
    await page.keyboard.type('**');
    await page.keyboard.press('End');
    await page.keyboard.type(' (see');
    await page.locator('.cm-line', { hasText: 'Closing **words**. (see)' }).waitFor();
    // Ctrl/Cmd+D adds the next occurrence of the selected word as a second cursor.
    await placeCursorAfter(page, '## Middle part');
    await page.keyboard.press('Shift+ControlOrMeta+ArrowLeft');
    await page.keyboard.press('ControlOrMeta+d');
    await page.keyboard.type('chapter');
    await expect
      .poll(() => editorText(page))
      .toContain('## Middle chapter\n\nSome text in the middle.\n\n## Final chapter');
    await app.close();
  });

  it('makes a link of the selection with the URL on the clipboard (Ctrl/Cmd+K)', async () => {
    const app = await openDraft();
    const { page } = app;
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url });
    await page.evaluate(() => navigator.clipboard.writeText('https://example.com/guide'));
    await placeCursorAfter(page, 'Intro words here.');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Shift+ControlOrMeta+ArrowLeft');
    await page.keyboard.press('ControlOrMeta+k');
    await page.locator('.cm-line', { hasText: 'Intro words [here](https://example.com/guide).' }).waitFor();
    await page.evaluate(() => navigator.clipboard.writeText('not a url'));
    await placeCursorAfter(page, 'Closing words.');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Shift+ControlOrMeta+ArrowLeft');
    await page.keyboard.press('ControlOrMeta+k');
    await page.keyboard.type('https://x.org');
    await page.locator('.cm-line', { hasText: 'Closing [words](https://x.org).' }).waitFor();
    await app.close();
  });

  it('lists every command in the palette with its shortcut and runs the chosen one', async () => {
    const app = await openDraft();
    const { page } = app;
    await placeCursorAfter(page, 'Closing words.');
    await page.keyboard.press('ControlOrMeta+Shift+p');
    const palette = page.getByRole('dialog', { name: 'Command palette' });
    await palette.waitFor();
    await expect(palette.getByRole('option', { name: /Bold/ }).textContent()).resolves.toContain('Ctrl+B');
    expect(await palette.getByRole('option').count()).toBeGreaterThan(25);
    await page.keyboard.type('table');
    await page.keyboard.press('Enter');
    await palette.waitFor({ state: 'detached' });
    await page.keyboard.type('Name');
    await previewArticle(page).locator('table th', { hasText: 'Name' }).waitFor();
    await app.close();
  });

  it('finds and replaces with the search panel, regex included', async () => {
    const app = await openDraft();
    const { page } = app;
    await page.locator('.cm-content').click();
    await page.keyboard.press('ControlOrMeta+f');
    const find = page.getByRole('textbox', { name: 'Find' });
    await find.waitFor();
    await page.getByRole('checkbox', { name: 'regexp' }).check();
    await find.fill('(Middle|Final) part');
    await page.getByRole('textbox', { name: 'Replace' }).fill('$1 section');
    await page.getByRole('button', { name: 'replace all' }).click();
    await page.keyboard.press('Escape');
    expect(await editorText(page)).toContain('## Middle section');
    const saved = await saveAndRead(app);
    expect(saved).toContain('## Middle section\n');
    expect(saved).toContain('## Final section\n');
    await app.close();
  });

  it('shows the outline, follows the cursor, and moves editor and preview to a heading', async () => {
    const app = await openDraft();
    const { page } = app;
    await page.keyboard.press('ControlOrMeta+Alt+o');
    const outline = page.getByRole('navigation', { name: 'Outline' });
    await outline.waitFor();
    // The outline fills in once the editor has parsed the headings: wait for it, do not sample.
    await expect
      .poll(() => outline.getByRole('button').allTextContents())
      .toEqual(['Draft', 'Middle part', 'Final part']);
    await page.evaluate(() => {
      window.addEventListener('folio:reveal-line', (event) => {
        (window as unknown as { revealed: unknown }).revealed = (event as CustomEvent).detail;
      });
    });
    await outline.getByRole('button', { name: 'Final part' }).click();
    await outline.locator('[aria-current="location"]', { hasText: 'Final part' }).waitFor();
    await expect(page.evaluate(() => (window as unknown as { revealed: unknown }).revealed)).resolves.toEqual(
      {
        line: 14,
        path: 'draft.md',
      },
    );
    // The cursor is now at the end of that heading: typing goes there.
    await page.keyboard.type(' and more');
    await outline.getByRole('button', { name: 'Final part and more' }).waitFor();
    await placeCursorAfter(page, 'Some text in the middle.');
    await outline.locator('[aria-current="location"]', { hasText: 'Middle part' }).waitFor();
    await app.close();
  });

  it('shows words, characters, reading time, selection counts and word-target progress', async () => {
    const app = await openDraft();
    const { page } = app;
    const status = page.getByRole('contentinfo');
    await status.getByText('15 words').waitFor();
    await status.getByText('1 min read').waitFor();
    await status.getByText('15 / 100 (15%)').waitFor();
    await placeCursorAfter(page, 'Intro words here.');
    await page.keyboard.press('Shift+Home');
    await status.getByText('3 words of 15 selected · 17 characters').waitFor();
    await app.close();
  });

  it('updates words and outline from the lines typed in, counting the whole article only for a new heading', async () => {
    const app = await openDraft();
    const { page } = app;
    const status = page.getByRole('contentinfo');
    await status.getByText('15 words').waitFor();
    const statistics = status.locator('.folio-statistics');
    const wholeScans = async (): Promise<number> => Number(await statistics.getAttribute('data-whole-scans'));
    const before = await wholeScans();
    await placeCursorAfter(page, 'Intro words here.');
    await page.keyboard.type(' Two more.');
    await status.getByText('17 words').waitFor();
    await page.keyboard.press('Enter');
    await page.keyboard.type('And a line of five.');
    await status.getByText('22 words').waitFor();
    expect(await wholeScans()).toBe(before);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('## Added part');
    await status.getByText('24 words').waitFor();
    expect(await wholeScans()).toBeGreaterThan(before);
    await page.keyboard.press('ControlOrMeta+Alt+o');
    const outline = page.getByRole('navigation', { name: 'Outline' });
    await expect
      .poll(() => outline.getByRole('button').allTextContents())
      .toEqual(['Draft', 'Added part', 'Middle part', 'Final part']);
    await app.close();
  });

  it('pastes an image into the assets folder and selects its alt text', async () => {
    const app = await openDraft();
    const { page } = app;
    await placeCursorAfter(page, 'Intro words here.');
    await page.keyboard.press('Enter');
    await page.evaluate((base64) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], 'screen-shot.png', { type: 'image/png' }));
      document
        .querySelector('.cm-content')!
        .dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, pngBase64);
    await page.locator('.cm-line', { hasText: '![screen shot](assets/draft-1.png)' }).waitFor();
    await page.keyboard.type('A tiny dot');
    expect(await editorText(page)).toContain('![A tiny dot](assets/draft-1.png)');
    const assets = await readdir(path.join(app.library, 'assets'));
    expect(assets).toEqual(['draft-1.png']);
    expect((await readFile(path.join(app.library, 'assets', 'draft-1.png'))).toString('base64')).toBe(
      pngBase64,
    );
    await previewArticle(page).locator('img[alt="A tiny dot"]').waitFor();
    await app.close();
  });

  it('drops an image file, never overwriting an existing one', async () => {
    const app = await openDraft();
    const { page } = app;
    await page.locator('.cm-content').click();
    await page.evaluate((base64) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const drop = (): void => {
        const data = new DataTransfer();
        data.items.add(new File([bytes], 'dot.png', { type: 'image/png' }));
        const line = document.querySelector('.cm-line:last-child')!.getBoundingClientRect();
        document.querySelector('.cm-content')!.dispatchEvent(
          new DragEvent('drop', {
            dataTransfer: data,
            clientX: line.left + 2,
            clientY: line.top + 2,
            bubbles: true,
            cancelable: true,
          }),
        );
      };
      drop();
      setTimeout(drop, 300);
    }, pngBase64);
    await page.locator('.cm-line', { hasText: 'assets/draft-2.png' }).waitFor();
    expect((await readdir(path.join(app.library, 'assets'))).sort()).toEqual(['draft-1.png', 'draft-2.png']);
    await app.close();
  });

  it('turns pasted HTML into sanitized Markdown', async () => {
    const app = await openDraft();
    const { page } = app;
    await placeCursorAfter(page, 'Intro words here.');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData(
        'text/html',
        '<h3>From the web</h3><p>A <strong>bold</strong> <a href="https://example.com/">link</a>' +
          '<img src="x" onerror="window.pwned = true"><a href="javascript:window.pwned = true">trap</a></p>' +
          '<script>window.pwned = true</script>',
      );
      data.setData('text/plain', 'From the web A bold link trap');
      document
        .querySelector('.cm-content')!
        .dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    const text = await editorText(page);
    expect(text).toContain('### From the web');
    expect(text).toContain('A **bold** [link](https://example.com/)');
    expect(text).toContain('trap');
    expect(text).not.toMatch(/javascript|onerror|script/);
    await expect(
      page.evaluate(() => (window as unknown as { pwned?: boolean }).pwned),
    ).resolves.toBeUndefined();
    await app.close();
  });

  it('saves before switching article, and asks only when the work cannot be saved', async () => {
    const app = await openDraft();
    const { page } = app;
    await page.getByRole('checkbox', { name: 'Autosave' }).uncheck();
    const messages: string[] = [];
    const answers: boolean[] = [false, true];
    page.on('dialog', (dialog) => {
      messages.push(dialog.message());
      void (answers.shift() ? dialog.accept() : dialog.dismiss());
    });

    // Unsaved but savable: switching saves it, without a question.
    await placeCursorAfter(page, 'Closing words.');
    await page.keyboard.type(' Saved on the way.');
    await page.getByRole('link', { name: /Other/ }).click();
    await page.locator('.cm-line', { hasText: 'Another article.' }).waitFor();
    expect(await readFile(path.join(app.library, 'draft.md'), 'utf8')).toContain(
      'Closing words. Saved on the way.',
    );
    expect(messages).toEqual([]);

    // Unsaved and in conflict with the disk: the author is asked, and staying keeps the text.
    await page.getByRole('link', { name: /Draft/ }).click();
    await placeCursorAfter(page, 'Closing words.');
    await page.keyboard.type(' Unsaved.');
    await writeFile(path.join(app.library, 'draft.md'), 'Changed elsewhere.\n');
    await page.getByRole('region', { name: 'File changed on disk' }).waitFor();
    await page.getByRole('link', { name: /Other/ }).click();
    await expect.poll(() => messages.length).toBe(1);
    expect(messages[0]).toContain('draft.md');
    expect(await editorText(page)).toContain('Closing words. Saved on the way. Unsaved.');
    await page.getByRole('link', { name: /Other/ }).click();
    await page.locator('.cm-line', { hasText: 'Another article.' }).waitFor();
    expect(messages).toHaveLength(2);
    await app.close();
  });

  it('switches modes: focus, typewriter, distraction-free, vim, and a persisted theme', async () => {
    const app = await openDraft();
    const { page } = app;
    await placeCursorAfter(page, 'Some text in the middle.');
    await page.keyboard.press('ControlOrMeta+Alt+f');
    await page.locator('.cm-folio-dimmed').first().waitFor();
    expect(await page.locator('.cm-line:not(.cm-folio-dimmed)', { hasText: 'Some text' }).count()).toBe(1);
    await page.keyboard.press('ControlOrMeta+Alt+f');
    await page.locator('.cm-folio-dimmed').first().waitFor({ state: 'detached' });

    await page.keyboard.press('ControlOrMeta+Alt+y');
    // Typewriter mode: the line being written sits in the vertical middle of the editor.
    await expect
      .poll(() =>
        page.evaluate(() => {
          const scroller = document.querySelector('.cm-scroller')!.getBoundingClientRect();
          const line = document.querySelector('.cm-activeLine')!.getBoundingClientRect();
          return Math.abs(line.top + line.height / 2 - (scroller.top + scroller.height / 2)) < 40;
        }),
      )
      .toBe(true);
    await page.keyboard.press('ControlOrMeta+Alt+y');

    await page.keyboard.press('ControlOrMeta+Shift+Enter');
    await page.getByRole('navigation', { name: 'Library' }).waitFor({ state: 'hidden' });
    // Only the editor, the whole width: no bars, no preview, no splitter.
    const editorWidth = () =>
      page.getByRole('region', { name: 'Editor' }).evaluate((pane) => pane.getBoundingClientRect().width);
    const viewportWidth = page.viewportSize()!.width;
    await expect.poll(editorWidth).toBe(viewportWidth);
    for (const hidden of [
      page.getByRole('toolbar', { name: 'Workspace' }),
      page.getByRole('toolbar', { name: 'Formatting' }),
      page.getByRole('region', { name: 'Preview pane' }),
    ]) {
      await hidden.waitFor({ state: 'hidden' });
    }
    await page.keyboard.press('Escape');
    await page.getByRole('navigation', { name: 'Library' }).waitFor();
    // From the preview-only layout too, and out again with the one button left on screen.
    await page.keyboard.press('ControlOrMeta+Alt+3');
    await page.getByRole('region', { name: 'Editor' }).waitFor({ state: 'hidden' });
    await page.keyboard.press('ControlOrMeta+Shift+Enter');
    await expect.poll(editorWidth).toBe(viewportWidth);
    await page.getByRole('button', { name: 'Leave full screen' }).click();
    await page.getByRole('navigation', { name: 'Library' }).waitFor();
    await page.getByRole('region', { name: 'Editor' }).waitFor({ state: 'hidden' });
    await page.keyboard.press('ControlOrMeta+Alt+2');
    await page.getByRole('region', { name: 'Editor' }).waitFor();

    await page.keyboard.press('ControlOrMeta+,');
    const settings = page.getByRole('dialog', { name: 'Settings' });
    await settings.getByRole('checkbox', { name: 'Vim mode' }).check();
    await settings.getByLabel('Theme').selectOption('dark');
    await expect(page.locator('html').getAttribute('data-folio-theme')).resolves.toBe('dark');
    // The preview follows a forced theme too, not only the OS's scheme (light in this test).
    const previewBackground = () =>
      page
        .frameLocator('iframe[title="Preview"]')
        .locator('html')
        .evaluate((html) => getComputedStyle(html).backgroundColor);
    await expect.poll(previewBackground).toBe('rgb(27, 28, 32)');
    // Browser mode cannot choose the browser's dictionary: the panel says so; the text gets `lang`.
    await expect
      .poll(() =>
        settings.getByText('Browser mode uses the browser’s own spellchecker', { exact: false }).count(),
      )
      .toBe(1);
    await settings.getByLabel('Spellcheck language').fill('de-DE');
    await settings.getByLabel('Spellcheck language').press('Enter');
    await expect.poll(() => page.locator('.cm-content').getAttribute('lang')).toBe('de-DE');
    await settings.getByRole('button', { name: 'Done' }).click();
    await placeCursorAfter(page, 'Some text in the middle.');
    await page.keyboard.press('Escape');
    await page.keyboard.type('dd');
    await expect.poll(() => editorText(page)).not.toContain('Some text in the middle.');

    await page.reload();
    await page.getByRole('navigation', { name: 'Library' }).waitFor();
    await expect(page.locator('html').getAttribute('data-folio-theme')).resolves.toBe('dark');
    await app.close();
  });

  it('lays out toolbar, editor, outline, statistics and palette apart and readable, light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const app = await openDraft({ colorScheme });
      const { page } = app;
      const viewport = { x: 0, y: 0, ...page.viewportSize()! };
      await page.keyboard.press('ControlOrMeta+Alt+o');
      const outline = page.getByRole('navigation', { name: 'Outline' });
      await outline.waitFor();
      await placeCursorAfter(page, 'Some text in the middle.');
      await page.keyboard.press('Shift+Home');
      const toolbar = await boxOf(page.getByRole('toolbar', { name: 'Formatting' }));
      const content = await boxOf(page.locator('.cm-editor'));
      const outlineBox = await boxOf(outline);
      const status = await boxOf(page.getByRole('contentinfo'));
      for (const box of [toolbar, content, outlineBox, status])
        expect(inside(box, viewport), colorScheme).toBe(true);
      expect(overlap(outlineBox, content), colorScheme).toBe(false);
      expect(toolbar.y + toolbar.height, colorScheme).toBeLessThanOrEqual(content.y + 1);
      expect(content.y, colorScheme).toBeLessThan(status.y);
      // The selection is drawn, over the selected line.
      const line = page.locator('.cm-line', { hasText: 'Some text in the middle.' });
      const selection = await boxOf(page.locator('.cm-selectionBackground').first());
      expect(overlap(selection, await boxOf(line)), colorScheme).toBe(true);
      expect(await textContrast(line), colorScheme).toBeGreaterThanOrEqual(4.5);
      expect(
        await textContrast(page.getByRole('contentinfo').getByText(/words/).first()),
      ).toBeGreaterThanOrEqual(4.5);
      await screenshot(page, `editor-${colorScheme}`);
      await page.keyboard.press('ControlOrMeta+Shift+p');
      await page.keyboard.type('head');
      const palette = page.getByRole('dialog', { name: 'Command palette' });
      const paletteBox = await boxOf(palette);
      expect(inside(paletteBox, viewport), colorScheme).toBe(true);
      const option = palette.getByRole('option').first();
      await expect(option.textContent()).resolves.toMatch(/head/i);
      expect(inside(await boxOf(option), paletteBox), colorScheme).toBe(true);
      expect(await textContrast(option), colorScheme).toBeGreaterThanOrEqual(4.5);
      await screenshot(page, `editor-palette-${colorScheme}`);
      await page.keyboard.press('Escape');
      await expect.poll(() => palette.count()).toBe(0);
      await app.close();
    }
  });
});
