import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openApp, screenshot, waitForYaml } from './harness';
import { boxOf, inside, overlap, textContrast } from './layout-checks';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function open(page: Page, title: RegExp) {
  await page.getByRole('navigation', { name: 'Library' }).getByRole('link', { name: title }).click();
  const form = page.getByRole('form', { name: 'Article details' });
  await form.waitFor();
  return form;
}

async function save(page: Page): Promise<void> {
  await page.keyboard.press('ControlOrMeta+s');
  await page.getByRole('contentinfo').getByText('Saved', { exact: true }).waitFor();
}

// CRLF line endings and keys indented by two spaces: added keys must follow both.
const crlfPost = [
  '---',
  '  title: Fields',
  '  featured: true',
  '  tags:',
  '    - a',
  '---',
  '',
  'Body.',
  '',
].join('\r\n');

describe('adding and removing frontmatter fields in browser mode', () => {
  it('adds a schema field and a custom field, removes one, each as one undo step', async () => {
    const app = await openApp(browser, async (library) => {
      await writeFile(path.join(library, 'fields.md'), crlfPost);
    });
    const { page } = app;
    const form = await open(page, /Fields/);

    await form.getByRole('button', { name: '+ Add field' }).click();
    const adder = form.getByRole('group', { name: 'Add field' });
    await adder.getByRole('button', { name: 'Author', exact: true }).click();
    await waitForYaml(page, '  author:\n---');
    // The new field has the focus: typing fills it.
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toMatch(/-author$/);
    await page.keyboard.type('Ada');
    await waitForYaml(page, '  author: Ada\n---');

    await form.getByRole('button', { name: '+ Add field' }).click();
    await adder.getByRole('button', { name: 'Custom field…' }).click();
    await adder.getByLabel('Name').fill('title');
    await adder.getByLabel('Name').press('Enter');
    await adder.getByRole('alert').getByText('“title” is already in this article.').waitFor();
    await adder.getByLabel('Name').fill('series');
    await adder.getByLabel('Type').selectOption({ label: 'List' });
    await adder.getByRole('button', { name: 'Add', exact: true }).scrollIntoViewIfNeeded();
    await screenshot(page, 'frontmatter-add-field-light');
    await adder.getByLabel('Name').press('Enter');
    await waitForYaml(page, '  series: []\n---');
    await expect(form.getByRole('group', { name: 'Series' }).count()).resolves.toBe(1);
    // One undo step takes the added key away again, whole.
    await form.getByRole('group', { name: 'Series' }).locator('input').press('ControlOrMeta+z');
    await waitForYaml(page, 'series', false);
    await form.getByRole('group', { name: 'Tags' }).locator('input').press('ControlOrMeta+Shift+z');
    await waitForYaml(page, '  series: []\n---');

    await form.getByRole('button', { name: 'Remove Featured' }).click();
    await waitForYaml(page, 'featured', false);
    await form.getByLabel('Title', { exact: true }).press('ControlOrMeta+z');
    await waitForYaml(page, '  featured: true\n');
    await form.getByRole('button', { name: 'Remove Featured' }).click();
    await waitForYaml(page, 'featured', false);

    // Escape closes the adder without adding anything.
    await form.getByRole('button', { name: '+ Add field' }).click();
    await adder.getByRole('button', { name: 'Subtitle', exact: true }).press('Escape');
    await expect(adder.count()).resolves.toBe(0);
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('+ Add field');

    await save(page);
    expect(await readFile(path.join(app.library, 'fields.md'), 'utf8')).toBe(
      [
        '---',
        '  title: Fields',
        '  tags:',
        '    - a',
        '  author: Ada',
        '  series: []',
        '---',
        '',
        'Body.',
        '',
      ].join('\r\n'),
    );
    await app.close();
  });

  it('types into the title of a 1,000-key block and keeps every other byte', async () => {
    const lines = [
      '---',
      'title: Big',
      ...Array.from({ length: 1000 }, (_, i) => `key_${i}: "value ${i}" # note ${i}`),
    ];
    const big = `${lines.join('\n')}\n---\n\nBody.\n`;
    const app = await openApp(browser, async (library) => {
      await writeFile(path.join(library, 'big.md'), big);
    });
    const { page } = app;
    const form = await open(page, /Big/);
    const title = form.getByLabel('Title', { exact: true });
    await title.click();
    await page.keyboard.press('End');
    await page.keyboard.type(' block, typed');
    await waitForYaml(page, 'title: Big block, typed\n');
    await expect(title.inputValue()).resolves.toBe('Big block, typed');
    await save(page);
    expect(await readFile(path.join(app.library, 'big.md'), 'utf8')).toBe(
      big.replace('title: Big\n', 'title: Big block, typed\n'),
    );
    await app.close();
  });
});

