import { ChangeSet, Text } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { generateArticle } from '../../../bench/generate-article';
import { seededRandom } from '../../../bench/seeded-random';
import { scanDocument, updateScan, type DocumentScan } from '../../../renderer/src/editor/document-scan';
import { documentOutline } from '../../../renderer/src/editor/outline';
import { articleStatistics } from '../../../renderer/src/editor/statistics';

function wholeScan(doc: Text): DocumentScan {
  const result = scanDocument(doc)(() => false);
  if (!result) throw new Error('an unlimited scan stopped');
  return result;
}

const docOf = (text: string): Text => Text.of(text.split('\n'));

/** An article with every shape the outline knows: frontmatter, ATX, setext, fences, lists. */
const shapes =
  '---\ntitle: x\nwordTarget: 3000\n---\n# Title\n\nA paragraph of words here.\nIts second line.\n\n' +
  'Setext heading\n===\n\nSome text 😀 with ünïcode.\n\n```js\n# not a heading\nlet x = 1;\n```\n\n' +
  '- a list item\n- another\n\n## Second *section*\n\nMore words, and more.\nSub\n---\n\nEnd words.\n';

/** Pieces random edits insert: plain text, and text that makes or unmakes headings and fences. */
const insertions = [
  'x',
  'word ',
  ' ',
  '\n',
  '\n\n',
  'é😀',
  '#',
  '# ',
  '=',
  '---',
  '```',
  '~~~',
  '+++',
  '\n---\n',
  '*',
];

describe('scanDocument', () => {
  it('finds in slices exactly what the whole-text functions find', () => {
    const text = `---\ntitle: x\nwordTarget: 3000\n---\n${generateArticle(20_000)}\n# Ünïcode 😀 end\n`;
    const doc = docOf(text);
    const step = scanDocument(doc);
    let slices = 0;
    let result = step(() => true);
    while (!result) {
      slices++;
      result = step(() => true);
    }
    expect(slices).toBeGreaterThan(1);
    expect(result.statistics).toEqual(articleStatistics(text));
    expect(result.outline).toEqual(documentOutline(doc));
  });
});

describe('updateScan', () => {
  it('updates the figures of typing in a paragraph without a whole scan, exactly', () => {
    const text = `---\ntitle: x\n---\n${generateArticle(20_000)}`;
    const before = docOf(text);
    const scan = wholeScan(before);
    const at = text.indexOf('\n\n', text.length / 2) - 5;
    let doc = before;
    let changes = ChangeSet.empty(before.length);
    for (const insert of ['x', 'y', ' ', 'word', '\n', 'next line']) {
      const change = ChangeSet.of({ from: at, insert }, doc.length);
      changes = changes.compose(change);
      doc = change.apply(doc);
      const updated = updateScan(scan, before, changes, doc);
      expect(updated).not.toBeNull();
      expect(updated).toEqual(wholeScan(doc));
    }
  });

  it('leaves an edit that may change the outline to a whole scan', () => {
    const before = docOf(shapes);
    const scan = wholeScan(before);
    const cases: [string, number, string][] = [
      ['typing in an ATX heading', shapes.indexOf('Title') + 2, 'x'],
      ['typing the text above a setext underline', shapes.indexOf('Setext') + 2, 'x'],
      ['making a setext underline', shapes.indexOf('Its second line.'), '\n===\n'],
      ['opening a fence', shapes.indexOf('Some text'), '```\n'],
      ['typing in the frontmatter', shapes.indexOf('title') + 2, 'x'],
      ['typing on the first line', 1, '-'],
    ];
    for (const [name, from, insert] of cases) {
      const change = ChangeSet.of({ from, insert }, before.length);
      expect(updateScan(scan, before, change, change.apply(before)), name).toBeNull();
    }
  });

  it('gives exactly what a whole scan gives after random edits, whenever it answers', () => {
    const random = seededRandom(14);
    let answered = 0;
    for (let round = 0; round < 400; round++) {
      const before = docOf(shapes.repeat(1 + Math.floor(random() * 3)));
      const scan = wholeScan(before);
      let doc = before;
      let changes = ChangeSet.empty(before.length);
      const edits = 1 + Math.floor(random() * 4);
      for (let k = 0; k < edits; k++) {
        const from = Math.floor(random() * doc.length);
        const to = random() < 0.3 ? Math.min(doc.length, from + Math.floor(random() * 12)) : from;
        const insert = random() < 0.2 ? '' : insertions[Math.floor(random() * insertions.length)]!;
        const change = ChangeSet.of({ from, to, insert }, doc.length);
        changes = changes.compose(change);
        doc = change.apply(doc);
      }
      const updated = updateScan(scan, before, changes, doc);
      if (updated === null) continue;
      answered++;
      expect(updated, `round ${round}`).toEqual(wholeScan(doc));
    }
    expect(answered).toBeGreaterThan(100);
  });
});
