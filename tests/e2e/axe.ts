import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, ImpactValue, Result, RunOptions } from 'axe-core';
import type { BrowserContext, Frame, Page } from 'playwright-core';

/**
 * axe-core's source, evaluated as a script in each frame through Playwright. An evaluation from
 * the test is not subject to the page's Content Security Policy, so Folio's CSP (no inline
 * scripts in the shell, `script-src 'none'` in the preview frame) stays as it ships.
 */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The WCAG 2.2 A and AA rule sets Folio is checked against. */
export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] as const;

/** The impacts that fail a check: an author with a disability is blocked or badly hindered. */
const failingImpacts: readonly ImpactValue[] = ['serious', 'critical'];

/** One rule broken by some elements of one frame. */
export interface AxeFinding {
  /** axe's rule id, e.g. `color-contrast`. */
  readonly rule: string;
  readonly impact: ImpactValue | undefined;
  /** axe's one-line description of the rule. */
  readonly help: string;
  /** The frame it was found in: `page`, or the `title` of the iframe. */
  readonly frame: string;
  /** Each element as CSS selector(s), with axe's summary of what is wrong with it. */
  readonly nodes: readonly { readonly target: string; readonly summary: string }[];
}

/** The iframe's `title` (how the author's screen reader names it), or `page` for the top frame. */
async function frameName(frame: Frame): Promise<string> {
  const element = await frame.frameElement().catch(() => null);
  if (!element) return 'page';
  return `frame "${(await element.getAttribute('title')) ?? frame.url()}"`;
}

const runOptions: RunOptions = {
  runOnly: { type: 'tag', values: [...wcagTags] },
  // Each frame gets a run of its own: axe's frame messaging needs scripts in every frame.
  iframes: false,
  resultTypes: ['violations'],
};

/** The part of axe's global that the checks call. */
interface AxeApi {
  run(context: Document, options: RunOptions): Promise<AxeResults>;
}

/** Loads axe into `frame` (once) and runs it on the frame's document. */
async function runInFrame(frame: Frame): Promise<AxeResults> {
  const loaded = await frame.evaluate(() => 'axe' in window);
  if (!loaded) await frame.evaluate(axeSource);
  return frame.evaluate(
    (options) => (window as unknown as { axe: AxeApi }).axe.run(document, options),
    runOptions,
  );
}

/** True when `frame` is an iframe sandboxed without `allow-scripts` (the preview, rendered diffs). */
async function scriptsBlocked(frame: Frame): Promise<boolean> {
  const element = await frame.frameElement().catch(() => null);
  const sandbox = element ? await element.getAttribute('sandbox') : null;
  return sandbox !== null && !sandbox.split(/\s+/).includes('allow-scripts');
}

/** One tab per browser context for the copies of sandboxed frames, opened on first need. */
const copyTabs = new WeakMap<BrowserContext, Promise<Page>>();

function copyTab(context: BrowserContext): Promise<Page> {
  let tab = copyTabs.get(context);
  if (!tab) {
    tab = context.newPage();
    copyTabs.set(context, tab);
  }
  return tab;
}

/**
 * Checks a frame whose sandbox blocks scripts. Playwright can evaluate in it, but the frame runs
 * no callbacks (timers, promise jobs of its own), so axe would never finish there. Instead its
 * live document (classes, inline `color-scheme`, patched blocks) is copied into a tab of its own
 * at the same address, size and color scheme, with the same stylesheets, and checked there.
 * Folio's sandbox and CSP stay as they ship. Returns null for a frame that is not on screen.
 */
async function runOnCopy(page: Page, frame: Frame): Promise<AxeResults | null> {
  const box = await (await frame.frameElement()).boundingBox();
  if (!box || box.width < 1 || box.height < 1) return null;
  // Inline styles travel as CSSOM text: the preview's CSP (no inline style attributes) would drop
  // them as attributes, though the app sets some through the CSSOM (the frame's color-scheme).
  const snapshot = await frame.evaluate(() => ({
    html: document.documentElement.innerHTML,
    attributes: Array.from(document.documentElement.attributes, ({ name, value }) => [name, value]),
    styles: Array.from(document.querySelectorAll<HTMLElement>('*'), (element) => element.style.cssText),
  }));
  const dark = await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches);
  const copy = await copyTab(page.context());
  await copy.emulateMedia({ colorScheme: dark ? 'dark' : 'light' });
  await copy.setViewportSize({ width: Math.round(box.width), height: Math.round(box.height) });
  if (copy.url() !== frame.url()) await copy.goto(frame.url());
  await copy.evaluate(async ({ html, attributes, styles }) => {
    const root = document.documentElement;
    for (const { name } of Array.from(root.attributes)) root.removeAttribute(name);
    for (const [name, value] of attributes) if (name !== 'style') root.setAttribute(name!, value!);
    root.innerHTML = html;
    document.querySelectorAll<HTMLElement>('*').forEach((element, index) => {
      if (styles[index]) element.style.cssText = styles[index];
    });
    const sheets = Array.from(document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]'));
    await Promise.all(
      sheets.map((link) =>
        link.sheet
          ? undefined
          : new Promise((done) => {
              link.addEventListener('load', done, { once: true });
              link.addEventListener('error', done, { once: true });
            }),
      ),
    );
  }, snapshot);
  return runInFrame(copy.mainFrame());
}

function toFinding(violation: Result, frame: string): AxeFinding {
  return {
    rule: violation.id,
    impact: violation.impact,
    help: violation.help,
    frame,
    nodes: violation.nodes.map((node) => ({
      target: node.target.map(String).join(' → '),
      summary: (node.failureSummary ?? '').replace(/\s+/g, ' ').trim(),
    })),
  };
}

/**
 * Checks the page and every frame in it (the preview, rendered diffs) with axe's WCAG 2.2 A/AA
 * rules and returns the serious and critical violations; an empty list means the screen passes.
 */
export async function seriousViolations(page: Page): Promise<AxeFinding[]> {
  const findings: AxeFinding[] = [];
  for (const frame of page.frames()) {
    if (frame.isDetached() || frame.url() === 'about:blank') continue;
    const results = (await scriptsBlocked(frame)) ? await runOnCopy(page, frame) : await runInFrame(frame);
    if (!results) continue;
    const name = await frameName(frame);
    for (const violation of results.violations) {
      if (failingImpacts.includes(violation.impact ?? null)) findings.push(toFinding(violation, name));
    }
  }
  return findings;
}

/** The findings as a readable list: one rule per paragraph, one element per line. */
export function describeFindings(findings: readonly AxeFinding[]): string {
  return findings
    .map(
      (finding) =>
        `${finding.rule} (${finding.impact}) in the ${finding.frame}: ${finding.help}\n` +
        finding.nodes.map((node) => `  - ${node.target}: ${node.summary}`).join('\n'),
    )
    .join('\n\n');
}
