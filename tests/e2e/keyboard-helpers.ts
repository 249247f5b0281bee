import type { Page } from 'playwright-core';

/**
 * The accessible name of the focused element, roughly as a screen reader says it: its
 * `aria-label`, else the text of its `aria-labelledby` elements or its `<label>`, else its text.
 * A focused frame is named by its `title`.
 */
export function focusedLabel(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return '';
    const labelledBy = element
      .getAttribute('aria-labelledby')
      ?.split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ');
    const label = (element as HTMLInputElement).labels?.[0]?.textContent;
    return (
      element.getAttribute('aria-label') ??
      labelledBy ??
      label ??
      element.getAttribute('title') ??
      element.textContent ??
      ''
    ).trim();
  });
}

/**
 * Presses Tab (Shift+Tab with `backwards`) until the focused element's label matches `name`;
 * throws, listing the stops it passed, when `limit` presses did not get there.
 */
export async function tabTo(
  page: Page,
  name: RegExp,
  { limit = 60, backwards = false }: { limit?: number; backwards?: boolean } = {},
): Promise<void> {
  const passed: string[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    const label = await focusedLabel(page);
    if (name.test(label)) return;
    passed.push(label);
  }
  throw new Error(`No tab stop matched ${String(name)} in ${limit} presses: ${passed.join(' | ')}`);
}

/** Whether the focus is in the main editor's text. */
export function editorHasFocus(page: Page): Promise<boolean> {
  return page.evaluate(() => document.activeElement?.matches('.folio-pane-editor .cm-content') ?? false);
}

/** One change of the live region, as a screen reader would be told it. */
export interface Heard {
  readonly text: string;
  readonly politeness: string;
}

/**
 * Starts recording what the window's live regions say (the page's, or the one inside an open
 * modal dialog): every non-empty text one takes, with its `aria-live` at that moment, in order
 * (a MutationObserver in the page).
 */
export async function listenToLiveRegion(page: Page): Promise<void> {
  await page.evaluate(() => {
    if (!document.querySelector('.folio-live-region')) throw new Error('no live region');
    const heard: { text: string; politeness: string }[] = [];
    (window as unknown as { folioHeard: typeof heard }).folioHeard = heard;
    new MutationObserver((records) => {
      for (const record of records) {
        const target = record.target instanceof Element ? record.target : record.target.parentElement;
        const region = target?.closest('.folio-live-region');
        const text = region?.textContent ?? '';
        if (text) heard.push({ text, politeness: region!.getAttribute('aria-live') ?? '' });
      }
    }).observe(document.body, { childList: true, characterData: true, subtree: true });
  });
}

/** What the live region said since {@link listenToLiveRegion}. */
export function heardSoFar(page: Page): Promise<Heard[]> {
  return page.evaluate(() => (window as unknown as { folioHeard: Heard[] }).folioHeard.slice());
}

/** Only the texts of {@link heardSoFar}. */
export async function heardTexts(page: Page): Promise<string[]> {
  return (await heardSoFar(page)).map((heard) => heard.text);
}
