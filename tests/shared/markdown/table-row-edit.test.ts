import GithubSlugger from 'github-slugger';
import { describe, expect, it, vi } from 'vitest';
import { renderMarkdown } from '../../../shared/markdown';
import { IncrementalRenderer } from '../../../shared/markdown/incremental';
import { FoldedRenderer } from '../../helpers/folded-preview';
import { randomEdits, seedRange } from './random-edits';

/** A long GFM table, as API references and compatibility charts write them. */
function table(rows: number, row: (index: number) => string): string {
  const body = Array.from({ length: rows }, (_, index) => row(index)).join('\n');
  return `| Property | Attribute | Space |\n| :------- | :-------: | ----: |\n${body}`;
}

const plainRow = (index: number): string =>
  `| \`prop${index}\` | [attr-${index}](https://example.com/${index}) | *html* \\| svg |`;

function articleWith(rows: string): string {
  return `# Properties\n\nWhat each property maps to.\n\n${rows}\n\nSee [the spec][spec].\n\n[spec]: https://example.com/spec\n`;
}

describe('typing in a row of a long table', () => {
  it('renders only that row, not the table', () => {
    let text = articleWith(table(300, plainRow));
    const renderer = new IncrementalRenderer();
    const folded = new FoldedRenderer(renderer);
    folded.reset(text);
    for (const index of [0, 150, 299]) {
      const at = text.indexOf(`\`prop${index}\``) + 2;
      for (const [step, letter] of [...'ab|'].entries()) {
        text = text.slice(0, at + step) + letter + text.slice(at + step);
        const patch = folded.edit([{ from: at + step, to: at + step, insert: letter }]);
        expect(patch.full).toBe(false);
        expect(folded.mismatch(renderMarkdown(text))).toBeNull();
        // The head, the delimiter row and three rows: about 350 characters, not the table's 25,000.
        expect(renderer.renderedChars(), `row ${index}, keystroke ${step}`).toBeLessThan(500);
        // The preview is sent the row, to put in place of the one it shows, not the table.
        const [block] = patch.blocks;
        expect(block?.html, `row ${index}, keystroke ${step}`).toBe('');
        expect(block?.item?.index).toBe(index);
        expect(block?.item?.html).toMatch(/^<tr>\n<td align="left">[^]*<\/tr>$/);
      }
    }
  });

  it('reads the headings before a short table once, when its row is typed into, not twice', () => {
    // The row path reads the article before the unit only for a long table: for any other unit
    // it evicted the window's reading of the article before it, which was then read again.
    const sections = Array.from({ length: 300 }, (_, i) => `## Section ${i}\n\nText ${i}.`).join('\n\n');
    const text = `${sections}\n\n## Last\n| a | b |\n| - | - |\n| 1 | 2 |\n| 3 | 4 |\n`;
    const renderer = new IncrementalRenderer();
    renderer.reset(text);
    const at = text.indexOf('| 3 |') + 3;
    renderer.edit([{ from: at, to: at, insert: 'x' }]);
    const slug = vi.spyOn(GithubSlugger.prototype, 'slug');
    try {
      renderer.edit([{ from: at + 1, to: at + 1, insert: 'y' }]);
      expect(slug.mock.calls.length).toBeLessThan(300);
    } finally {
      slug.mockRestore();
    }
  });

  it('renders the table again when an edit changes what the table is', () => {
    // Each edit, at the start of row 20, breaks the table there (a fence opened there takes in
    // the rest of the article) or makes the row more than a row.
    const cases = ['\n', '# ', '> ', '```\n', '<b>', '[^1]', '    '];
    for (const insert of cases) {
      let text = articleWith(table(40, plainRow)).replace('See [the spec]', 'See [the spec][^1]');
      text += '\n[^1]: A note.\n';
      const folded = new FoldedRenderer(new IncrementalRenderer());
      folded.reset(text);
      const at = text.indexOf('| `prop20`');
      text = text.slice(0, at) + insert + text.slice(at);
      folded.edit([{ from: at, to: at, insert }]);
      expect(folded.mismatch(renderMarkdown(text)), JSON.stringify(insert)).toBeNull();
    }
  });

  it('stays byte-identical to a full render through random edits of long tables', () => {
    const rows = [
      plainRow,
      (index: number) => `| a ${index} | \`code | with pipe\` | [ref][spec] |`,
      (index: number) => `| <b>bold ${index}</b> | x | y |`,
      (index: number) => `| cited${index % 3 === 0 ? '[^1]' : ''} | \\| escaped | $x^2$ |`,
      (index: number) => `|   only one cell ${index}`,
      (index: number) => `| ${index} | | |`,
    ];
    const pieces = [
      'x',
      ' ',
      '|',
      '\\|',
      '`',
      '<b>',
      '</b>',
      '[^1]',
      '\n',
      '\n\n',
      '-',
      '# ',
      '> ',
      '```',
      '[x][spec]',
      ':',
    ];
    randomEdits({
      seeds: seedRange(1, 11),
      steps: 40,
      article: (random) =>
        articleWith(table(80, (index) => rows[Math.floor(random() * rows.length)]!(index))) +
        '\n[^1]: The note.\n',
      edit: (random, text) => {
        // Mostly inside the table's rows.
        const start = text.indexOf('| :-');
        const end = text.indexOf('\n\nSee');
        const inTable = start !== -1 && end > start && random() < 0.85;
        const spot = inTable
          ? start + Math.floor(random() * (end - start))
          : Math.floor(random() * text.length);
        const insert = pieces[Math.floor(random() * pieces.length)]!;
        const remove = random() < 0.25 ? 1 + Math.floor(random() * 8) : 0;
        return { from: spot, to: Math.min(text.length, spot + remove), insert };
      },
    });
  }, 300_000);
});
