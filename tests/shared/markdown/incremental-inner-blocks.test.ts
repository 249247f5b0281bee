import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../shared/markdown';
import { IncrementalRenderer } from '../../../shared/markdown/incremental';
import { FoldedRenderer } from '../../helpers/folded-preview';
import { randomEdits, seedRange } from './random-edits';

const paragraphs = (count: number, tag: string): string[] =>
  Array.from(
    { length: count },
    (_, index) =>
      `${tag} paragraph ${index} with *emphasis*, a [link][ref] and \`code\` in it, long enough to count.`,
  );

/** An article with long sections of Markdown nested in raw HTML of several kinds. */
function nestedArticle(): string {
  return [
    '# Title',
    'Intro, with a [reference][ref].',
    '<details>\n<summary>More</summary>',
    ...paragraphs(25, 'Details'),
    '- a list\n- of items',
    '```js\nlet x = 1;\n```',
    '</details>',
    'Between.',
    '<div align="center">',
    ...paragraphs(30, 'Centred'),
    '</div>',
    '<dl>\n<dt>Term</dt>\n<dd>',
    ...paragraphs(30, 'Defined'),
    '</dd>\n</dl>',
    '<b>',
    ...paragraphs(15, 'Bold'),
    '</b>',
    '<table>\n<tr><td>',
    ...paragraphs(15, 'Cell'),
    '</td></tr>\n</table>',
    'After.',
    '[ref]: https://example.com/ref',
  ].join('\n\n');
}

/** Offsets inside the text of the nested paragraphs (`<tag> paragraph`), where an author types. */
function nestedSpots(text: string, tag: string): number[] {
  const spots: number[] = [];
  for (let at = text.indexOf(`${tag} paragraph`); at >= 0; at = text.indexOf(`${tag} paragraph`, at + 1)) {
    spots.push(at + tag.length + 4);
  }
  return spots;
}

describe('typing in Markdown nested in raw HTML', () => {
  it('renders only the edited block of a long section that raw HTML holds open', () => {
    for (const tag of ['Details', 'Centred', 'Defined']) {
      let text = nestedArticle();
      const renderer = new FoldedRenderer(new IncrementalRenderer());
      renderer.reset(text);
      const spot = nestedSpots(text, tag)[7]!;
      for (const [step, insert] of ['x', 'y', ' ', '*', 'z'].entries()) {
        text = text.slice(0, spot + step) + insert + text.slice(spot + step);
        const patch = renderer.edit([{ from: spot + step, to: spot + step, insert }]);
        // The section's unit alone is sent again, and only its edited block was rendered.
        expect(patch.full, `${tag}: whole render`).toBe(false);
        expect(patch.rendered, `${tag}: blocks rendered for keystroke ${step}`).toBe(1);
        expect(patch.deleteCount).toBe(1);
        expect(renderer.mismatch(renderMarkdown(text)), tag).toBeNull();
      }
    }
  });

  it('renders the whole section where raw HTML changes how its blocks nest', () => {
    // Formatting left open is opened again in every paragraph; a table moves text out of it.
    for (const tag of ['Bold', 'Cell']) {
      let text = nestedArticle();
      const renderer = new FoldedRenderer(new IncrementalRenderer());
      renderer.reset(text);
      const spot = nestedSpots(text, tag)[7]!;
      text = text.slice(0, spot) + 'x' + text.slice(spot);
      const patch = renderer.edit([{ from: spot, to: spot, insert: 'x' }]);
      expect(patch.rendered, tag).toBeGreaterThan(1);
      expect(renderer.mismatch(renderMarkdown(text)), tag).toBeNull();
    }
  });

  it('stays byte-identical to a full render when typing changes what the nested block is', () => {
    const shapes = [
      '\n\n', // splits the paragraph
      '- ', // a list item, which an indented block after it would continue
      '```', // an unclosed fence swallows the rest of the section
      '$$\n', // an unclosed math block
      '<!--', // an unclosed comment
      '<b>', // raw HTML inside the block
      '[^n]', // a footnote citation
      '\n[ref]: https://other.example\n', // a second definition of a label
      '\n===', // a setext heading underline
      '\n\n# Heading\n\n', // a heading with an id
      '    ', // indentation: code after a paragraph, or a list's continuation
      '> ',
      '|a|b|\n|-|-|\n',
    ];
    for (const tag of ['Details', 'Defined']) {
      for (const shape of shapes) {
        let text = nestedArticle().replace(`${tag} paragraph 8 `, `    ${tag} paragraph 8 `);
        const renderer = new FoldedRenderer(new IncrementalRenderer());
        renderer.reset(text);
        const spots = nestedSpots(text, tag);
        for (const spot of [spots[3]! - tag.length - 4, spots[7]!]) {
          text = text.slice(0, spot) + shape + text.slice(spot);
          renderer.edit([{ from: spot, to: spot, insert: shape }]);
          const mismatch = renderer.mismatch(renderMarkdown(text));
          if (mismatch) expect.fail(`${tag}, ${JSON.stringify(shape)} at ${spot}: ${mismatch}`);
          // Typing goes on in the block after it, as an author would.
          const next = text.indexOf(' paragraph', spot + shape.length) + 1;
          text = text.slice(0, next) + 'q' + text.slice(next);
          renderer.edit([{ from: next, to: next, insert: 'q' }]);
          const after = renderer.mismatch(renderMarkdown(text));
          if (after) expect.fail(`${tag}, typing after ${JSON.stringify(shape)}: ${after}`);
        }
      }
    }
  }, 300_000);

  it('stays byte-identical to a full render through random edits of nested blocks', () => {
    const pieces = [
      'x',
      ' ',
      '*',
      '`',
      '\n',
      '\n\n',
      '- ',
      '1. ',
      '<b>',
      '</div>',
      '```',
      '[ref]',
      '|',
      '> ',
      '    ',
    ];
    randomEdits({
      seeds: seedRange(1, 5),
      steps: 25,
      article: nestedArticle,
      edit: (random, text) => {
        const spots = ['Details', 'Centred', 'Defined', 'Bold', 'Cell'].flatMap((tag) =>
          nestedSpots(text, tag),
        );
        const spot = spots[Math.floor(random() * spots.length)]! + Math.floor(random() * 30);
        const insert = pieces[Math.floor(random() * pieces.length)]!;
        const remove = random() < 0.2 ? 1 + Math.floor(random() * 4) : 0;
        return { from: spot, to: spot + remove, insert };
      },
    });
  }, 300_000);
});
