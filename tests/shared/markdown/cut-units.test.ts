import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../shared/markdown';
import { IncrementalRenderer } from '../../../shared/markdown/incremental';
import { renderRange } from '../../../shared/markdown/render-range';

/** The units a whole render cuts `text` into, as their source texts. */
function unitTexts(text: string): string[] {
  let key = 1;
  const rendered = renderRange({
    text,
    from: 0,
    to: text.length,
    line: 1,
    stubsBefore: [],
    stubsAfter: [],
    headings: {},
    footnoteRefsBefore: [],
    whole: true,
    textMayFollow: false,
    plainFence: false,
    hasFooter: false,
    nextKey: () => key++,
  });
  return rendered.units.map((unit) => text.slice(unit.from, unit.to));
}

const sponsors =
  '**Supported by:**\n\n  <a href="https://example.com">\n    <img src="sponsor.svg">\n  </a>\n';

describe('cutting an article into units', () => {
  it('cuts a paragraph and the indented raw HTML block after it apart, whatever raw HTML comes before them', () => {
    // Raw HTML further up makes the HTML parser read the line break between the two blocks
    // too, and merge it with the indentation: the cut must not depend on it.
    const plain = unitTexts(`A cell.\n\n${sponsors}`);
    const afterRaw = unitTexts(`A <br> cell.\n\n${sponsors}`);
    expect(plain.slice(1)).toEqual(['**Supported by:**', sponsors.slice(19, -1)]);
    expect(afterRaw.slice(1)).toEqual(plain.slice(1));
  });

  it('keeps the blocks that an element left open by mistyped end tags holds in its unit', () => {
    // The `<dl>` is never closed, but parse5 ends its position in its first block.
    let text =
      '<h3 id="api">\n</p>APxI</h3>\n<dl>\n<dt>one</dt>\n<dd>first</ >\n</===dl>\n<h3 id="more"</div>>More</h3>\n\n' +
      '- item with <e# m>inline</em> HTML\n- seco nd\n\n[ Ref ]:\n  https://exampl[^a]e.com/third\n\n' +
      '<h3 id="a## <b>pi">A PI</h3>\n<dl>\n<dt>one</dt>\n<dd>first</dd>\n</dl>\n<h3 id="more">More</h3>\n\n' +
      '| a | b |\n| --- | --- |\n| <br> cell | `code` |\n\nruns over</</p>b> two p</b>aragraphs.\n';
    const renderer = new IncrementalRenderer();
    renderer.reset(text);
    const at = text.indexOf('pi">A PI');
    renderer.edit([{ from: at, to: at, insert: 'x' }]);
    text = text.slice(0, at) + 'x' + text.slice(at);
    expect(renderer.html()).toBe(renderMarkdown(text));
  });
});
