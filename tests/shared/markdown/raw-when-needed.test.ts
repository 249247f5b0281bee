import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { capNesting, processor, renderMarkdownTree } from '../../../shared/markdown';
import { markdownCorpus } from '../../helpers/markdown-corpus';

describe('re-parsing only what holds raw HTML', () => {
  it('renders every corpus article byte-identically to re-parsing the whole tree', () => {
    const differing: string[] = [];
    for (const { name, markdown } of markdownCorpus()) {
      const text = capNesting(markdown);
      const fast = String(processor.processSync(text));
      const full = String(processor.processSync(new VFile({ value: text, data: { folioFullRaw: true } })));
      if (fast !== full) differing.push(name);
    }
    expect(differing).toEqual([]);
    // Hundreds of renders twice over: on a loaded shared machine this takes a while.
  }, 300_000);

  it('skips parse5 for an article without raw HTML and uses it for one with some', () => {
    expect(renderMarkdownTree('# Title\n\nWords and `code`.[^1]\n\n[^1]: A note.\n').hadRawHtml).toBe(false);
    expect(renderMarkdownTree('# Title\n\nWords <b>bold</b>.\n').hadRawHtml).toBe(true);
  });

  it('still turns raw HTML after Markdown blocks into elements, closing what it leaves open', () => {
    const html = String(processor.processSync('# A\n\nfirst\n\n<div class="x">\n\ninside\n'));
    expect(html).toContain('<h1 id="a" data-line="1" data-line-end="1">A</h1>');
    expect(html).toContain('<div class="" data-line="5" data-line-end="7">\n<p>inside</p></div>');
  });
});
