import { performance } from 'node:perf_hooks';
import MarkdownIt from 'markdown-it';
import { renderMarkdown, type TextChange } from '../shared/markdown';
import { IncrementalRenderer } from '../shared/markdown/incremental';
import { generateArticle } from './generate-article';
import { measure, ms, printTable, type Timing } from './measure';
import { benchBook, describeBook } from './bench-book';
import { paragraphLinesNear } from './real-documents';

const sizes = [2_000, 10_000, 100_000] as const;

function runsFor(words: number): number {
  return words >= 100_000 ? 3 : 10;
}

function ratio(value: number, peer: number): string {
  return `${(value / peer).toFixed(2)}×`;
}

/**
 * Times single edits of the incremental renderer on an article rendered as it stands: typing
 * goes on from one keystroke to the next; a worst case is undone after each run, unmeasured.
 */
function timeEdits(text: string, edits: (run: number) => TextChange, runs: number, undo: boolean): Timing {
  const renderer = new IncrementalRenderer();
  renderer.reset(text);
  let current = text;
  const times: number[] = [];
  for (let run = -1; run < runs; run++) {
    const edit = edits(run + 1);
    const start = performance.now();
    renderer.edit([edit]);
    const elapsed = performance.now() - start;
    if (run >= 0) times.push(elapsed);
    if (undo) {
      renderer.edit([
        { from: edit.from, to: edit.from + edit.insert.length, insert: current.slice(edit.from, edit.to) },
      ]);
    } else current = current.slice(0, edit.from) + edit.insert + current.slice(edit.to);
  }
  times.sort((a, b) => a - b);
  return {
    p50: times[Math.floor(times.length / 2)]!,
    p95: times[Math.min(times.length - 1, Math.ceil(times.length * 0.95) - 1)]!,
    runs,
  };
}

/** Full render of generated articles against markdown-it, and per-keystroke incremental work. */
export function renderBench(): void {
  const markdownIt = new MarkdownIt({ html: true, linkify: true });
  const full: string[][] = [['article', 'unified p50', 'markdown-it p50', 'ratio']];
  const typing: string[][] = [
    [
      'article',
      'keystroke p50',
      'p95',
      'vs markdown-it full',
      'vs unified full',
      'fence p50',
      'fence vs full',
      '<!-- p50',
      '<!-- vs full',
      'note p50',
      'note vs full',
    ],
  ];
  for (const words of sizes) {
    const text = generateArticle(words);
    const runs = runsFor(words);
    const unified = measure(() => renderMarkdown(text), runs, 1);
    const peer = measure(() => markdownIt.render(text), runs, 1);
    full.push([`${words / 1000}k words`, ms(unified.p50), ms(peer.p50), ratio(unified.p50, peer.p50)]);

    // Typing in the middle of a paragraph near the middle of the article.
    const section = text.indexOf(`## Section ${Math.max(2, Math.floor(words / 240))}\n\n`);
    const at = text.indexOf(' ', text.indexOf('\n\n', section) + 10);
    const keystroke = timeEdits(text, (run) => ({ from: at + run, to: at + run, insert: 'x' }), 40, false);
    // Worst cases near the top: opening a fence or an HTML comment swallows the rest.
    const top = text.indexOf('## Section 2');
    const worstRuns = words >= 100_000 ? 2 : 5;
    const fence = timeEdits(text, () => ({ from: top, to: top, insert: '```\n' }), worstRuns, true);
    const comment = timeEdits(text, () => ({ from: top, to: top, insert: '<!--\n' }), worstRuns, true);
    // Typing in the last footnote definition: only that note's item is rendered again.
    const noteEnd = text.trimEnd().length;
    const note = timeEdits(
      text,
      (run) => ({ from: noteEnd + run, to: noteEnd + run, insert: 'x' }),
      10,
      false,
    );
    typing.push([
      `${words / 1000}k words`,
      ms(keystroke.p50),
      ms(keystroke.p95),
      ratio(keystroke.p50, peer.p50),
      ratio(keystroke.p50, unified.p50),
      ms(fence.p50),
      ratio(fence.p50, unified.p50),
      ms(comment.p50),
      ratio(comment.p50, unified.p50),
      ms(note.p50),
      ratio(note.p50, unified.p50),
    ]);
  }
  console.log('\nFull render (the preview pipeline) against markdown-it');
  printTable(full);
  realBookBench(markdownIt);
  console.log('\nWorker time per edit (incremental) against full renders, same run');
  console.log(
    'targets: keystroke at 100k ≤ 0.1× markdown-it full, at 10k ≤ 0.5×; worst cases ≤ 1.3× unified full',
  );
  printTable(typing);
}

/**
 * Where typing goes on in `text` at each of `shares`: two characters before the end of the
 * one-line paragraph nearest to that share of its lines (see {@link paragraphLinesNear}), as the
 * browser bench types after End and two ArrowLefts.
 */
function typingSpots(text: string, shares: readonly number[]): { line: number; at: number }[] {
  const starts = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return paragraphLinesNear(text, shares).map((line) => {
    const end = line < starts.length ? starts[line]! - 1 : text.length;
    return { line, at: Math.max(starts[line - 1]!, end - 2) };
  });
}

/**
 * Typing into a long book (`FOLIO_BENCH_BOOK`, else the real 180,000-word book of package
 * READMEs: duplicate link labels, raw HTML, badges) at its start, middle and end, against
 * markdown-it rendering the whole book in the same run. The book's text is the editor's: line
 * ends as `\n`, no BOM.
 */
export function realBookBench(markdownIt = new MarkdownIt({ html: true, linkify: true })): void {
  const measured = benchBook();
  const book = measured.text;
  const peer = measure(() => markdownIt.render(book), 5, 1);
  const renderer = new IncrementalRenderer();
  const reset = measure(() => renderer.reset(book), 1, 0);
  const rows: string[][] = [
    [
      'book, typing at',
      'keystroke p50',
      'p95',
      'p95 vs markdown-it full',
      'whole renders',
      'units/keystroke',
    ],
  ];
  const keystrokes = 100;
  const places = ['start', 'middle', 'end'] as const;
  const spots = typingSpots(book, [0.02, 0.5, 0.98]);
  for (const [index, name] of places.entries()) {
    // What was typed at the places before this one moved it (places come in text order).
    const { line, at: found } = spots[index]!;
    const at = found + index * keystrokes;
    const times: number[] = [];
    let whole = 0;
    let units = 0;
    for (let typed = 0; typed < keystrokes; typed++) {
      const insert = typed % 6 === 5 ? ' ' : 'x';
      const start = performance.now();
      const patch = renderer.edit([{ from: at + typed, to: at + typed, insert }]);
      times.push(performance.now() - start);
      if (patch.full) whole++;
      units += patch.rendered;
    }
    times.sort((a, b) => a - b);
    const p95 = times[Math.ceil(times.length * 0.95) - 1]!;
    rows.push([
      `${name} (line ${line})`,
      ms(times[Math.floor(times.length / 2)]!),
      ms(p95),
      ratio(p95, peer.p50),
      String(whole),
      (units / times.length).toFixed(1),
    ]);
  }
  console.log(`\nTyping into a long book: ${describeBook(measured)}`);
  console.log(
    `markdown-it full render of the same text p50 ${ms(peer.p50)}, incremental reset ${ms(reset.p50)}`,
  );
  console.log('target: keystroke p95 ≤ 0.25× markdown-it full, no whole render');
  printTable(rows);
}
