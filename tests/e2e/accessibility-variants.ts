import type { Page } from 'playwright-core';
import { describeFindings, seriousViolations } from './axe';
import { screenshot } from './harness';

/** The window size of every e2e test (see `harness.ts`), in CSS pixels at 100% zoom. */
const windowSize = { width: 1360, height: 860 };

/**
 * The ways each screen is checked: the light and the dark theme (the OS's color scheme, which
 * Folio's default theme follows), and 200% zoom. Zoom is emulated as the browser does it: the
 * same window at 200% has half as many CSS pixels each way (680×430), so the layout reflows
 * exactly as for an author who zooms in.
 */
export const variants = [
  { name: 'light', colorScheme: 'light', viewport: windowSize },
  { name: 'dark', colorScheme: 'dark', viewport: windowSize },
  {
    name: '200% zoom',
    colorScheme: 'light',
    viewport: { width: windowSize.width / 2, height: windowSize.height / 2 },
  },
] as const;

/** Waits until the page has drawn twice: layout and resize observers have settled. */
function settle(page: Page): Promise<unknown> {
  return page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
}

/**
 * Checks the screen on show in every {@link variants variant} with axe (page and frames) and
 * returns the serious and critical violations as a readable report, empty when there are none.
 * The page is left light at 100% zoom, as the tests found it. With `screenshots`, each variant is
 * also saved as `<screenshots>-<variant>.png` for people to look at.
 */
export async function accessibilityReport(
  page: Page,
  screen: string,
  options: { screenshots?: string } = {},
): Promise<string> {
  const reports: string[] = [];
  try {
    for (const variant of variants) {
      await page.emulateMedia({ colorScheme: variant.colorScheme });
      await page.setViewportSize(variant.viewport);
      await settle(page);
      const findings = await seriousViolations(page);
      if (options.screenshots) {
        await screenshot(page, `${options.screenshots}-${variant.name.replace(/\W+/g, '-')}`);
      }
      if (findings.length > 0) reports.push(`${screen}, ${variant.name}:\n${describeFindings(findings)}`);
    }
  } finally {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize(windowSize);
    await settle(page);
  }
  return reports.join('\n\n');
}