const datedPost =
  '---\n' +
  'title: Dated\n' +
  'date: "Wed, 01 May 2024 10:00:00 +0000"\n' +
  'updated: 05/01/2024\n' +
  'published_on: May 1st, 2024\n' +
  '---\n\nBody.\n';

describe('date fields in browser mode', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`picks a day and keeps the file's date shape (${colorScheme})`, async () => {
      const app = await openApp(
        browser,
        async (library) => {
          await writeFile(path.join(library, 'dated.md'), datedPost);
        },
        { colorScheme },
      );
      const { page } = app;
      const form = await open(page, /Dated/);
      const date = form.getByLabel('Date', { exact: true });
      await expect(date.inputValue()).resolves.toBe('2024-05-01');
      await form.getByText('kept as “Wed, 01 May 2024 10:00:00 +0000”').waitFor();
      await date.fill('2024-06-22');
      await waitForYaml(page, 'date: "Sat, 22 Jun 2024 10:00:00 +0000"\n');
      const time = form.getByLabel('Date time', { exact: true });
      await expect(time.inputValue()).resolves.toBe('10:00:00');
      await time.fill('08:15:30');
      await waitForYaml(page, 'date: "Sat, 22 Jun 2024 08:15:30 +0000"\n');

      const published = form.getByLabel('Published on', { exact: true });
      await expect(published.inputValue()).resolves.toBe('2024-05-01');
      await published.fill('2024-12-03');
      await waitForYaml(page, 'published_on: December 3rd, 2024\n');
      await published.press('ControlOrMeta+z');
      await waitForYaml(page, 'published_on: May 1st, 2024\n');

      // Day or month first? Folio does not guess: the value stays text, with a hint.
      const updated = form.getByLabel('Updated', { exact: true });
      await expect(updated.getAttribute('type')).resolves.toBe('text');
      await expect(updated.inputValue()).resolves.toBe('05/01/2024');
      await form.getByText(/Not a date Folio can read without guessing/).waitFor();
      await form
        .getByText('Updated should be a date like 2024-05-31 (found “05/01/2024”).')
        .first()
        .waitFor();
      await date.scrollIntoViewIfNeeded();
      await screenshot(page, `frontmatter-dates-${colorScheme}`);
      await updated.fill('2024-05-01');
      await expect.poll(() => updated.getAttribute('type')).toBe('date');

      await save(page);
      expect(await readFile(path.join(app.library, 'dated.md'), 'utf8')).toBe(
        datedPost
          .replace('Wed, 01 May 2024 10:00:00', 'Sat, 22 Jun 2024 08:15:30')
          .replace('updated: 05/01/2024', 'updated: 2024-05-01'),
      );
      await app.close();
    });
  }
});

