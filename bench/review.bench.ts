import { diffLines } from 'diff';
import { merge } from 'node-diff3';
import { parseCriticMarkup } from '../shared/review/critic-markup';
import { mergeThreeWay } from '../shared/review/three-way-merge';
import { wordDiff } from '../shared/review/word-diff';
import { generateArticle } from './generate-article';
import { measure, ms, printTable } from './measure';

// Changes one word in every `every`-th paragraph, as an editor's light pass would.
function edit(text: string, every: number, word: string): string {
  return text
    .split('\n\n')
    .map((paragraph, i) => (i % every === 0 ? paragraph.replace(/\b(\w{4,})\b/, word) : paragraph))
    .join('\n\n');
}

// Wraps one word in every `every`-th paragraph in a CriticMarkup suggestion.
function suggest(text: string, every: number): string {
  return text
    .split('\n\n')
    .map((paragraph, i) =>
      i % every === 0 ? paragraph.replace(/\b(\w{4,})\b/, '{~~$1~>better~~}') : paragraph,
    )
    .join('\n\n');
}

/**
 * Review work on generated articles, each against a cheaper peer in the same run: the
 * CriticMarkup scan done on every keystroke against a plain regex count of `{`; the word diff
 * of the rendered diff against jsdiff's line diff (what a source diff does); the three-way
 * merge (lines, then words inside overlaps) against node-diff3's plain line merge.
 */
export function reviewBench(): void {
  const rows: string[][] = [['article', 'work', 'Folio p50', 'peer p50', 'ratio']];
  for (const words of [2_000, 10_000]) {
    const base = generateArticle(words);
    const runs = 5;
    const marked = suggest(base, 5);
    const scan = measure(() => parseCriticMarkup(marked), runs, 1);
    const braces = measure(() => marked.match(/\{/g)?.length, runs, 1);
    rows.push([
      `${words / 1000}k words`,
      'CriticMarkup scan',
      ms(scan.p50),
      ms(braces.p50),
      `${(scan.p50 / braces.p50).toFixed(1)}×`,
    ]);

    const after = edit(base, 7, 'changed');
    const words3 = measure(() => wordDiff(base, after), runs, 1);
    const lines = measure(() => diffLines(base, after), runs, 1);
    rows.push([
      `${words / 1000}k words`,
      'word diff',
      ms(words3.p50),
      ms(lines.p50),
      `${(words3.p50 / lines.p50).toFixed(1)}×`,
    ]);

    const mine = edit(base, 11, 'mine');
    const theirs = edit(base, 13, 'theirs');
    const three = measure(() => mergeThreeWay(base, mine, theirs), runs, 1);
    const plain = measure(() => merge(mine.split('\n'), base.split('\n'), theirs.split('\n'), {}), runs, 1);
    rows.push([
      `${words / 1000}k words`,
      'three-way merge',
      ms(three.p50),
      ms(plain.p50),
      `${(three.p50 / plain.p50).toFixed(1)}×`,
    ]);
  }
  console.log('\nReview: suggestions scan, word diff and three-way merge against simpler peers');
  printTable(rows);
}
