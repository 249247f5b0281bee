/**
 * Profiles typing into the benches' book (`FOLIO_BENCH_BOOK`, else the real book of
 * bench/real-documents.ts) in the app (browser mode, a
 * renderer built without minification and with source maps) and in bare CodeMirror, and prints
 * where each keystroke's main-thread time goes: JavaScript by source (Folio, CodeMirror, React,
 * ...), style, layout, paint and garbage collection, and the preview worker's busy time.
 *
 *   npx electron-vite build -c scripts/profile-renderer.config.ts --outDir /tmp/folio-profile
 *   npx tsx scripts/profile-typing.ts /tmp/folio-profile/renderer [start|middle|end|list] [keystrokes] [app|peer|both]
 *
 * `list` types in the middle item of the longest list, as the preview-dom bench does.
 * PAUSE_MS=330 pauses after each keystroke (typing that pauses, where the app's figures follow);
 * the CPU profiles are written to the system's temporary folder, for Chromium's DevTools.
 * Compare the shares within one run: the machine may be shared.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import { chromium, type CDPSession, type Page } from 'playwright-core';
import { withCodeMirrorPeer } from '../bench/codemirror-peer';
import { appProbeSource, goToLine, patchesShownSource, typeAndSample } from '../bench/preview-dom-page';
import { benchBook } from '../bench/bench-book';
import { paragraphLinesNear } from '../bench/real-documents';
import { longListItemLine } from '../bench/typing-places';
import { startBrowserMode } from '../electron/web';

const [rendererDir = 'out/renderer', place = 'middle', keystrokeArg = '100', which = 'both'] =
  process.argv.slice(2);
const keystrokes = Number(keystrokeArg);
/** Pause after each keystroke (ms, env PAUSE_MS): 0 types at the bench's pace. */
const pauseMs = Number(process.env.PAUSE_MS ?? 0);
const fractions: Record<string, number> = { start: 0.01, middle: 0.5, end: 0.99 };

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}
interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

const maps = new Map<string, TraceMap | null>();

