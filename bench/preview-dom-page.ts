/** What the preview-dom bench runs in the app's page: the keystroke probe, markdown-it, and the moves that type. */
import type { Page } from 'playwright-core';

/**
 * The app's probe, as page source. Each `keydown` or `click` (capture phase) starts a
 * measurement at the event's own timestamp; the first change of the preview frame's article
 * after it ends it at the frame that paints that change: the next animation frame, then a
 * message posted from it, which runs after that frame's paint. Keystrokes that change nothing
 * are dropped, so every sample is a real keystroke-to-preview-painted latency.
 */
export const appProbeSource = `(() => {
  const probe = { samples: [], pending: null, waiters: [] };
  // Resolves once \`count\` samples exist (the app's CSP forbids waitForFunction's eval).
  probe.waitFor = (count) => new Promise((resolve) => {
    if (probe.samples.length >= count) resolve();
    else probe.waiters.push({ count, resolve });
  });
  window.folioPreviewProbe = probe;
  const channel = new MessageChannel();
  channel.port1.onmessage = (event) => {
    probe.samples.push(performance.now() - event.data);
    probe.waiters = probe.waiters.filter((w) => (probe.samples.length >= w.count ? (w.resolve(), false) : true));
  };
  const start = (event) => { if (probe.pending === null) probe.pending = event.timeStamp; };
  window.addEventListener('keydown', start, true);
  window.addEventListener('click', start, true);
  let observed = null;
  const observer = new MutationObserver(() => {
    if (probe.pending === null) return;
    const started = probe.pending;
    probe.pending = null;
    requestAnimationFrame(() => channel.port2.postMessage(started));
  });
  // A change made inside an animation frame callback (the preview reading the worker's answer
  // from shared memory) is painted in that frame: end the sample after it, not a frame later.
  const raf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (callback) => raf((time) => {
    callback(time);
    if (observer.takeRecords().length > 0 && probe.pending !== null) {
      const started = probe.pending;
      probe.pending = null;
      probe.inFrame = (probe.inFrame ?? 0) + 1;
      channel.port2.postMessage(started);
    }
  });
  // The frame may be (re)loaded when an article opens: follow whichever article is current.
  const attach = () => {
    const article =
      document.querySelector('iframe[title="Preview"]')?.contentDocument?.getElementById('folio-preview') ??
      document.getElementById('folio-preview');
    if (article && article !== observed) {
      observed = article;
      observer.observe(article, { childList: true, subtree: true, characterData: true });
    }
  };
  setInterval(attach, 5);
  attach();
})()`;

/** The probe's samples so far (ms). */
export async function samples(page: Page): Promise<number[]> {
  return (await page.evaluate('window.folioPreviewProbe.samples')) as number[];
}

/** Waits until the probe holds `count` samples. */
export async function waitForSamples(page: Page, count: number): Promise<void> {
  await page.evaluate(`window.folioPreviewProbe.waitFor(${count})`);
}

/**
 * Types `keystrokes` characters (a word's letters, then a space) at a typist's pace, so that one
 * keystroke's work does not queue behind the previous one, and returns one sample per keystroke.
 */
export async function typeAndSample(page: Page, keystrokes: number): Promise<number[]> {
  await page.evaluate('window.folioPreviewProbe.samples = []; window.folioPreviewProbe.pending = null');
  for (let i = 0; i < keystrokes; i++) {
    await page.keyboard.type(i % 6 === 5 ? ' ' : 'x');
    await waitForSamples(page, i + 1);
    await page.waitForTimeout(40);
  }
  return samples(page);
}

/** {@link typeAndSample} at the end of the focused editor's 13th line: a paragraph of the article. */
export async function typeInParagraph(page: Page, keystrokes: number): Promise<number[]> {
  await page.keyboard.press('ControlOrMeta+Home');
  for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await page.waitForTimeout(500);
  return typeAndSample(page, keystrokes);
}

/** markdown-it's full render of `text` in a page of the same Chromium, as page source. */
export const markdownItSource = `({ text, runs }) => {
  const md = window.markdownit({ html: true, linkify: true });
  for (let i = 0; i < 2; i++) md.render(text);
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    md.render(text);
    times.push(performance.now() - start);
  }
  return times;
}`;

/**
 * Resolves, in the app's page, once the preview frame has shown `count` patches (its
 * `data-preview-patches`), with the milliseconds since the event timestamp `since`.
 */
export const patchesShownSource = `({ count, since }) => new Promise((resolve) => {
  const frame = document.querySelector('iframe[title="Preview"]');
  const done = () => Number(frame.dataset.previewPatches ?? 0) >= count;
  if (done()) return resolve(performance.now() - since);
  const observer = new MutationObserver(() => {
    if (done()) {
      observer.disconnect();
      resolve(performance.now() - since);
    }
  });
  observer.observe(frame, { attributes: true });
})`;

/**
 * Moves the app editor's cursor into line `line` (go-to-line panel), two characters before the
 * end of its first screen row: never at the end of a paragraph, where a typed space changes
 * nothing the preview shows (and so would end no sample).
 */
export async function goToLine(page: Page, line: number): Promise<void> {
  await page.getByLabel('Markdown source').focus();
  await page.keyboard.press('ControlOrMeta+Alt+g');
  await page.keyboard.type(String(line));
  await page.keyboard.press('Enter');
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
}

/** The preview frame's count of whole renders (`data-preview-whole-renders`). */
export async function wholeRenders(page: Page): Promise<number> {
  return Number(
    await page
      .locator('iframe[title="Preview"]')
      .evaluate((frame: HTMLIFrameElement) => frame.dataset.previewWholeRenders),
  );
}

/**
 * The DOM half of the first table, as page source: loads the article's blocks into a page with
 * the preview's `content-visibility`, then times each keystroke's update plus the layout it
 * forces three ways: replacing only the changed block (Folio), replacing the whole article's
 * HTML, and morphdom diffing the whole article.
 */
export const domWorkSource = `({ initial, patches }) => {
  const article = document.getElementById('a');
  const style = document.createElement('style');
  style.textContent = '#a > * { content-visibility: auto; contain-intrinsic-size: auto 2em; }';
  document.head.append(style);
  const load = () => {
    article.innerHTML = '';
    const groups = [];
    for (const html of initial) {
      const template = document.createElement('template');
      template.innerHTML = html;
      const nodes = [...template.content.childNodes];
      groups.push(nodes);
      article.append(...nodes);
    }
    void article.offsetHeight;
    return groups;
  };
  const time = (work) => {
    const start = performance.now();
    work();
    void article.offsetHeight;
    return performance.now() - start;
  };
  const block = [];
  let groups = load();
  for (const patch of patches) {
    block.push(time(() => {
      const template = document.createElement('template');
      template.innerHTML = patch.html;
      const nodes = [...template.content.childNodes];
      const old = groups[patch.index];
      old[0].parentNode.insertBefore(template.content, old[0]);
      for (const node of old) node.parentNode?.removeChild(node);
      groups[patch.index] = nodes;
    }));
  }
  const whole = [];
  load();
  for (const patch of patches) whole.push(time(() => { article.innerHTML = patch.whole; }));
  const morph = [];
  load();
  for (const patch of patches) morph.push(time(() => window.morphdom(article, '<article id="a">' + patch.whole + '</article>', {})));
  return { block, whole, morph };
}`;
