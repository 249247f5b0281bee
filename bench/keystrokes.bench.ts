import { performance } from 'node:perf_hooks';
import MarkdownIt from 'markdown-it';
import { IncrementalRenderer } from '../shared/markdown/incremental';
import { benchBook, describeBook } from './bench-book';
import { measure, ms, printTable } from './measure';
import { typingPlaces, type PlaceKind, type TypingPlace } from './typing-places';

/** Places of each kind (paragraph, heading, list item) typed into (`FOLIO_BENCH_PLACES`). */
const placesPerKind = Number(process.env.FOLIO_BENCH_PLACES ?? 40);
/** Characters typed at each place, then deleted one by one. */
const typed = 'abcde';

/** One keystroke's work in the preview worker. */
interface Keystroke {
  readonly place: TypingPlace;
  readonly ms: number;
  readonly whole: boolean;
  readonly units: number;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)] ?? NaN;
}

/** The line of `text` that holds offset `at`. */
function lineText(text: string, at: number): string {
  const end = text.indexOf('\n', at);
  return text.slice(text.lastIndexOf('\n', at - 1) + 1, end === -1 ? text.length : end);
}

/**
 * Types at `place` and deletes what it typed, one keystroke at a time. After a keystroke that
 * renders the whole book, the rest would too: what was typed is deleted in one edit, untimed.
 */
function typeAndDelete(renderer: IncrementalRenderer, place: TypingPlace): Keystroke[] {
  const keystrokes: Keystroke[] = [];
  const edit = (from: number, to: number, insert: string): boolean => {
    const start = performance.now();
    const patch = renderer.edit([{ from, to, insert }]);
    const elapsed = performance.now() - start;
    keystrokes.push({ place, ms: elapsed, whole: patch.full, units: patch.rendered });
    return patch.full;
  };
  let count = 0;
  let whole = false;
  while (count < typed.length && !whole) {
    whole = edit(place.at + count, place.at + count, typed[count]!);
    count++;
  }
  if (whole) renderer.edit([{ from: place.at, to: place.at + count, insert: '' }]);
  else for (let index = count - 1; index >= 0; index--) edit(place.at + index, place.at + index + 1, '');
  return keystrokes;
}

/**
 * Keystrokes at many places of a long book (`FOLIO_BENCH_BOOK`, else the real book), not just
 * three: paragraphs, headings and list items spread over the whole book, each typed into and
 * deleted again, against markdown-it's full render of the same text in the same run. Shows how
 * the cost spreads (p50, p95, max, whole renders) and the places that cost most, to look at.
 */
export function keystrokesBench(): void {
  const book = benchBook();
  const text = book.text;
  const markdownIt = new MarkdownIt({ html: true, linkify: true });
  const peer = measure(() => markdownIt.render(text), 3, 1).p50;
  const renderer = new IncrementalRenderer();
  const reset = measure(() => renderer.reset(text), 1, 0).p50;
  const html = renderer.html();
  const places = typingPlaces(text, placesPerKind);
  const keystrokes: Keystroke[] = [];
  const differing: number[] = [];
  for (const place of places) {
    keystrokes.push(...typeAndDelete(renderer, place));
    // Back to the text it started from, the preview must be what it was.
    if (renderer.html() !== html) {
      differing.push(place.line);
      renderer.reset(text);
    }
  }
  const rows: string[][] = [
    [
      'typing in',
      'places',
      'keystrokes',
      'p50',
      'p95',
      'max',
      'p95 / markdown-it',
      'whole renders',
      'units max',
    ],
  ];
  const kinds: (PlaceKind | 'all')[] = [
    'paragraph',
    'heading',
    'list item',
    'table row',
    'link label',
    'all',
  ];
  for (const kind of kinds) {
    const mine = keystrokes.filter((keystroke) => kind === 'all' || keystroke.place.kind === kind);
    if (mine.length === 0) continue;
    const times = mine.map((keystroke) => keystroke.ms);
    rows.push([
      kind,
      String(new Set(mine.map((keystroke) => keystroke.place)).size),
      String(mine.length),
      ms(percentile(times, 0.5)),
      ms(percentile(times, 0.95)),
      ms(Math.max(...times)),
      `${(percentile(times, 0.95) / peer).toFixed(3)}×`,
      String(mine.filter((keystroke) => keystroke.whole).length),
      String(Math.max(...mine.map((keystroke) => keystroke.units))),
    ]);
  }
  console.log(`\nKeystrokes all over a book: ${describeBook(book)}`);
  console.log(
    `markdown-it full render of the same text p50 ${ms(peer)}, incremental reset ${ms(reset)}; target: every keystroke ≤ 0.25× markdown-it full, no whole render`,
  );
  printTable(rows);
  const worst = [...places]
    .map((place) => {
      const mine = keystrokes.filter((keystroke) => keystroke.place === place);
      return { place, ms: Math.max(...mine.map((keystroke) => keystroke.ms)), mine };
    })
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 8);
  console.log('The costliest places (slowest keystroke):');
  printTable([
    ['line', 'kind', 'slowest', 'vs markdown-it', 'whole renders', 'units rendered', 'text'],
    ...worst.map(({ place, ms: slowest, mine }) => [
      String(place.line),
      place.kind,
      ms(slowest),
      `${(slowest / peer).toFixed(2)}×`,
      String(mine.filter((keystroke) => keystroke.whole).length),
      String(Math.max(...mine.map((keystroke) => keystroke.units))),
      JSON.stringify(lineText(text, place.at).slice(0, 60)),
    ]),
  ]);
  if (differing.length > 0)
    console.log(
      `The preview differed from a whole render after typing and deleting at lines ${differing.join(', ')}.`,
    );
}
