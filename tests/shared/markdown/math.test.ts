import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../shared/markdown';
import { IncrementalRenderer } from '../../../shared/markdown/incremental';

describe('math', () => {
  it('typesets inline and display math as MathML', () => {
    const html = renderMarkdown('Inline $x^2$.\n\n$$\n\\frac{a}{b}\n$$\n');
    expect(html).toContain('<msup><mi>x</mi><mn>2</mn></msup>');
    expect(html).toMatch(/<span class="katex" data-line="3" data-line-end="5"><math display="block">/);
    expect(html).not.toContain('style=');
  });

  it('shows a broken formula as an error in place', () => {
    expect(renderMarkdown('$\\frac{$')).toContain('class="katex-error"');
  });

  it('stops macro expansion bombs quickly', () => {
    const bomb =
      '$\\def\\a{\\b\\b}\\def\\b{\\c\\c}\\def\\c{\\d\\d}\\def\\d{\\e\\e}\\def\\e{\\f\\f}\\def\\f{xx}' +
      '\\a'.repeat(50) +
      '$';
    expect(renderMarkdown(bomb)).toContain('katex-error');
  });

  it('typesets every formula wherever it sits: lists, quotes, tables, notes, fenced blocks, raw HTML', () => {
    const markdown = [
      '- $a_1$ in a list',
      '> $b^2$ quoted',
      '| x |\n| - |\n| $c$ |',
      'Note.[^n]',
      '[^n]: $d$ in a note',
      '- item\n\n  ```math\n  e\n  ```',
      '<p><span class="math-inline">f</span> and <code class="math-display">g</code></p>',
    ].join('\n\n');
    const html = renderMarkdown(markdown);
    // In document order; the footnotes section comes last.
    const found = [...html.matchAll(/<annotation encoding="application\/x-tex">([^<]*)<\/annotation>/g)].map(
      (match) => match[1]!.trim(),
    );
    expect(found).toEqual(['a_1', 'b^2', 'c', 'e', 'f', 'g', 'd']);
    expect(html).not.toMatch(/math-inline|math-display|language-math/);
  });
});

describe('math in the incremental preview', () => {
  it('keeps a paragraph with math a block of its own, whatever positions KaTeX gives its nodes', () => {
    const text = `Text with $e^{i\\pi}+1=0$ in it.\n\nNext paragraph.\n\n## Heading\n\n| a |\n| - |\n| 1 |\n`;
    const renderer = new IncrementalRenderer();
    renderer.reset(text);
    const at = text.indexOf(' in it.');
    const patch = renderer.edit([{ from: at, to: at, insert: 'x' }]);
    expect(patch.blocks).toHaveLength(1);
    expect(patch.blocks[0]!.html).not.toContain('Next paragraph');
    expect(renderer.html()).toBe(renderMarkdown(text.slice(0, at) + 'x' + text.slice(at)));
  });
});