describe('schema marks in the library pane without a schema file', () => {
  it('marks an article that breaks the built-in schema, and clears the mark once fixed', async () => {
    const app = await openApp(browser, async (library) => {
      await writeFile(path.join(library, 'gone.md'), '---\ntitle: Gone\nstatus: gone\n---\n\nBody.\n');
      await writeFile(path.join(library, 'fine.md'), '---\ntitle: Fine\nstatus: draft\n---\n\nBody.\n');
    });
    const { page } = app;
    const pane = page.getByRole('navigation', { name: 'Library' });
    const mark = pane
      .getByRole('link', { name: /Gone/ })
      .getByText('⚠ Status should be one of draft, review, published.');
    await mark.waitFor();
    await expect(pane.getByRole('link', { name: /Fine/ }).getByText(/⚠/).count()).resolves.toBe(0);
    await screenshot(page, 'frontmatter-library-marks-light');
    const form = await open(page, /Gone/);
    await form.getByLabel('Status').selectOption('review');
    await waitForYaml(page, 'status: review\n');
    await save(page);
    await expect.poll(() => mark.count()).toBe(0);
    await app.close();
  });

  it('shows the same frontmatter error in the pane and in the form (the two parsers agree)', async () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]'];
    for (const c of 'cdefghij') {
      const prev = String.fromCharCode(c.charCodeAt(0) - 1);
      bomb.push(`${c}: &${c} [${Array.from({ length: 10 }, () => `*${prev}`).join(', ')}]`);
    }
    const app = await openApp(
      browser,
      async (library) => {
        await writeFile(
          path.join(library, 'bomb.md'),
          `---\ntitle: Bomb\n${bomb.join('\n')}\n---\n\nBody.\n`,
        );
      },
      { colorScheme: 'dark' },
    );
    const { page } = app;
    const pane = page.getByRole('navigation', { name: 'Library' });
    await pane
      .getByText(/⚠ Invalid frontmatter at line \d+, column \d+: These aliases expand too much/)
      .waitFor();
    await pane.getByRole('link', { name: /bomb/i }).click();
    const form = page.getByRole('form', { name: 'Article details' });
    await form
      .getByRole('alert')
      .getByText(/These aliases expand too much/)
      .waitFor();
    await screenshot(page, 'frontmatter-parsers-agree-dark');
    await app.close();
  });
});

describe('the Add field panel in dark mode', () => {
  it('shows the Add field panel and the remove buttons inside the form, readable in dark mode', async () => {
    const app = await openApp(
      browser,
      async (library) => {
        await writeFile(path.join(library, 'fields.md'), crlfPost);
      },
      { colorScheme: 'dark' },
    );
    const { page } = app;
    const form = await open(page, /Fields/);
    await form.getByLabel('Title', { exact: true }).hover();
    await form.getByRole('button', { name: '+ Add field' }).click();
    const adder = form.getByRole('group', { name: 'Add field' });
    await adder.getByRole('button', { name: 'Custom field…' }).click();
    await adder.getByLabel('Name').fill('series');
    const add = adder.getByRole('button', { name: 'Add', exact: true });
    await add.scrollIntoViewIfNeeded();
    const formBox = await boxOf(form);
    const adderBox = await boxOf(adder);
    expect(inside(adderBox, formBox)).toBe(true);
    expect(inside(await boxOf(add), adderBox)).toBe(true);
    expect(await textContrast(adder.getByLabel('Name'))).toBeGreaterThanOrEqual(4.5);
    await expect(adder.getByLabel('Name').inputValue()).resolves.toBe('series');
    await screenshot(page, 'frontmatter-add-field-dark');
    const remove = form.getByRole('button', { name: 'Remove Title' });
    // Reached from the keyboard (a ring shows for keyboard focus, not for a click).
    await remove.focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Shift+Tab');
    await expect.poll(() => remove.evaluate((element) => element === document.activeElement)).toBe(true);
    await remove.scrollIntoViewIfNeeded();
    const removeBox = await boxOf(remove);
    expect(inside(removeBox, formBox)).toBe(true);
    expect(overlap(removeBox, await boxOf(form.getByLabel('Title', { exact: true })))).toBe(false);
    const ring = await remove.evaluate((element) => {
      const style = getComputedStyle(element);
      return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0
        ? 'outline'
        : style.boxShadow;
    });
    expect(ring).not.toBe('none');
    await screenshot(page, 'frontmatter-remove-field-dark');
    await app.close();
  });
});
