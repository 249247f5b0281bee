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

const sizes = [
  { width: 1400, height: 900 },
  { width: 1280, height: 720 },
] as const;

const titleOnly = '---\ntitle: Only a title\n---\n\nThe text comes first.\n';
const described =
  '---\ntitle: Owls at dusk\nstatus: draft\ntags: [birds, night, field-notes, winter, long-reads]\nslug: Not A Slug\n---\n\n' +
  'Owls hunt by ear.\n';

async function openArticle(page: Page, title: RegExp): Promise<void> {
  await page.getByRole('navigation', { name: 'Library' }).getByRole('link', { name: title }).click();
  await page.getByRole('region', { name: 'Frontmatter' }).waitFor();
}

/** The form's region, the button that opens and closes it, and its body when open. */
function details(page: Page) {
  const region = page.getByRole('region', { name: 'Frontmatter' });
  return {
    region,
    toggle: region.getByRole('button', { name: 'Article details' }),
    form: page.getByRole('form', { name: 'Article details' }),
  };
}

async function openDetails(page: Page): Promise<void> {
  const { toggle, form } = details(page);
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await form.waitFor();
}

/** Heights of the form's region, its header and the editor column, and the editor's own share. */
async function boxes(page: Page) {
  return page.evaluate(() => {
    const height = (selector: string): number =>
      document.querySelector(selector)?.getBoundingClientRect().height ?? Number.NaN;
    const region = document.querySelector('.folio-frontmatter') as HTMLElement;
    return {
      region: height('.folio-frontmatter'),
      header: height('.folio-frontmatter-header'),
      column: height('.folio-pane-editor'),
      editor: height('.folio-pane-editor .cm-editor'),
      scrolls: region.scrollHeight > region.clientHeight,
    };
  });
}

/** The form's editable values: inputs, text areas and selects (a tag list counts as one). */
function valueInputs(page: Page) {
  return details(page).form.locator('.folio-field').locator('input:not([type=time]), textarea, select');
}

