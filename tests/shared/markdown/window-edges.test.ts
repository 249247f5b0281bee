import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../shared/markdown';
import { IncrementalRenderer } from '../../../shared/markdown/incremental';
import { FoldedRenderer } from '../../helpers/folded-preview';

/** Types `insert` at `at` and fails unless the renderer and its patches show a full render's HTML. */
function typeChecked(renderer: FoldedRenderer, text: string, at: number, insert: string) {
  const patch = renderer.edit([{ from: at, to: at, insert }]);
  const next = text.slice(0, at) + insert + text.slice(at);
  expect(renderer.mismatch(renderMarkdown(next))).toBeNull();
  return { patch, text: next };
}

const stray = 'Stray</p>\n\n<div>\n</p>\n</div>\n';

describe('the edges of a window', () => {
  it('takes in the blocks up to the next one whose raw HTML nests when a window ends in stray end tags', () => {
    const parts: string[] = [];
    for (let index = 0; index < 30; index++)
      parts.push(`Paragraph ${index} of text.\n`, stray, `[^n${index}]: Note ${index}.\n`);
    let text = `${parts.join('\n')}\nCites[^n0].\n`;
    const renderer = new FoldedRenderer(new IncrementalRenderer());
    renderer.reset(text);
    let most = 0;
    for (let index = 0; index < 30; index++) {
      const typed = typeChecked(renderer, text, text.indexOf(`Paragraph ${index} `) + 4, 'x');
      text = typed.text;
      expect(typed.patch.full).toBe(false);
      most = Math.max(most, typed.patch.rendered);
    }
    // The paragraph's window and the next block that nests, not windows doubled to the end.
    expect(most).toBeLessThanOrEqual(5);
  });

  it('renders everything when an element left open at the end of the article would hold the footnotes section', () => {
    const text = `Cited.[^n]\n\nPara one.\n\nPara two.\n\nText</p>\n\n<div>\n</p>\n</div>\n\n[^n]: A note.\n`;
    const renderer = new FoldedRenderer(new IncrementalRenderer());
    renderer.reset(text);
    // `</di`v>` closes nothing: the div takes in the footnotes section.
    const typed = typeChecked(renderer, text, text.indexOf('</div>') + 4, '`');
    expect(renderMarkdown(typed.text)).toMatch(/<section data-footnotes[\s\S]*<\/div>$/);
    // Typing above it is incremental again.
    expect(typeChecked(renderer, typed.text, typed.text.indexOf('Para one') + 4, 'x').patch.full).toBe(false);
  });

  it('keeps the line break that ends text raw HTML leaves at the end of the article', () => {
    const text = 'Para.\n\nMore.\n\n<div>\n</p>\n</div>\n';
    const renderer = new FoldedRenderer(new IncrementalRenderer());
    renderer.reset(text);
    typeChecked(renderer, text, text.indexOf('/p>'), '</div>');
  });

  it('gives text that raw HTML leaves at the end of a window the line breaks the blocks after the window add to it', () => {
    // The text after a closed element takes in the line break before each later block the HTML
    // parser reads: a stray end tag renders nothing, a definition is no block of the tree.
    const cases: [string, string, string][] = [
      ['<div>\n\n## C\n\n</div>\n\n[^A]: A note.\n\n- item\n', '## ', '</div>'],
      ['<div>\n</div>\nafter the block\n\n[x]: /y\n\n</span>\n\n- item\n', 'after', 'x'],
      ['<div>\n</div>\nafter the block\n\n</span>\n\n</span>\n\n- item\n', 'after', 'x'],
    ];
    for (const [start, before, insert] of cases) {
      const text = `${start}\nOne paragraph.\n\nAnother.\n`;
      const renderer = new FoldedRenderer(new IncrementalRenderer());
      renderer.reset(text);
      expect(typeChecked(renderer, text, text.indexOf(before) + before.length, insert).patch.full).toBe(
        false,
      );
    }
  });

  it('keeps the line break before raw HTML that renders nothing at the end of the article', () => {
    // The comment, left open, runs to the end and renders no node: the line break written after
    // the paragraph before it ends the article.
    const text = 'A.\n\nB.\n\n[ref]: /x\n\n<!-- c -->\n\nC.\n\nD.\n';
    const renderer = new FoldedRenderer(new IncrementalRenderer());
    renderer.reset(text);
    const at = text.indexOf('-->');
    renderer.edit([{ from: at, to: at + 2, insert: '' }]);
    expect(renderer.mismatch(renderMarkdown(text.slice(0, at) + text.slice(at + 2)))).toBeNull();
  });

  it('ends a list whose item holds an unclosed fence on the line where the article ends it', () => {
    // The fence runs on over the blank line after the item, which the list then ends on.
    const text = 'Para.\n\n- ~~~x\n\nInside.\n\nMore.\n\nEnd.\n';
    const renderer = new FoldedRenderer(new IncrementalRenderer());
    renderer.reset(text);
    expect(typeChecked(renderer, text, 2, 'x').patch.full).toBe(false);
  });

  it('reads the raw HTML of a window that starts without an element as the article does after its first one', () => {
    // After an element, the HTML parser reads a stray `</p>` as an empty paragraph; before any
    // start tag (where parse5's fragment mode starts) it ignores it.
    const text = 'Para.\n\n[x]: /y\n\n<!-- c -->a\n\nMore.\n\nEnd.\n';
    const renderer = new FoldedRenderer(new IncrementalRenderer());
    renderer.reset(text);
    typeChecked(renderer, text, text.indexOf('a\n\nMore') + 1, '</p>');
  });

  it('gives text that raw HTML leaves at the end of a window one line break when the window has notes', () => {
    // The window's footnotes section, after that text, gives it the line break the next block
    // gives it in the article.
    const text = 'A note.[^a]\n<h3>Title</h3>\nafter it\n\n> Quoted.\n\n[^a]: The note.\n';
    const renderer = new FoldedRenderer(new IncrementalRenderer());
    renderer.reset(text);
    expect(typeChecked(renderer, text, 3, 'x').patch.full).toBe(false);
  });

  it('takes in the blocks after raw HTML whose malformed tags leave an element open', () => {
    // `<e</h>` is a start tag and `</</b>` a bogus comment: no end tag closes the element, and
    // the paragraph after the definition renders inside it.
    for (const start of ['<h3><e</h>', '<h>\n</</b>']) {
      const text = `${start}\n\n[R]:d\n`;
      const renderer = new FoldedRenderer(new IncrementalRenderer());
      renderer.reset(text);
      typeChecked(renderer, text, text.length, '`');
    }
  });

  it("renders everything when a formatting element's end tag leaves a block element open at the end", () => {
    // `</b>` does not close the `<div>` inside it, which then holds the footnotes section.
    const text = 'Cited.[^a]\n\n[^a]: The note.\n\nLast <b></b>\n';
    const renderer = new FoldedRenderer(new IncrementalRenderer());
    renderer.reset(text);
    typeChecked(renderer, text, text.length - 5, '<div>');
  });
});