async function mapFor(url: string): Promise<TraceMap | null> {
  if (maps.has(url)) return maps.get(url)!;
  let map: TraceMap | null = null;
  const file = url.match(/\/assets\/([^/?#]+\.js)/)?.[1];
  if (file) {
    try {
      map = new TraceMap(await readFile(path.join(rendererDir, 'assets', `${file}.map`), 'utf8'));
    } catch {
      map = null;
    }
  }
  maps.set(url, map);
  return map;
}

/** The original source of a profile frame, or a pseudo-source for V8's own nodes. */
async function sourceOf(frame: ProfileNode['callFrame']): Promise<string> {
  if (!frame.url) return frame.functionName || '(anonymous)';
  const map = await mapFor(frame.url);
  if (!map) return frame.url.replace(/^.*\//, '');
  const position = originalPositionFor(map, { line: frame.lineNumber + 1, column: frame.columnNumber });
  return position.source ?? frame.url.replace(/^.*\//, '');
}

/** Which part of the stack a source belongs to. */
function groupOf(source: string): string {
  if (source.startsWith('(')) return source;
  // The bench's bare CodeMirror page is one minified bundle: all of it is CodeMirror.
  if (/@codemirror\/|@lezer\/|codemirror-vim|style-mod|crelt|w3c-keyname|codemirror-peer/.test(source)) {
    return 'CodeMirror';
  }
  if (/node_modules\/(react|react-dom|scheduler)\//.test(source)) return 'React';
  if (/renderer\/src\//.test(source)) return 'Folio';
  if (/shared\//.test(source)) return 'Folio shared';
  if (/bench\/|peers\//.test(source)) return 'bench';
  if (/node_modules\//.test(source)) return 'other packages';
  return 'page (probe, playwright)';
}

/** Self time per group and per function, and total time per Folio function. */
async function attribute(profile: CpuProfile): Promise<{
  groups: Map<string, number>;
  self: Map<string, number>;
  total: Map<string, number>;
  appMs: number;
}> {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const label = new Map<number, { group: string; name: string }>();
  for (const node of profile.nodes) {
    const source = await sourceOf(node.callFrame);
    const short = source.replace(/^.*node_modules\//, '').replace(/^.*renderer\/src\//, 'src/');
    label.set(node.id, {
      group: groupOf(source),
      name: `${node.callFrame.functionName || '(anonymous)'} ${short}:${node.callFrame.lineNumber + 1}`,
    });
  }
  const groups = new Map<string, number>();
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  // The app's own time: samples with a Folio or React frame on the stack, other than the editor's
  // dispatch wrapper, inside which CodeMirror's own update runs.
  let appMs = 0;
  const add = (map: Map<string, number>, key: string, ms: number): void => {
    map.set(key, (map.get(key) ?? 0) + ms);
  };
  for (let i = 0; i < profile.samples.length; i++) {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const id = profile.samples[i]!;
    const own = label.get(id)!;
    add(groups, own.group, ms);
    add(self, own.name, ms);
    const seen = new Set<string>();
    let app = false;
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const { name, group } = label.get(at)!;
      if (group.startsWith('Folio') && !seen.has(name)) {
        seen.add(name);
        add(total, name, ms);
      }
      if ((group.startsWith('Folio') || group === 'React') && !name.startsWith('dispatchTransactions ')) {
        app = true;
      }
    }
    if (app) appMs += ms;
  }
  return { groups, self, total, appMs };
}

const timelineCategories = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'v8.execute',
  'blink',
  'loading',
].join(',');

async function startTrace(session: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  session.on('Tracing.dataCollected', (data) => {
    events.push(...(data.value as unknown as TraceEvent[]));
  });
  await session.send('Tracing.start', {
    categories: timelineCategories,
    transferMode: 'ReportEvents',
  });
  return async () => {
    const done = new Promise<void>((resolve) => session.once('Tracing.tracingComplete', () => resolve()));
    await session.send('Tracing.end');
    await done;
    return events;
  };
}

/** Busy time per top-level task kind on the page's main thread and on its workers. */
function summarizeTrace(events: TraceEvent[]): {
  main: Map<string, number>;
  workers: number;
  gcCount: number;
} {
  const threadNames = new Map<string, string>();
  for (const event of events) {
    if (event.ph === 'M' && event.name === 'thread_name') {
      threadNames.set(`${event.pid}:${event.tid}`, event.args?.name ?? '');
    }
  }
  const pageMain = [...threadNames].filter(([, name]) => name === 'CrRendererMain').map(([key]) => key);
  const workers = [...threadNames].filter(([, name]) => /DedicatedWorker/.test(name)).map(([key]) => key);
  const interesting = new Set([
    'UpdateLayoutTree',
    'Layout',
    'PrePaint',
    'Paint',
    'Layerize',
    'UpdateLayer',
    'Commit',
    'MinorGC',
    'MajorGC',
    'V8.GC_SCAVENGER',
    'V8.GC_MC_BACKGROUND_MARKING',
    'FunctionCall',
    'EventDispatch',
    'TimerFire',
    'FireAnimationFrame',
    'RunMicrotasks',
    'ParseHTML',
    'HitTest',
    'ScrollLayer',
    'IntersectionObserverController::computeIntersections',
    'UpdateLayerTree',
    'v8.callFunction',
  ]);
  const main = new Map<string, number>();
  let gcCount = 0;
  // Per thread, the busiest main thread is the app's page (others are idle pages).
  const busy = new Map<string, number>();
  for (const event of events) {
    const key = `${event.pid}:${event.tid}`;
    if (event.ph === 'X' && event.name === 'RunTask') busy.set(key, (busy.get(key) ?? 0) + (event.dur ?? 0));
  }
  const mainKey = pageMain.sort((a, b) => (busy.get(b) ?? 0) - (busy.get(a) ?? 0))[0];
  for (const event of events) {
    const key = `${event.pid}:${event.tid}`;
    if (key !== mainKey || event.ph !== 'X') continue;
    if (event.name === 'RunTask')
      main.set('(all tasks)', (main.get('(all tasks)') ?? 0) + (event.dur ?? 0) / 1000);
    if (interesting.has(event.name))
      main.set(event.name, (main.get(event.name) ?? 0) + (event.dur ?? 0) / 1000);
    if (event.name === 'MinorGC' || event.name === 'MajorGC') gcCount++;
  }
  const workerBusy = workers.reduce((sum, key) => sum + (busy.get(key) ?? 0), 0) / 1000;
  return { main, workers: workerBusy, gcCount };
}

/** Like `typeAndSample`, with a pause of `pauseMs` after each keystroke's sample. */
async function typeWithPauses(page: Page, count: number): Promise<number[]> {
  await page.evaluate('window.folioPreviewProbe.samples = []; window.folioPreviewProbe.pending = null');
  for (let i = 0; i < count; i++) {
    await page.keyboard.type(i % 6 === 5 ? ' ' : 'x');
    await page.evaluate(`window.folioPreviewProbe.waitFor(${i + 1})`);
    await page.waitForTimeout(pauseMs);
  }
  return (await page.evaluate('window.folioPreviewProbe.samples')) as number[];
}

async function profileTyping(page: Page, name: string): Promise<void> {
  const session = await page.context().newCDPSession(page);
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 100 });
  await session.send('HeapProfiler.enable');
  await typeAndSample(page, 10);
  const stopTrace = await startTrace(session);
  await session.send('HeapProfiler.startSampling', { samplingInterval: 16384 });
  await session.send('Profiler.start');
  const times = pauseMs > 0 ? await typeWithPauses(page, keystrokes) : await typeAndSample(page, keystrokes);
  const { profile } = (await session.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  const { profile: heap } = (await session.send('HeapProfiler.stopSampling')) as unknown as {
    profile: { head: HeapNode };
  };
  const trace = await stopTrace();
  const profileFile = path.join(os.tmpdir(), `folio-typing-${name}.cpuprofile`);
  await writeFile(profileFile, JSON.stringify(profile));
  const { groups, self, total, appMs } = await attribute(profile);
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)]!;
  console.log(
    `\n=== ${name}: ${times.length} keystrokes, p50 ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms`,
  );
  const per = (ms: number): string => `${(ms / keystrokes).toFixed(2)} ms/key`;
  const busyJs = [...groups].filter(([key]) => key !== '(idle)').reduce((sum, [, ms]) => sum + ms, 0);
  console.log(`JS profile, self time by group (of ${per(busyJs)} non-idle):`);
  for (const [key, ms] of [...groups].sort((a, b) => b[1] - a[1])) {
    if (key === '(idle)') continue;
    console.log(
      `  ${key.padEnd(28)} ${per(ms).padStart(14)} ${((100 * ms) / busyJs).toFixed(1).padStart(5)}%`,
    );
  }
  const busyStacks = busyJs - (groups.get('(program)') ?? 0) - (groups.get('(garbage collector)') ?? 0);
  console.log(
    `the app's own (Folio or React on the stack, beyond CodeMirror's update): ${per(appMs)}, ` +
      `${((100 * appMs) / busyJs).toFixed(1)}% of the non-idle time, ` +
      `${((100 * appMs) / busyStacks).toFixed(1)}% of the time with a JavaScript stack`,
  );
  console.log('top self:');
  for (const [key, ms] of [...self]
    .filter(([k]) => !k.startsWith('(idle)'))
    .sort((a, b) => b[1] - a[1])
    .slice(0, 25)) {
    console.log(`  ${per(ms).padStart(14)}  ${key}`);
  }
  console.log('Folio functions, total time:');
  for (const [key, ms] of [...total].sort((a, b) => b[1] - a[1]).slice(0, 30)) {
    console.log(`  ${per(ms).padStart(14)}  ${key}`);
  }
  const { main, workers, gcCount } = summarizeTrace(trace);
  console.log(`trace, main thread (${gcCount} GCs, ${(gcCount / keystrokes).toFixed(2)} per key):`);
  for (const [key, ms] of [...main].sort((a, b) => b[1] - a[1]))
    console.log(`  ${key.padEnd(28)} ${per(ms)}`);
  console.log(`  workers busy                ${per(workers)}`);
  console.log('allocation (sampled), top self by function:');
  const allocs = new Map<string, number>();
  const walk = (node: HeapNode): void => {
    const frame = node.callFrame;
    const key = `${frame.functionName || '(anonymous)'} ${frame.url.replace(/^.*\//, '')}:${frame.lineNumber + 1}:${frame.columnNumber}`;
    allocs.set(key, (allocs.get(key) ?? 0) + node.selfSize);
    for (const child of node.children) walk(child);
  };
  walk(heap.head);
  const allocNames = await Promise.all(
    [...allocs]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 15)
      .map(async ([key, bytes]) => {
        const [fn, rest] = [key.slice(0, key.lastIndexOf(' ')), key.slice(key.lastIndexOf(' ') + 1)];
        const [file, line, column] = rest.split(':');
        const source = file
          ? await sourceOf({
              functionName: fn,
              url: `/assets/${file}`,
              lineNumber: Number(line) - 1,
              columnNumber: Number(column),
            })
          : '';
        return `  ${(bytes / 1024 / keystrokes).toFixed(1).padStart(8)} KB/key  ${fn} ${source.replace(/^.*node_modules\//, '').replace(/^.*renderer\/src\//, 'src/')}`;
      }),
  );
  console.log(allocNames.join('\n'));
  await session.detach();
}

interface HeapNode {
  callFrame: ProfileNode['callFrame'];
  selfSize: number;
  children: HeapNode[];
}

async function main(): Promise<void> {
  const measured = benchBook();
  const book = measured.text;
  const [line] =
    place === 'list'
      ? [longListItemLine(book) ?? paragraphLinesNear(book, [0.5])[0]!]
      : paragraphLinesNear(book, [fractions[place] ?? 0.5]);
  console.log(
    `book ${(book.length / 1e6).toFixed(2)}M chars, typing at line ${line} (${place}); load ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    if (which !== 'peer') {
      const temp = await mkdtemp(path.join(os.tmpdir(), 'folio-profile-'));
      const library = path.join(temp, 'library');
      await mkdir(library);
      await writeFile(path.join(library, 'book.md'), measured.bytes);
      const running = await startBrowserMode({ library, rendererDir, appDataDir: path.join(temp, 'data') });
      const context = await browser.newContext({ viewport: { width: 1360, height: 860 } });
      try {
        const page = await context.newPage();
        if (process.env.SHOW_CONSOLE) page.on('console', (m) => console.log('page:', m.text()));
        await page.goto(running.server.openUrl);
        const link = page.locator('a[href="#/article/book.md"]');
        await link.waitFor();
        await page.evaluate(appProbeSource);
        await page.evaluate(
          "window.addEventListener('click', (e) => { window.folioClickedAt ??= e.timeStamp; }, true)",
        );
        await link.click();
        await page.evaluate(`(${patchesShownSource})({ count: 1, since: window.folioClickedAt })`);
        await page.waitForTimeout(1500);
        await goToLine(page, line!);
        await page.waitForTimeout(500);
        await profileTyping(page, `app-${place}`);
      } finally {
        await context.close();
        await running.close();
        await rm(temp, { recursive: true, force: true });
      }
    }
    if (which !== 'app') {
      await withCodeMirrorPeer(browser, book, async (page) => {
        await page.evaluate("document.querySelector('.cm-editor').id = 'folio-preview'");
        await page.evaluate(appProbeSource);
        await page.evaluate(`window.peerGoTo(${line})`);
        await page.keyboard.press('End');
        await page.keyboard.press('ArrowLeft');
        await page.keyboard.press('ArrowLeft');
        await page.waitForTimeout(500);
        await profileTyping(page, `peer-${place}`);
      });
    }
  } finally {
    await browser.close();
  }
}

await main();