describe('the Article details form takes only the room it needs', () => {
  for (const size of sizes) {
    const at = `${size.width}x${size.height}`;

    it(`shows one input for an article with only a title, in at most a third of the column (${at})`, async () => {
      const app = await openApp(browser, async (library) => {
        await writeFile(path.join(library, 'only.md'), titleOnly);
      });
      const { page } = app;
      await page.setViewportSize(size);
      await openArticle(page, /Only a title/);
      const { toggle, region, form } = details(page);
      // A window shorter than 800 px starts with the form closed, when nothing was remembered.
      await expect(toggle.getAttribute('aria-expanded')).resolves.toBe(size.height < 800 ? 'false' : 'true');
      await openDetails(page);
      await expect(valueInputs(page).count()).resolves.toBe(1);
      await expect(form.getByLabel('Title', { exact: true }).inputValue()).resolves.toBe('Only a title');
      const open = await boxes(page);
      expect(open.region).toBeLessThanOrEqual(open.column / 3);
      expect(open.editor).toBeGreaterThan(open.column / 2);

      // The setting brings every schema field back, still within a third, scrolling inside.
      await page.keyboard.press('ControlOrMeta+,');
      const settings = page.getByRole('dialog', { name: 'Settings' });
      await settings.getByRole('checkbox', { name: 'Show every schema field' }).check();
      await settings.getByRole('button', { name: 'Done' }).click();
      await expect.poll(() => valueInputs(page).count()).toBeGreaterThanOrEqual(12);
      await form.getByLabel('Subtitle', { exact: true }).waitFor();
      const full = await boxes(page);
      expect(full.region).toBeLessThanOrEqual(full.column / 3 + 1);
      expect(full.scrolls).toBe(true);
      expect(full.editor).toBeGreaterThan(full.column / 2);
      await screenshot(page, `frontmatter-every-field-${at}-light`);
      await page.keyboard.press('ControlOrMeta+,');
      await settings.getByRole('checkbox', { name: 'Show every schema field' }).uncheck();
      await settings.getByRole('button', { name: 'Done' }).click();
      await expect.poll(() => valueInputs(page).count()).toBe(1);

      // Closed, it is one line; reopening the article (and the page) keeps it closed.
      await toggle.click();
      await expect(form.count()).resolves.toBe(0);
      const closed = await boxes(page);
      expect(closed.region).toBeLessThan(closed.header + 2);
      expect(closed.header).toBeLessThan(40);
      await page.reload();
      await openArticle(page, /Only a title/);
      // The remembered state is per library, known once the library's name has arrived.
      await expect.poll(() => details(page).toggle.getAttribute('aria-expanded')).toBe('false');
      await region.getByText('Only a title').waitFor();
      await app.close();
    });

    it(`marks a missing required field and adds a schema field with its type (${at})`, async () => {
      const app = await openApp(browser, async (library) => {
        await writeFile(path.join(library, 'only.md'), titleOnly);
        await mkdir(path.join(library, '.folio'));
        await writeFile(
          path.join(library, '.folio', 'schema.yaml'),
          'fields:\n  description: { required: true }\n  reading_time:\n    type: number\n    label: Reading time\n    help: Minutes, rounded up.\n',
        );
      });
      const { page } = app;
      await page.setViewportSize(size);
      await openArticle(page, /Only a title/);
      await openDetails(page);
      const { form } = details(page);
      const description = form.getByRole('textbox', { name: 'Description', exact: true });
      await expect(valueInputs(page).count()).resolves.toBe(2);
      await expect(description.getAttribute('aria-required')).resolves.toBe('true');
      await expect(description.getAttribute('aria-invalid')).resolves.toBe('true');
      // The state is in words, and the input is described by them.
      const describedBy = (await description.getAttribute('aria-describedby'))!.split(' ');
      const descriptions = await Promise.all(
        describedBy.map((id) => page.locator(`[id="${id}"]`).textContent()),
      );
      expect(descriptions).toContain('required, missing');

      await form.getByRole('button', { name: '+ Add field' }).click();
      const adder = form.getByRole('group', { name: 'Add field' });
      // Each field of the list says its type and help; Description is already shown, not offered.
      const readingTime = adder.getByRole('button', { name: 'Reading time', exact: true });
      await expect(readingTime.getAttribute('aria-describedby')).resolves.toBeTruthy();
      await adder.getByText('Minutes, rounded up.').waitFor();
      await adder.getByText('Lower-case words joined by hyphens, used in the address.').waitFor();
      await expect(adder.getByRole('button', { name: 'Description', exact: true }).count()).resolves.toBe(0);
      await screenshot(page, `frontmatter-add-list-${at}-light`);
      await readingTime.click();
      await waitForYaml(page, 'reading_time: 0\n---');
      const added = form.getByLabel('Reading time', { exact: true });
      await expect(added.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
      await expect(added.getAttribute('inputmode')).resolves.toBe('decimal');

      await form.getByRole('button', { name: '+ Add field' }).click();
      await adder.getByRole('button', { name: 'Date', exact: true }).click();
      await expect(form.getByLabel('Date', { exact: true }).getAttribute('type')).resolves.toBe('date');
      await form.getByRole('button', { name: '+ Add field' }).click();
      await adder.getByRole('button', { name: 'Tags', exact: true }).click();
      await form.getByRole('group', { name: 'Tags' }).waitFor();
      // One undo step takes the added list away again.
      await form.getByRole('group', { name: 'Tags' }).locator('input').press('ControlOrMeta+z');
      await waitForYaml(page, 'tags', false);

      await description.fill('Why owls hunt at dusk.');
      await waitForYaml(page, 'description: Why owls hunt at dusk.\n');
      await expect(form.getByText('required, missing').count()).resolves.toBe(0);
      await page.keyboard.press('ControlOrMeta+s');
      await page.getByRole('contentinfo').getByText('Saved', { exact: true }).waitFor();
      const saved = await readFile(path.join(app.library, 'only.md'), 'utf8');
      expect(saved).toMatch(
        /^---\ntitle: Only a title\nreading_time: 0\ndate: \d{4}-\d\d-\d\d\ndescription: Why owls hunt at dusk\.\n---\n\nThe text comes first\.\n$/,
      );
      await app.close();
    });

    it(`sums the article up in one closed line, whose problem count opens the form at the problem (${at})`, async () => {
      const app = await openApp(browser, async (library) => {
        await writeFile(path.join(library, 'owls.md'), described);
      });
      const { page } = app;
      await page.setViewportSize(size);
      await openArticle(page, /Owls at dusk/);
      const { toggle, region, form } = details(page);
      if ((await toggle.getAttribute('aria-expanded')) === 'true') await toggle.click();
      const header = region.locator('header');
      await header.getByText('Owls at dusk').waitFor();
      await expect(header.locator('.folio-summary-chip').allTextContents()).resolves.toEqual([
        'Status: draft',
        'birds',
        'night',
        'field-notes',
      ]);
      await header.getByText('+2').waitFor();
      const closed = await boxes(page);
      expect(closed.header).toBeLessThan(40);
      expect(closed.region).toBeLessThan(closed.header + 2);
      await screenshot(page, `frontmatter-summary-${at}-light`);

      await header.getByRole('button', { name: '1 problem' }).click();
      await form.waitFor();
      const slug = form.getByLabel('Slug', { exact: true });
      await expect(slug.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
      await expect(slug.getAttribute('aria-invalid')).resolves.toBe('true');
      // Emptied, the key leaves the YAML but its row stays under the cursor for the new value.
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.press('Backspace');
      await waitForYaml(page, 'slug', false);
      await expect(slug.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
      await page.keyboard.type('owls-at-dusk');
      await waitForYaml(page, 'slug: owls-at-dusk\n');
      await expect(header.getByRole('button', { name: /problem/ }).count()).resolves.toBe(0);

      // Broken YAML counts as a problem too: it leads to the line that breaks.
      await toggle.click();
      await page.locator('.cm-content').click();
      await page.keyboard.press('ControlOrMeta+Home');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('End');
      await page.keyboard.type('\ntitle: Twice');
      await header.getByRole('button', { name: 'YAML needs fixing' }).click();
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Go to line 3');
      await page.keyboard.press('Enter');
      await expect(page.locator('.cm-activeLine').textContent()).resolves.toBe('title: Twice');
      await app.close();
    });

    it(`keeps an article without frontmatter to one line with "+ Add details" (${at})`, async () => {
      const app = await openApp(browser, async (library) => {
        await writeFile(path.join(library, 'plain.md'), '# Plain\n\nBody.\n');
      });
      const { page } = app;
      await page.setViewportSize(size);
      await openArticle(page, /Plain/);
      const { region, form } = details(page);
      await region.getByText('No details yet').waitFor();
      await expect(form.count()).resolves.toBe(0);
      const closed = await boxes(page);
      expect(closed.region).toBeLessThan(closed.header + 2);
      await region.getByRole('button', { name: '+ Add details' }).click();
      // The list opens on its first field: Enter adds it, and typing fills it.
      const adder = form.getByRole('group', { name: 'Add field' });
      await adder.getByRole('button', { name: 'Title', exact: true }).waitFor();
      await expect(
        adder
          .getByRole('button', { name: 'Title', exact: true })
          .evaluate((element) => element === document.activeElement),
      ).resolves.toBe(true);
      await page.keyboard.press('Enter');
      await waitForYaml(page, '---\ntitle:\n---\n# Plain');
      const title = form.getByLabel('Title', { exact: true });
      await expect(title.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
      // Adding is one undo step: the block goes as it came.
      await title.press('ControlOrMeta+z');
      await waitForYaml(page, '---', false);
      // The field went with the block, so redo is the editor's.
      await page.locator('.cm-content').press('ControlOrMeta+Shift+z');
      await waitForYaml(page, '---\ntitle:\n---\n# Plain');
      await title.click();
      await page.keyboard.type('A real title');
      await waitForYaml(page, '---\ntitle: A real title\n---\n# Plain');
      await page.keyboard.press('ControlOrMeta+s');
      await page.getByRole('contentinfo').getByText('Saved', { exact: true }).waitFor();
      expect(await readFile(path.join(app.library, 'plain.md'), 'utf8')).toBe(
        '---\ntitle: A real title\n---\n# Plain\n\nBody.\n',
      );
      await app.close();
    });
  }
});

describe('the Article details form in light and dark', () => {
  for (const size of sizes) {
    for (const colorScheme of ['light', 'dark'] as const) {
      const at = `${size.width}x${size.height}`;
      it(`looks right open and closed (${at}, ${colorScheme})`, async () => {
        const app = await openApp(
          browser,
          async (library) => {
            await writeFile(path.join(library, 'owls.md'), described);
            await writeFile(path.join(library, 'plain.md'), '# Plain\n\nBody.\n');
            await mkdir(path.join(library, '.folio'));
            await writeFile(
              path.join(library, '.folio', 'schema.yaml'),
              'fields:\n  description: { required: true }\n',
            );
          },
          { colorScheme },
        );
        const { page } = app;
        await page.setViewportSize(size);
        await openArticle(page, /Owls at dusk/);
        await openDetails(page);
        const { form, toggle } = details(page);
        await form.getByText('required, missing').waitFor();
        await screenshot(page, `frontmatter-open-${at}-${colorScheme}`);
        await toggle.click();
        await expect(form.count()).resolves.toBe(0);
        await screenshot(page, `frontmatter-closed-${at}-${colorScheme}`);
        await openArticle(page, /Plain/);
        await page.getByRole('button', { name: '+ Add details' }).waitFor();
        await screenshot(page, `frontmatter-no-details-${at}-${colorScheme}`);
        await page.getByRole('button', { name: '+ Add details' }).click();
        await form.getByRole('group', { name: 'Add field' }).waitFor();
        await screenshot(page, `frontmatter-add-details-${at}-${colorScheme}`);
        await app.close();
      });
    }
  }
});
