import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFiles } from '../helpers/temp-dir';
import { launchChromium, openApp, screenshot } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('the Updates setting', () => {
  it('is off, and in browser mode cannot be turned on, saying why', async () => {
    const app = await openApp(browser, (library) => writeFiles(library, { 'a.md': '# A\n' }));
    try {
      const { page } = app;
      await page.keyboard.press('ControlOrMeta+,');
      const settings = page.getByRole('dialog', { name: 'Settings' });
      const checkbox = settings.getByRole('checkbox', { name: 'Check for updates' });
      await expect.poll(() => checkbox.getAttribute('aria-describedby')).toBe('folio-update-checks-hint');
      await expect
        .poll(() => settings.locator('#folio-update-checks-hint').textContent())
        .toMatch(/^Only the installed desktop app updates itself\./);
      expect(await checkbox.isChecked()).toBe(false);
      expect(await checkbox.isDisabled()).toBe(true);
      await checkbox.scrollIntoViewIfNeeded();
      await screenshot(page, 'settings-updates');
      // Asked directly, the service refuses too, with the same reason, and nothing changes.
      const refused = await page.evaluate(
        async ({ url, token }) => {
          const response = await fetch(`${url}/api/setUpdateChecks`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({ enabled: true }),
          });
          return response.text();
        },
        { url: app.url, token: app.token },
      );
      expect(refused).toMatch(/INVALID_ARGUMENT/);
    } finally {
      await app.close();
    }
  });
});
