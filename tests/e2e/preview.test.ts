import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateArticle } from '../../bench/generate-article';
import { launchChromium, openApp, previewArticle, screenshot } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** A 2×2 red PNG. */
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEklEQVR4nGP4z8DAwMDAxMDAAAAvHQQBOhx4fQAAAABJRU5ErkJggg==',
  'base64',
);

const rich = `---
title: Rich article
---

# Rich article

Text with $e^{i\\pi}+1=0$, **bold** and a note.[^1] Jump to [the data](#data) or read [the other one](notes/other.md).

An [external link](https://example.com/page) and a [data file](images/data.csv).

## Data

| Name | Value |
| --- | ---: |
| alpha | 1 |

\`\`\`ts
const x: number = 1;
\`\`\`

$$
\\frac{1}{3}
$$

![Red dot](images/dot.png)

![Gone](images/missing.png)

![Remote](https://example.com/remote.png)

${Array.from({ length: 30 }, (_, i) => `Filler paragraph ${i + 1} with enough words to take some room in the preview.`).join('\n\n')}

[^1]: The note.
`;

async function fill(library: string): Promise<void> {
  await writeFile(path.join(library, 'rich.md'), rich);
  await mkdir(path.join(library, 'notes'));
  await writeFile(path.join(library, 'notes', 'other.md'), '# Other article\n\nHello.\n');
  await mkdir(path.join(library, 'images'));
  await writeFile(path.join(library, 'images', 'dot.png'), png);
  await writeFile(
    path.join(library, 'long.md'),
    generateArticle(6000).replace('Generated article', 'Long article'),
  );
}

async function openArticle(page: Page, name: RegExp): Promise<void> {
  await page.getByRole('navigation', { name: 'Library' }).getByRole('link', { name }).click();
  await page.getByLabel('Markdown source').waitFor();
}

function frameEval<T>(page: Page, script: string): Promise<T> {
  return page.evaluate((code) => {
    const frame = document.querySelector<HTMLIFrameElement>('iframe[title="Preview"]')!;
    return new Function('win', 'doc', code)(frame.contentWindow, frame.contentDocument) as T;
  }, script);
}

