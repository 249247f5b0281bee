import { describe, expect, it } from 'vitest';
import { blocksOf, groupOpenHtml } from '../../../shared/markdown/cut-units';
import { unsafeTreeProcessor } from '../../../shared/markdown/pipeline';

function tagsOf(text: string): (string[] | null)[] {
  return blocksOf(unsafeTreeProcessor.parse(text), text, 0, 1).map((block) => block.tags);
}

describe('htmlTags', () => {
  it('reads the tags of raw HTML as the HTML parser tokenizes them', () => {
    expect(tagsOf('<div>\n<b>bold</b>\n</div>\n')).toEqual([['+div', '+b', '-b', '-div']]);
    // A tag name runs to white space, `/` or `>`: `<e</h>` opens an element named `e<`.
    expect(tagsOf('<h3><e</h>\n')).toEqual([['+h3', '+e<']]);
    // `</` before anything but a letter starts a bogus comment up to the next `>`.
    expect(tagsOf('<h>\n</</b>\n')).toEqual([['+h']]);
    // So do `<!` and `<?` that start no comment, whatever they hold up to it.
    expect(tagsOf('<div>\n<!x</div>\n<?x</div>\n')).toEqual([['+div']]);
    expect(tagsOf('A <b>bold <!x</div>\n')).toEqual([['+b']]);
    // Self-closing and void tags open nothing.
    expect(tagsOf('<div/>\n<br>\n')).toEqual([[]]);
    // A comment's tags are text: closed, left open to the end, or none at all (`<!-->` is one).
    expect(tagsOf('<div>\n<!-- <b> -->\n<!-- <i>\n')).toEqual([['+div']]);
    expect(tagsOf('<div>\n<!--> <b>\n')).toEqual([['+div', '+b']]);
    // `<!-->` and `<!--->` end where they start, and `--!>` ends a comment: the end tag after
    // them is read, although a `-->` follows on the line.
    for (const empty of ['<!-->', '<!--->', '<!-- x --!>'])
      expect(tagsOf(`<div>\n${empty} </div> -->\n`), empty).toEqual([['+div', '-div']]);
  });

  it('reads every element that inline HTML opens after an end tag that may close its paragraph', () => {
    // With a `<div>` open above, `</div>` closes the paragraph's `<p>` too: `<span>` then opens
    // at the top and stays open past the paragraph.
    expect(tagsOf('<div>\n\nText</div><span> more\n')).toEqual([['+div'], ['-div', '+span']]);
  });
});

describe('raw HTML that a comment holds', () => {
  it('opens nothing, and keeps the blocks after it apart', () => {
    for (const comment of [
      '<!-- <div align="center"> -->',
      '<!--\n<p align="center">\n  <img src="logo.png">\n-->',
      'Text <!-- <b> --> and more.',
    ]) {
      const text = `${comment}\n\n# Title\n\nA paragraph.\n\nAnother one.\n`;
      const blocks = blocksOf(unsafeTreeProcessor.parse(text), text, 0, 1);
      expect(
        blocks.map((block) => block.htmlDepth),
        comment,
      ).toEqual([0, 0, 0, 0]);
      const { groups, openAtEnd } = groupOpenHtml(blocks);
      expect(
        groups.map((group) => group.length),
        comment,
      ).toEqual([1, 1, 1, 1]);
      expect(openAtEnd).toBe(false);
    }
  });

  it('still counts what a comment left open takes in', () => {
    // A comment left open in a quote runs on after it, to the raw `-->` two blocks below; the
    // `<div>` inside it opens nothing.
    const text = '> <!-- <div>\n\nA paragraph.\n\n<!-- end -->\n\nAfter.\n';
    const { groups } = groupOpenHtml(blocksOf(unsafeTreeProcessor.parse(text), text, 0, 1));
    expect(groups.map((group) => group.length)).toEqual([3, 1]);
  });

  it('reads `<!-->` and `<!--->` as whole comments that open nothing', () => {
    for (const empty of ['<!-->', '<!--->']) {
      // Left open, the comment would take in the blocks below it.
      const text = `> ${empty} <div> </div>\n\nA paragraph.\n\n<!-- end -->\n\nAfter.\n`;
      const { groups, openAtEnd } = groupOpenHtml(blocksOf(unsafeTreeProcessor.parse(text), text, 0, 1));
      expect(
        groups.map((group) => group.length),
        empty,
      ).toEqual([1, 1, 1, 1]);
      expect(openAtEnd).toBe(false);
    }
  });
});
