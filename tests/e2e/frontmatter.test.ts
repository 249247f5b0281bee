import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openApp, screenshot, waitForYaml } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const post =
  '---\n' +
  '# A comment that must survive\n' +
  'title: Hello world\n' +
  'status: draft\n' +
  'date: 2024-03-01T10:00:00+02:00\n' +
  'tags: [writing, folio]\n' +
  'featured: true\n' +
  'reading_time: 5\n' +
  'shared: &shared x\n' +
  '---\n' +
  '\n' +
  '# Body\n' +
  '\n' +
  'Text of the article.\n';

// A 1×1 PNG, so the cover picker has a real image to show.
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

async function fill(library: string): Promise<void> {
  await writeFile(path.join(library, 'post.md'), post);
  await writeFile(path.join(library, 'other.md'), '---\ntitle: Other\ntags: [yaml, editors]\n---\nOther.\n');
  await mkdir(path.join(library, 'images'));
  await writeFile(path.join(library, 'images', 'cover.png'), png);
}

async function openPost(page: Page) {
  await page
    .getByRole('navigation', { name: 'Library' })
    .getByRole('link', { name: /Hello world/ })
    .click();
  const form = page.getByRole('form', { name: 'Article details' });
  await form.waitFor();
  return form;
}

describe('the frontmatter form in browser mode', () => {
  it('edits each kind of field in the YAML, undoes each edit, and saves only those bytes', async () => {
    const app = await openApp(browser, fill);
    const { page } = app;
    const form = await openPost(page);

    const title = form.getByLabel('Title', { exact: true });
    await expect(title.inputValue()).resolves.toBe('Hello world');
    await title.click();
    await page.keyboard.press('End');
    await page.keyboard.type(' again');
    await waitForYaml(page, 'title: Hello world again\n');
    await page.keyboard.press('ControlOrMeta+z');
    await waitForYaml(page, 'title: Hello world\n');
    await expect(title.inputValue()).resolves.toBe('Hello world');
    await page.keyboard.press('ControlOrMeta+Shift+z');
    await waitForYaml(page, 'title: Hello world again\n');

    await form.getByLabel('Status').selectOption('review');
    await waitForYaml(page, 'status: review\n');
    await form.getByLabel('Status').press('ControlOrMeta+z');
    await waitForYaml(page, 'status: draft\n');
    await form.getByLabel('Status').selectOption('published');
    await waitForYaml(page, 'status: published\n');

    const tags = form.getByRole('group', { name: 'Tags' });
    await tags.locator('input').fill('yaml');
    await tags.locator('input').press('Enter');
    await waitForYaml(page, 'tags: [writing, folio, yaml]\n');
    await tags.getByRole('button', { name: 'Remove writing from Tags' }).click();
    await waitForYaml(page, 'tags: [folio, yaml]\n');
    await tags.locator('input').press('ControlOrMeta+z');
    await waitForYaml(page, 'tags: [writing, folio, yaml]\n');
    await expect(
      tags.locator('datalist option').evaluateAll((o) => o.map((e) => (e as HTMLOptionElement).value)),
    ).resolves.toContain('editors');

    await form.getByLabel('Date', { exact: true }).fill('2024-04-15');
    await waitForYaml(page, 'date: 2024-04-15T10:00:00+02:00\n');

    await form.getByLabel('Featured').uncheck();
    await waitForYaml(page, 'featured: false\n');
    await form.getByLabel('Featured').press('ControlOrMeta+z');
    await waitForYaml(page, 'featured: true\n');

    await form.getByLabel('Reading time').fill('12');
    await waitForYaml(page, 'reading_time: 12\n');

    // Fields the article lacks are one click away in "+ Add field".
    const adder = form.getByRole('group', { name: 'Add field' });
    await form.getByRole('button', { name: '+ Add field' }).click();
    await adder.getByRole('button', { name: 'Subtitle', exact: true }).click();
    await form.getByLabel('Subtitle').fill('A subtitle: with a colon');
    await waitForYaml(page, 'subtitle: "A subtitle: with a colon"\n---');

    await form.getByRole('button', { name: '+ Add field' }).click();
    await adder.getByRole('button', { name: 'Cover image', exact: true }).click();
    await form.getByRole('button', { name: 'Choose…' }).click();
    await form.getByRole('option', { name: /cover\.png/ }).click();
    await waitForYaml(page, 'cover: images/cover.png\n');
    await form.locator('.folio-cover-row img').waitFor();

    await form.getByRole('button', { name: 'Edit as YAML' }).click();
    await expect(page.evaluate(() => window.getSelection()?.toString())).resolves.toBe('shared: &shared x');

    await screenshot(page, 'frontmatter-form-light');
    await page.keyboard.press('ControlOrMeta+s');
    await page.getByRole('contentinfo').getByText('Saved', { exact: true }).waitFor();
    expect(await readFile(path.join(app.library, 'post.md'), 'utf8')).toBe(
      '---\n' +
        '# A comment that must survive\n' +
        'title: Hello world again\n' +
        'status: published\n' +
        'date: 2024-04-15T10:00:00+02:00\n' +
        'tags: [writing, folio, yaml]\n' +
        'featured: true\n' +
        'reading_time: 12\n' +
        'shared: &shared x\n' +
        'subtitle: "A subtitle: with a colon"\n' +
        'cover: images/cover.png\n' +
        '---\n' +
        '\n' +
        '# Body\n' +
        '\n' +
        'Text of the article.\n',
    );
    await app.close();
  });

  it('follows YAML typed in the editor, and shows schema problems at the field', async () => {
    const app = await openApp(browser, fill);
    const { page } = app;
    const form = await openPost(page);
    await screenshot(page, 'frontmatter-form-open-light');
    await page.locator('.cm-content').click();
    await page.keyboard.press('ControlOrMeta+Home');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    await page.keyboard.type(' from YAML');
    await expect
      .poll(() => form.getByLabel('Title', { exact: true }).inputValue())
      .toBe('Hello world from YAML');

    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('slug: Not A Slug');
    const slug = form.getByLabel('Slug');
    await expect.poll(() => slug.inputValue()).toBe('Not A Slug');
    await expect(slug.getAttribute('aria-invalid')).resolves.toBe('true');
    await form.getByText('Slug does not have the expected form.').first().waitFor();
    await app.close();
  });

  it('turns into a read-only error with line, column and a jump; the body stays editable', async () => {
    const app = await openApp(browser, fill);
    const { page } = app;
    const form = await openPost(page);
    await page.locator('.cm-content').click();
    await page.keyboard.press('ControlOrMeta+Home');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('title: Twice');
    const alert = form.getByRole('alert');
    await alert.getByText(/Line 5, column 1: Duplicate key/).waitFor();
    await expect(form.getByLabel('Title', { exact: true }).count()).resolves.toBe(0);
    await screenshot(page, 'frontmatter-error-light');

    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type('More body text.');
    await alert.getByRole('button', { name: 'Go to line 5' }).click();
    await expect(page.locator('.cm-activeLine').textContent()).resolves.toBe('title: Twice');

    await page.keyboard.press('ControlOrMeta+s');
    await page.getByRole('contentinfo').getByText('Saved', { exact: true }).waitFor();
    const saved = await readFile(path.join(app.library, 'post.md'), 'utf8');
    expect(saved).toBe(post.replace('status: draft\n', 'status: draft\ntitle: Twice\n') + 'More body text.');
    await app.close();
  });

  it('follows the library schema: custom fields, required marks in the library and the form', async () => {
    const app = await openApp(browser, async (library) => {
      await fill(library);
      await mkdir(path.join(library, '.folio'));
      await writeFile(
        path.join(library, '.folio', 'schema.yaml'),
        'fields:\n  author: { required: true }\n  audience:\n    type: choice\n    choices: [beginners, experts]\n    help: Who it is for.\n',
      );
    });
    const { page } = app;
    const pane = page.getByRole('navigation', { name: 'Library' });
    await pane.getByText('⚠ Author is required.').first().waitFor();
    const form = await openPost(page);
    await form.getByRole('group', { name: 'Problems' }).getByText('Author is required.').waitFor();
    await form.getByText('required, missing').waitFor();
    await form.getByRole('button', { name: '+ Add field' }).click();
    const audience = form.getByRole('group', { name: 'Add field' }).getByRole('button', { name: 'Audience' });
    await expect(audience.getAttribute('aria-describedby')).resolves.toBeTruthy();
    await form.getByText('Who it is for.').waitFor();
    await audience.click();
    await form.getByLabel('Audience').selectOption('experts');
    await waitForYaml(page, 'audience: experts\n');
    await form.getByLabel('Author').fill('Ada');
    await waitForYaml(page, 'author: Ada\n');
    await expect(form.getByRole('group', { name: 'Problems' }).count()).resolves.toBe(0);
    await page.keyboard.press('ControlOrMeta+s');
    await page.getByRole('contentinfo').getByText('Saved', { exact: true }).waitFor();
    await expect
      .poll(() =>
        pane
          .getByRole('link', { name: /Hello world/ })
          .getByText(/Author is required/)
          .count(),
      )
      .toBe(0);
    await app.close();
  });

  it('starts a frontmatter block from the form, and leaves TOML alone', async () => {
    const app = await openApp(browser, async (library) => {
      await writeFile(path.join(library, 'plain.md'), '# Plain\n\nBody.\n');
      await writeFile(path.join(library, 'toml.md'), '+++\ntitle = "In TOML"\n+++\n\nBody.\n');
    });
    const { page } = app;
    const pane = page.getByRole('navigation', { name: 'Library' });
    await pane.getByRole('link', { name: /Plain/ }).click();
    const form = page.getByRole('form', { name: 'Article details' });
    await page.getByRole('button', { name: '+ Add details' }).click();
    await form.getByRole('button', { name: 'Title', exact: true }).click();
    await waitForYaml(page, '---\ntitle:\n---\n# Plain');
    await form.getByLabel('Title', { exact: true }).press('ControlOrMeta+z');
    await waitForYaml(page, '---', false);
    // The field went with the block, so redo is the editor's.
    await page.locator('.cm-content').press('ControlOrMeta+Shift+z');
    await form.getByLabel('Title', { exact: true }).fill('A real title');
    await waitForYaml(page, '---\ntitle: A real title\n---\n# Plain');

    await pane.getByRole('link', { name: /In TOML/ }).click();
    await form.getByText(/TOML frontmatter/).waitFor();
    await expect(form.getByRole('textbox').count()).resolves.toBe(0);
    await app.close();
  });

  it('looks right in dark mode', async () => {
    const app = await openApp(browser, fill, { colorScheme: 'dark' });
    const form = await openPost(app.page);
    await screenshot(app.page, 'frontmatter-form-open-dark');
    await form.getByRole('button', { name: '+ Add field' }).click();
    await form.getByRole('group', { name: 'Add field' }).getByRole('button', { name: 'Slug' }).click();
    await form.getByLabel('Slug').fill('Bad Slug');
    await form.getByText('Slug does not have the expected form.').first().waitFor();
    await screenshot(app.page, 'frontmatter-form-dark');
    await app.page.getByRole('button', { name: 'Article details' }).click();
    await expect(app.page.getByRole('form', { name: 'Article details' }).count()).resolves.toBe(0);
    await app.page.getByRole('button', { name: 'Article details' }).click();
    await app.close();
  });
});