describe('the live preview', () => {
  it('patches only the edited block while typing', async () => {
    const app = await openApp(browser, fill);
    const { page } = app;
    await openArticle(page, /Rich article/);
    const preview = previewArticle(page);
    await preview.locator('table').waitFor();
    // Mark every block element; after typing only the edited paragraph may be new.
    await frameEval(
      page,
      "for (const el of doc.querySelectorAll('#folio-preview > .folio-chunk > *, #folio-preview > :not(.folio-chunk)')) el.folioMark = true;",
    );
    await page.getByLabel('Markdown source').click();
    await page.keyboard.press('ControlOrMeta+Home');
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    await page.keyboard.type(' Typed words.');
    await preview.locator('p', { hasText: 'Typed words.' }).waitFor();
    const fresh = await frameEval<string[]>(
      page,
      "return [...doc.querySelectorAll('#folio-preview > .folio-chunk > *, #folio-preview > :not(.folio-chunk)')].filter((el) => !el.folioMark).map((el) => el.textContent.slice(0, 30));",
    );
    expect(fresh).toHaveLength(1);
    expect(fresh[0]).toContain('Text with');
    // Isolated, so the worker's answers can reach the page inside the keystroke's frame.
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    await app.close();
  });

  it('keeps blocks in order in their chunks through a paste of 200 paragraphs and its undo', async () => {
    const paragraphs = (prefix: string, count: number): string[] =>
      Array.from({ length: count }, (_, i) => `${prefix} ${i + 1}.`);
    const app = await openApp(browser, (library) =>
      writeFile(path.join(library, 'chunks.md'), `# Chunks\n\n${paragraphs('Old', 120).join('\n\n')}\n`),
    );
    const { page } = app;
    await openArticle(page, /Chunks/);
    const preview = previewArticle(page);
    await preview.locator('p', { hasText: 'Old 120.' }).waitFor({ state: 'attached' });
    // Every block's text in document order, and each chunk's size.
    const shown = (): Promise<{ texts: string[]; sizes: number[] }> =>
      frameEval(
        page,
        `const article = doc.getElementById('folio-preview');
         const chunks = [...article.querySelectorAll(':scope > .folio-chunk')];
         return { texts: chunks.flatMap((c) => [...c.children].map((el) => el.textContent)),
                  sizes: chunks.map((c) => c.childElementCount) };`,
      );
    const before = await shown();
    expect(before.texts).toEqual(['Chunks', ...paragraphs('Old', 120)]);

    // Paste 200 new paragraphs after "Old 60." (one edit: one chunk grows, then is cut).
    await page.getByLabel('Markdown source').click();
    await page.keyboard.press('ControlOrMeta+Home');
    for (let line = 1; line < 123; line++) await page.keyboard.press('ArrowDown');
    await page.keyboard.insertText(
      Array.from({ length: 200 }, (_, i) => `New ${i + 1}.`).join('\n\n') + '\n\n',
    );
    await preview.locator('p', { hasText: 'New 200.' }).waitFor({ state: 'attached' });
    const pasted = await shown();
    expect(pasted.texts).toEqual([
      'Chunks',
      ...paragraphs('Old', 60),
      ...paragraphs('New', 200),
      ...paragraphs('Old', 120).slice(60),
    ]);
    expect(Math.max(...pasted.sizes)).toBeLessThanOrEqual(96);
    expect(Math.min(...pasted.sizes)).toBeGreaterThan(0);

    await page.keyboard.press('ControlOrMeta+z');
    await preview.locator('p', { hasText: 'New 1.' }).waitFor({ state: 'detached' });
    const undone = await shown();
    expect(undone.texts).toEqual(before.texts);
    expect(Math.min(...undone.sizes)).toBeGreaterThan(0);
    await app.close();
  });

  it('replaces only the edited note while typing in a footnote', async () => {
    const app = await openApp(browser, fill);
    const { page } = app;
    await openArticle(page, /Rich article/);
    const preview = previewArticle(page);
    await preview.locator('.footnotes li').waitFor();
    await frameEval(page, "for (const el of doc.querySelectorAll('#folio-preview *')) el.folioMark = true;");
    await page.getByLabel('Markdown source').click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('End');
    await page.keyboard.type(' More.');
    await preview.locator('.footnotes li', { hasText: 'The note. More.' }).waitFor();
    // Nothing outside the note's item was rebuilt: no unmarked element but the item's own.
    const fresh = await frameEval<string[]>(
      page,
      "return [...doc.querySelectorAll('#folio-preview *')].filter((el) => !el.folioMark && !el.closest('.footnotes li')).map((el) => el.tagName);",
    );
    expect(fresh).toEqual([]);
    await app.close();
  });

  it('replaces only the edited item while typing in an item of a long list', async () => {
    const items = Array.from(
      { length: 150 },
      (_, i) =>
        `- Fixed bug ${i + 1} in the *parser* when \`code\` meets a [link](https://example.com/${i}).`,
    );
    const app = await openApp(browser, (library) =>
      writeFile(
        path.join(library, 'changes.md'),
        `# Changes\n\nWhat changed.\n\n${items.join('\n')}\n\nThe end.\n`,
      ),
    );
    const { page } = app;
    await openArticle(page, /Changes/);
    const preview = previewArticle(page);
    // The list is one block, all of it in the first screen: wait for the whole render after it.
    const frame = page.locator('iframe[title="Preview"]');
    await expect
      .poll(() => frame.evaluate((element: HTMLIFrameElement) => Number(element.dataset.previewPatches ?? 0)))
      .toBeGreaterThan(0);
    await preview.locator('li', { hasText: 'Fixed bug 150 in' }).waitFor({ state: 'attached' });
    await frameEval(page, "for (const el of doc.querySelectorAll('#folio-preview *')) el.folioMark = true;");
    // Line 5 holds item 1, line 84 item 80.
    await page.getByLabel('Markdown source').focus();
    await page.keyboard.press('ControlOrMeta+Alt+g');
    await page.keyboard.type('84');
    await page.keyboard.press('Enter');
    // After the item's marker (a long line wraps: End would stop at its first row's end).
    await page.keyboard.press('Home');
    for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.type('Thanks, ');
    await preview.locator('li', { hasText: /^Thanks, Fixed bug 80 in/ }).waitFor({ state: 'attached' });
    const shown = await frameEval<{ fresh: string[]; item: number; lines: string | null }>(
      page,
      `const list = doc.querySelector('#folio-preview ul');
       const items = [...list.children];
       return {
         fresh: [...doc.querySelectorAll('#folio-preview *')].filter((el) => !el.folioMark).map((el) => el.tagName),
         item: items.findIndex((el) => !el.folioMark),
         lines: list.getAttribute('data-line') + '-' + list.getAttribute('data-line-end'),
       };`,
    );
    // The list and its other items are the ones shown before: only the typed item is new.
    expect(shown.item).toBe(79);
    expect(shown.fresh).toEqual(['LI', 'EM', 'CODE', 'A']);
    expect(shown.lines).toBe('5-154');
    // A patch for an item the preview does not show (here: items cut from the list) carries no
    // list to fall back on: the preview renders the article again, once, and shows it whole.
    const wholeRenders = () =>
      frame.evaluate((element: HTMLIFrameElement) => Number(element.dataset.previewWholeRenders ?? 0));
    const before = await wholeRenders();
    await frameEval(
      page,
      "for (const item of [...doc.querySelectorAll('#folio-preview ul > li')].slice(60)) item.remove();",
    );
    await page.keyboard.type('really ');
    await preview
      .locator('li', { hasText: /^Thanks, really Fixed bug 80 in/ })
      .waitFor({ state: 'attached' });
    expect(await wholeRenders()).toBe(before + 1);
    expect(await preview.locator('ul > li').count()).toBe(150);
    await app.close();
  });

  it('replaces only the edited row while typing in a row of a long table', async () => {
    const rows = Array.from(
      { length: 150 },
      (_, i) => `| \`prop${i + 1}\` | [attr-${i + 1}](https://example.com/${i}) | *html* |`,
    );
    const app = await openApp(browser, (library) =>
      writeFile(
        path.join(library, 'props.md'),
        `# Properties\n\nWhat maps to what.\n\n| Property | Attribute | Space |\n| :- | :-: | -: |\n${rows.join('\n')}\n\nThe end.\n`,
      ),
    );
    const { page } = app;
    await openArticle(page, /Properties/);
    const preview = previewArticle(page);
    const frame = page.locator('iframe[title="Preview"]');
    await expect
      .poll(() => frame.evaluate((element: HTMLIFrameElement) => Number(element.dataset.previewPatches ?? 0)))
      .toBeGreaterThan(0);
    await preview.locator('tr', { hasText: 'attr-150' }).waitFor({ state: 'attached' });
    await frameEval(page, "for (const el of doc.querySelectorAll('#folio-preview *')) el.folioMark = true;");
    // Line 7 holds row 1, line 86 row 80.
    await page.getByLabel('Markdown source').focus();
    await page.keyboard.press('ControlOrMeta+Alt+g');
    await page.keyboard.type('86');
    await page.keyboard.press('Enter');
    // Into the first cell's code (a long line wraps: End would stop at its first row's end).
    await page.keyboard.press('Home');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.type('new_');
    await preview.locator('tr', { hasText: 'new_prop80' }).waitFor({ state: 'attached' });
    const shown = await frameEval<{ fresh: string[]; row: number; rows: number; lines: string | null }>(
      page,
      `const table = doc.querySelector('#folio-preview table');
       const rows = [...table.querySelector('tbody').children];
       return {
         fresh: [...doc.querySelectorAll('#folio-preview *')].filter((el) => !el.folioMark).map((el) => el.tagName),
         row: rows.findIndex((el) => !el.folioMark),
         rows: rows.length,
         lines: table.getAttribute('data-line') + '-' + table.getAttribute('data-line-end'),
       };`,
    );
    // The table and its other rows are the ones shown before: only the typed row is new.
    expect(shown.row).toBe(79);
    expect(shown.rows).toBe(150);
    expect(shown.fresh).toEqual(['TR', 'TD', 'CODE', 'TD', 'A', 'TD', 'EM']);
    expect(shown.lines).toBe('5-156');
    await app.close();
  });

  it('reads an article whose frontmatter fence is never closed as a plain document', async () => {
    const app = await openApp(browser, async (library) => {
      await writeFile(path.join(library, 'open.md'), '---\ntitle: Open fence\n\n> A quote\n\n- an item\n');
    });
    const { page } = app;
    await openArticle(page, /open/i);
    const preview = previewArticle(page);
    await preview.locator('blockquote', { hasText: 'A quote' }).waitFor();
    await preview.locator('ul li', { hasText: 'an item' }).waitFor();
    await app.close();
  });

  it('shows the frontmatter title as the export does, follows it, and steps aside for an H1', async () => {
    const app = await openApp(browser, async (library) => {
      await writeFile(path.join(library, 'owls.md'), '---\ntitle: Owls\ndate: 2026-11-27\n---\n\nBody.\n');
    });
    const { page } = app;
    await openArticle(page, /Owls/);
    const preview = previewArticle(page);
    const title = preview.locator(':scope > header.folio-title-block h1');
    await expect(title.textContent()).resolves.toBe('Owls');

    // Typing the title in the form (it writes the YAML) changes the block.
    const field = page.getByRole('form', { name: 'Article details' }).getByLabel('Title', { exact: true });
    await field.click();
    await field.press('End');
    await page.keyboard.type(' at dusk');
    await preview.locator('header h1', { hasText: 'Owls at dusk' }).waitFor();

    // An H1 of the article's own replaces it; removing the H1 brings it back.
    await page.getByLabel('Markdown source').click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type('\n# Own heading');
    await preview.locator('h1', { hasText: 'Own heading' }).waitFor();
    await expect.poll(() => preview.locator('header.folio-title-block').count()).toBe(0);
    await page.keyboard.press('Shift+Home');
    await page.keyboard.press('Backspace');
    await expect.poll(() => preview.locator('h1', { hasText: 'Own heading' }).count()).toBe(0);
    await preview.locator('header h1', { hasText: 'Owls at dusk' }).waitFor();
    await screenshot(page, 'preview-title-block');
    await app.close();
  });

  it('shows library images, a placeholder for missing ones and keeps remote images off', async () => {
    const app = await openApp(browser, fill);
    const { page } = app;
    await openArticle(page, /Rich article/);
    const preview = previewArticle(page);
    await preview.getByText('Image not found: images/missing.png').waitFor();
    await preview.getByText('Remote image not loaded: https://example.com/remote.png').waitFor();
    const width = await preview
      .locator('img[alt="Red dot"]')
      .evaluate((img: HTMLImageElement) => img.naturalWidth);
    expect(width).toBe(2);
    await page.getByRole('button', { name: 'Load remote images' }).waitFor();
    await screenshot(page, 'preview-images');
    await app.close();
  });

  it('follows anchors in the preview, opens article links in Folio and asks before external links', async () => {
    const app = await openApp(browser, fill);
    const { page } = app;
    await openArticle(page, /Rich article/);
    const preview = previewArticle(page);
    await preview.locator('table').waitFor();
    await page.setViewportSize({ width: 1000, height: 500 });
    await preview.getByRole('link', { name: 'the data' }).click();
    await expect.poll(() => frameEval<number>(page, 'return win.scrollY;')).toBeGreaterThan(50);

    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await preview.getByRole('link', { name: 'external link' }).click();
    await expect.poll(() => dialogs.length).toBe(1);
    expect(dialogs[0]).toContain('example.com');
    await preview.getByRole('link', { name: 'data file' }).click();
    await page.getByText('Only links to articles open inside Folio.').waitFor();
    expect(dialogs).toHaveLength(1);

    await preview.getByRole('link', { name: 'the other one' }).click();
    await preview.locator('h1', { hasText: 'Other article' }).waitFor();
    await app.close();
  });

  it('keeps its own reads of the preview frame working whatever ids and names an article holds', async () => {
    const names = [
      'body',
      'cookie',
      'forms',
      'getElementById',
      '__proto__',
      'location',
      'top',
      'opener',
      'constructor',
      'prototype',
      'hasOwnProperty',
      'document',
      'window',
      'parentNode',
      'children',
      'attributes',
      'addEventListener',
      'defaultView',
      'folio-preview',
    ];
    const hostile = [
      '# Clobbering',
      '',
      '[to the last one](#attributes)',
      '',
      ...names.flatMap((name) => [`## ${name}`, '', `Text under ${name}.`, '']),
      ...names.map(
        (name) =>
          `<a id="${name}" name="${name}">a</a><img name="${name}" alt="i"><form name="${name}"></form>`,
      ),
      '',
      '<div id="folio-preview">fake</div>',
    ].join('\n');
    const app = await openApp(browser, async (library) => {
      await writeFile(path.join(library, 'clobber.md'), hostile);
    });
    try {
      const { page } = app;
      await openArticle(page, /Clobbering/);
      const preview = previewArticle(page);
      await preview.locator('h2', { hasText: 'attributes' }).waitFor();
      const real = await frameEval<Record<string, boolean>>(
        page,
        `return {
          body: doc.body instanceof win.HTMLBodyElement,
          cookie: typeof doc.cookie === 'string',
          forms: doc.forms instanceof win.HTMLCollection && doc.forms.length === 0,
          getElementById: typeof doc.getElementById === 'function',
          proto: Object.getPrototypeOf(doc) === win.Document.prototype || Object.getPrototypeOf(doc) === win.HTMLDocument.prototype,
          location: doc.location === win.location && typeof doc.location.href === 'string',
          top: win.top === window.top,
          opener: win.opener === null,
          documentOfWindow: win.document === doc,
          defaultView: doc.defaultView === win,
          addEventListener: typeof win.addEventListener === 'function' && typeof doc.addEventListener === 'function',
          hasOwnProperty: typeof doc.hasOwnProperty === 'function',
          children: doc.children instanceof win.HTMLCollection,
          parentNode: doc.parentNode === null,
          // A heading "folio-preview" takes that slug, but lives inside the root, which comes
          // first in tree order: the app's getElementById still finds the root.
          previewRoot: doc.getElementById('folio-preview').parentElement === doc.body,
          noPlainNames: doc.querySelectorAll('#folio-preview [name]:not([name^="user-content-"])').length === 0,
        };`,
      );
      expect(JSON.stringify(Object.entries(real).filter(([, ok]) => !ok))).toBe('[]');
      // Patching still works: a typed word shows in the frame.
      await page.getByLabel('Markdown source').click();
      await page.keyboard.press('ControlOrMeta+Home');
      await page.keyboard.press('End');
      await page.keyboard.type(' still works');
      await preview.locator('h1', { hasText: 'Clobbering still works' }).waitFor();
      // An in-page link reaches its heading by its plain slug.
      await page.setViewportSize({ width: 1000, height: 500 });
      await preview.getByRole('link', { name: 'to the last one' }).click();
      await expect
        .poll(() =>
          frameEval<number>(
            page,
            "return Math.round(doc.getElementById('attributes').getBoundingClientRect().top);",
          ),
        )
        .toBeLessThan(100);
      expect(await frameEval<number>(page, 'return win.scrollY;')).toBeGreaterThan(50);
      // Clicking a block still moves the editor's cursor to its source line (scroll sync reads the frame).
      await preview.getByText('Text under hasOwnProperty.').click();
      await expect
        .poll(() => page.evaluate(() => document.querySelector('.cm-activeLine')?.textContent ?? ''))
        .toBe('Text under hasOwnProperty.');
      await screenshot(page, 'preview-hostile-ids');
    } finally {
      await app.close();
    }
  });

  it('syncs scrolling both ways and moves the cursor to the source of a clicked block', async () => {
    const app = await openApp(browser, fill);
    const { page } = app;
    await openArticle(page, /Long article/);
    const preview = previewArticle(page);
    await preview.locator('.footnotes').waitFor();
    // Editor → preview: page down in the editor; the section heading it shows is in view in the preview.
    await page.getByLabel('Markdown source').click();
    await page.keyboard.press('ControlOrMeta+Home');
    const findHeading = (): Promise<string | null> =>
      page.evaluate(() => {
        const box = document.querySelector<HTMLElement>('.cm-scroller')!.getBoundingClientRect();
        const line = [...document.querySelectorAll<HTMLElement>('.cm-line')].find((el) => {
          const rect = el.getBoundingClientRect();
          return (
            rect.top >= box.top + 40 &&
            rect.bottom <= box.bottom &&
            /^## Section \d+$/.test(el.textContent ?? '')
          );
        });
        return line?.textContent?.slice(3) ?? null;
      });
    // CodeMirror corrects its scroll position once it has measured the lines it paged to: read
    // the editor only when its scrolling has stopped, or the heading may move out again.
    const settledScroll = (): Promise<void> =>
      page.evaluate(async () => {
        const scroller = document.querySelector<HTMLElement>('.cm-scroller')!;
        const frames = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
        let last = -1;
        while (scroller.scrollTop !== last) {
          last = scroller.scrollTop;
          await frames();
        }
      });
    let heading: string | null = null;
    for (let i = 0; i < 30 && (heading === null || heading === 'Section 1'); i++) {
      await page.keyboard.press('PageDown');
      await settledScroll();
      heading = await findHeading();
    }
    expect(heading).toMatch(/^Section \d+$/);
    const visibleInPreview = (text: string): Promise<boolean> =>
      frameEval<boolean>(
        page,
        `const h = [...doc.querySelectorAll('h2')].find((el) => el.textContent === ${JSON.stringify(text)});
         const top = h.getBoundingClientRect().top; return top >= 0 && top < win.innerHeight;`,
      );
    await expect.poll(() => visibleInPreview(heading!)).toBe(true);

    // Preview → editor: scroll the preview with the wheel; the editor shows the top block's source.
    const frameBox = (await page.locator('iframe[title="Preview"]').boundingBox())!;
    await page.mouse.move(frameBox.x + frameBox.width / 2, frameBox.y + frameBox.height / 2);
    for (let i = 0; i < 25; i++) await page.mouse.wheel(0, 400);
    const topLine = async (): Promise<number> =>
      Number(
        await frameEval<string>(
          page,
          "return [...doc.querySelectorAll('#folio-preview > .folio-chunk > [data-line]')].find((el) => el.getBoundingClientRect().bottom > 4).getAttribute('data-line');",
        ),
      );
    await expect
      .poll(async () => {
        const text = generateLine(await topLine());
        return page.evaluate((wanted) => {
          const box = document.querySelector<HTMLElement>('.cm-scroller')!.getBoundingClientRect();
          return [...document.querySelectorAll<HTMLElement>('.cm-line')].some((el) => {
            const rect = el.getBoundingClientRect();
            return el.textContent === wanted && rect.bottom > box.top && rect.top < box.bottom;
          });
        }, text);
      })
      .toBe(true);
    expect(await topLine()).toBeGreaterThan(100);
    await screenshot(page, 'preview-scroll-sync');

    // Click-to-source: click a paragraph, the cursor's line is its first source line.
    const paragraph = preview.locator('p', { hasText: /\w/ }).nth(60);
    const expected = Number(await paragraph.getAttribute('data-line'));
    await paragraph.click({ position: { x: 5, y: 5 } });
    await expect
      .poll(() =>
        page.evaluate(() => {
          const active = document.querySelector('.cm-activeLine');
          const lines = [...document.querySelectorAll('.cm-line')];
          return active ? lines.indexOf(active) : -1;
        }),
      )
      .toBeGreaterThanOrEqual(0);
    const activeText = await page.locator('.cm-activeLine').textContent();
    const source = (await page.evaluate(() => document.title)) && generateLine(expected);
    expect(activeText).toBe(source);
    await app.close();

    function generateLine(line: number): string {
      return generateArticle(6000).replace('Generated article', 'Long article').split('\n')[line - 1]!;
    }
  });

  it('does not measure the preview for typing below its top line, and does for typing at it', async () => {
    const app = await openApp(browser, fill);
    const { page } = app;
    await openArticle(page, /Long article/);
    const preview = previewArticle(page);
    await preview.locator('.footnotes').waitFor();
    await page.getByLabel('Markdown source').click();
    for (let i = 0; i < 4; i++) await page.keyboard.press('PageDown');
    // A section heading well below the editor's top line: typing in it changes one short block.
    const headingBelowTop = (): Promise<string | null> =>
      page.evaluate(() => {
        const box = document.querySelector<HTMLElement>('.cm-scroller')!.getBoundingClientRect();
        const line = [...document.querySelectorAll<HTMLElement>('.cm-line')].find((el) => {
          const rect = el.getBoundingClientRect();
          return (
            rect.top >= box.top + 150 &&
            rect.bottom <= box.bottom - 50 &&
            /^## Section \d+$/.test(el.textContent ?? '')
          );
        });
        return line?.textContent ?? null;
      });
    await expect.poll(headingBelowTop).not.toBeNull();
    const name = (await headingBelowTop())!;
    await page.locator('.cm-line', { hasText: new RegExp(`^${name}$`) }).click();
    await page.keyboard.press('End');
    await page.waitForTimeout(300);
    // Count the preview's measurements from now on (its own Element.getBoundingClientRect).
    await frameEval(
      page,
      'win.folioMeasured = 0; const own = win.Element.prototype.getBoundingClientRect; win.Element.prototype.getBoundingClientRect = function () { win.folioMeasured++; return own.call(this); };',
    );
    await page.keyboard.type('abc');
    await preview.locator('h2', { hasText: `${name.slice(3)}abc` }).waitFor();
    await page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    );
    expect(await frameEval<number>(page, 'return win.folioMeasured;')).toBe(0);

    // Typing into the block at the editor's top line may move what the preview shows there.
    const top = await page.evaluate(() => {
      const box = document.querySelector<HTMLElement>('.cm-scroller')!.getBoundingClientRect();
      const line = [...document.querySelectorAll<HTMLElement>('.cm-line')].find(
        (el) => el.getBoundingClientRect().top >= box.top && (el.textContent ?? '').length > 20,
      )!;
      const rect = line.getBoundingClientRect();
      return { x: rect.left + 5, y: rect.top + 5 };
    });
    await page.mouse.click(top.x, top.y);
    await page.keyboard.press('End');
    await page.keyboard.type(' More words.');
    await preview.locator('p', { hasText: 'More words.' }).waitFor();
    await expect.poll(() => frameEval<number>(page, 'return win.folioMeasured;')).toBeGreaterThan(0);
    await app.close();
  });

  it('does not measure the preview for typing in the block after the one at its top line', async () => {
    const app = await openApp(browser, fill);
    const { page } = app;
    await openArticle(page, /Long article/);
    await previewArticle(page).locator('.footnotes').waitFor();
    // The editor's top inside the paragraph on line 15 (one source line, wrapped), the table
    // after it (lines 17-22) in view: typing in the table patches the block after the top one.
    await page.getByLabel('Markdown source').focus();
    await page.keyboard.press('ControlOrMeta+Alt+g');
    await page.keyboard.type('15');
    await page.keyboard.press('Enter');
    const paragraph = page.locator('.cm-line', { hasText: /^Article argument reader/ }).first();
    await paragraph.waitFor();
    await paragraph.evaluate((line) => {
      const scroller = line.closest<HTMLElement>('.cm-scroller')!;
      scroller.scrollTop += line.getBoundingClientRect().top - scroller.getBoundingClientRect().top + 12;
    });
    await page.waitForTimeout(300);
    await page.locator('.cm-line', { hasText: '| ink | 0 | margin reader |' }).click();
    await page.keyboard.press('End');
    for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowLeft');
    await page.waitForTimeout(300);
    await frameEval(
      page,
      'win.folioMeasured = 0; const own = win.Element.prototype.getBoundingClientRect; win.Element.prototype.getBoundingClientRect = function () { win.folioMeasured++; return own.call(this); };',
    );
    await page.keyboard.type(' abc');
    await previewArticle(page).locator('td', { hasText: 'margin reader abc' }).waitFor();
    await page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    );
    expect(await frameEval<number>(page, 'return win.folioMeasured;')).toBe(0);
    await app.close();
  });

  it('says an article is too complex to preview and keeps the editor working', async () => {
    const app = await openApp(browser, async (library) => {
      // Unclosed link openers, then closers: resolving them costs far more than linear time.
      // Sized so that an idle machine takes about three times the preview's budget for it
      // (about 40 s against 13 s here); a busier machine only makes it slower. In lines, so the
      // editor does not lay out one 360 KB line.
      const lines = (unit: string, count: number, perLine: number): string =>
        Array.from({ length: count / perLine }, () => unit.repeat(perLine)).join('\n');
      await writeFile(
        path.join(library, 'bomb.md'),
        `# Bomb\n\n${lines('[', 160_000, 1000)}\n${lines('](x)', 50_000, 250)}\n`,
      );
    });
    const { page } = app;
    await openArticle(page, /Bomb/);
    await page
      .getByText('This article is too complex to preview. The editor keeps working.')
      .waitFor({ timeout: 60_000 });
    await page.getByLabel('Markdown source').click();
    await page.keyboard.press('ControlOrMeta+Home');
    await page.keyboard.type('Still typing ');
    await page.locator('.cm-line', { hasText: 'Still typing' }).waitFor();
    await app.close();
  }, 120_000);
});
