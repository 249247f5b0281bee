import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../shared/markdown';
import { htmlBlockCuts } from '../../../shared/markdown/html-block-lines';
import { IncrementalRenderer } from '../../../shared/markdown/incremental';
import { FoldedRenderer } from '../../helpers/folded-preview';
import { randomEdits, seedRange } from './random-edits';

/**
 * An API reference written in raw HTML, as documentation generators write READMEs: each entry's
 * `</dd></dl>` and the next `<h3>…<dl><dt>` on the lines that follow, with no blank line between
 * entries for pages on end, so that raw HTML stays open across every block boundary.
 */
function apiReference(entries: number): string {
  const parts = ['# Reference', 'Intro paragraph.'];
  for (let index = 0; index < entries; index++) {
    const name = `entry${index}`;
    parts.push(
      [
        `${index === 0 ? '' : '<dd><p>Ends the previous entry.</p>\n</dd>\n</dl>\n'}<h3 id="${name}">mode/<a href="#${name}">${name}</a></h3>`,
        '<dl>',
        `<dt id="${name}.x">`,
        `  <code><strong><a href="#${name}.x">${name}</a></strong>: <a href="https://example.com/ref#${name}">Parser</a>&lt;unknown&gt;</code></dt>`,
      ].join('\n'),
    );
  }
  parts.push('<dd></dd>\n</dl>', 'After the reference.');
  return parts.join('\n\n');
}

/** One long `<dl>` in raw HTML, its terms and descriptions in HTML blocks between blank lines. */
function definitionList(entries: number): string {
  const items = Array.from({ length: entries }, (_, index) =>
    [
      `<dt id="term${index}">`,
      `  <code><strong><a href="#term${index}">term${index}</a></strong>: <a href="https://example.com/t">Type</a>&lt;unknown&gt;</code></dt>`,
      '',
      index % 3 === 0 ? `<dd><p>Describes term ${index}.</p></dd>` : '<dd></dd>',
    ].join('\n'),
  );
  return [
    '# Modes',
    'Intro paragraph.',
    `<h3 id="modes">Modes</h3>\n<dl>\n${items.join('\n')}\n</dl>`,
    'After the list.',
  ].join('\n\n');
}

describe('typing in long raw HTML', () => {
  it('cuts an HTML block only before lines that start a block-level tag, outside tags and comments', () => {
    const value =
      '<dd></dd>\n</dl>\n<h3 id="a">A</h3>\n<span>no</span>\n<div title="x\n<div>">\n<!--\n<p>\n-->\n<p>';
    const cuts = htmlBlockCuts(value);
    const lines = cuts.map((at) => value.slice(at).split('\n')[0]);
    expect(lines).toEqual(['<h3 id="a">A</h3>', '<div title="x', '<p>']);
    // Blocks a marker ends (`<pre`, `<script`, comments) are never cut.
    expect(htmlBlockCuts('<pre>\n<div>\n</pre>')).toEqual([]);
    expect(htmlBlockCuts('<!-- a\n<div>\n-->')).toEqual([]);
  });

  it('keeps the line break before a tag left open at the end of an HTML block with the lines above it', () => {
    // The open `<dt` is dropped and its line break merges with the one after the block: the
    // `<dd>` line's part ends with that text in the article, and must not be cut from it.
    expect(htmlBlockCuts('<dd></dd>\n<dt')).toEqual([]);
    expect(htmlBlockCuts('<dd></dd>\n<dt>x</dt>\n <h3 id="a"')).toEqual([10]);
    for (const text of ['>\n<dd></dd>\n<dt\n\nd', '>\n<dl><dt></dt></dl>\n<h3\n\ny']) {
      const renderer = new FoldedRenderer(new IncrementalRenderer());
      renderer.reset(text);
      renderer.edit([{ from: 0, to: 0, insert: '>' }]);
      expect(renderer.mismatch(renderMarkdown(`>${text}`)), text).toBeNull();
    }
  });

  it('does not cut an HTML block before a line whose tag name runs on past a slash', () => {
    // `<dl/d>` starts no HTML block: the line read alone is a paragraph, which then takes in the
    // next line once its tag stops starting a block.
    expect(htmlBlockCuts('</h>\n<dl/d></dl>\n<h3>')).toEqual([17]);
    let text = '</h>\n<dl/d></dl>\n<h3>';
    const renderer = new FoldedRenderer(new IncrementalRenderer());
    renderer.reset(text);
    const edit = { from: 20, to: 20, insert: '[^b]' };
    text = text.slice(0, edit.from) + edit.insert + text.slice(edit.to);
    renderer.edit([edit]);
    expect(renderer.mismatch(renderMarkdown(text))).toBeNull();
  });

  it('renders a few lines around a keystroke in a reference where raw HTML never closes between blocks', () => {
    let text = apiReference(120);
    const renderer = new FoldedRenderer(new IncrementalRenderer());
    const whole = renderer.reset(text);
    const wholeSize = whole.blocks.reduce((sum, block) => sum + block.html.length, 0);
    for (const entry of [3, 60, 117]) {
      const spot = text.indexOf(`>entry${entry}</a></strong>`) + 3;
      for (let step = 0; step < 4; step++) {
        text = text.slice(0, spot + step) + 'x' + text.slice(spot + step);
        const patch = renderer.edit([{ from: spot + step, to: spot + step, insert: 'x' }]);
        const sent = patch.blocks.reduce((sum, block) => sum + block.html.length, 0);
        expect(patch.full).toBe(false);
        // A window of a few entries, not the reference (each entry is under 1% of it).
        expect(sent, `entry ${entry}, keystroke ${step}`).toBeLessThan(wholeSize / 40);
        expect(renderer.mismatch(renderMarkdown(text))).toBeNull();
      }
    }
  });

  it('renders a few lines around a keystroke below a comment that holds a tag', () => {
    // READMEs comment out their centred banner: `<!-- <div align="center"> -->`. The comment
    // opens nothing; counting its `<div>` had every keystroke below render all the blocks after it.
    const paragraphs = Array.from(
      { length: 400 },
      (_, i) => `Paragraph ${i} with *text* and a [link](https://e.com/${i}).`,
    );
    for (const comment of [
      '<!-- <div align="center"> -->',
      '<!--\n<p align="center">\n  <img src="logo.png">\n-->',
    ]) {
      let text = `# Title\n\n${comment}\n\n${paragraphs.join('\n\n')}\n`;
      const renderer = new FoldedRenderer(new IncrementalRenderer());
      renderer.reset(text);
      const spot = text.indexOf('Paragraph 300 with') + 'Paragraph 300'.length;
      for (let step = 0; step < 3; step++) {
        text = text.slice(0, spot + step) + 'x' + text.slice(spot + step);
        const patch = renderer.edit([{ from: spot + step, to: spot + step, insert: 'x' }]);
        const sent = patch.blocks.reduce((sum, block) => sum + block.html.length, 0);
        // A paragraph or three (about 130 characters each), not the 400 after the comment.
        expect(sent, `${comment}, keystroke ${step}`).toBeLessThan(1_000);
        expect(renderer.mismatch(renderMarkdown(text))).toBeNull();
      }
    }
  });

  it('stays byte-identical to a full render through random edits around comments that hold tags', () => {
    const blocks = [
      '<!-- <div align="center"> -->',
      '<!--\n<p align="center">\n  <img src="logo.png">\n-->',
      'Some *text* <!-- <b> --> and more.',
      '<div>\n<!-- </div> -->\ninside\n</div>',
      '<!-->',
      '- an item <!-- <i> -->\n- another',
      'A paragraph with a [link](https://example.com).',
      '> quoted <!-- </blockquote> --> text',
    ];
    const pieces = ['x', ' ', '\n', '\n\n', '<!--', '-->', '<div>', '</div>', '<b>', '>', '-', '`'];
    randomEdits({
      seeds: seedRange(1, 13),
      steps: 30,
      article: (random) =>
        Array.from({ length: 30 }, () => blocks[Math.floor(random() * blocks.length)]!).join('\n\n'),
      edit: (random, text) => {
        const spot = Math.floor(random() * text.length);
        const insert = pieces[Math.floor(random() * pieces.length)]!;
        const remove = random() < 0.25 ? 1 + Math.floor(random() * 6) : 0;
        return { from: spot, to: Math.min(text.length, spot + remove), insert };
      },
    });
  }, 300_000);

  it('stays byte-identical to a full render through random edits of long raw HTML', () => {
    const pieces = [
      'x',
      ' ',
      '\n',
      '\n\n',
      '<',
      '>',
      '"',
      '</dl>',
      '<dl>',
      '<!--',
      '-->',
      '<pre>',
      '<div>',
      '`',
      '- ',
      '<dd>',
    ];
    randomEdits({
      seeds: [...seedRange(1, 7), 267],
      steps: 30,
      article: () => apiReference(25),
      edit: (random, text) => {
        const spot = Math.floor(random() * text.length);
        const insert = pieces[Math.floor(random() * pieces.length)]!;
        const remove = random() < 0.25 ? 1 + Math.floor(random() * 6) : 0;
        return { from: spot, to: spot + remove, insert };
      },
    });
  }, 300_000);

  it('renders only the edited term of a long list that raw HTML holds open', () => {
    let text = definitionList(80);
    const renderer = new FoldedRenderer(new IncrementalRenderer());
    renderer.reset(text);
    for (const term of [2, 40, 77]) {
      const spot = text.indexOf(`>term${term}</a></strong>`) + 3;
      for (let step = 0; step < 4; step++) {
        text = text.slice(0, spot + step) + 'x' + text.slice(spot + step);
        const patch = renderer.edit([{ from: spot + step, to: spot + step, insert: 'x' }]);
        expect(patch.full).toBe(false);
        expect(patch.rendered, `term ${term}, keystroke ${step}`).toBe(1);
        expect(renderer.mismatch(renderMarkdown(text))).toBeNull();
      }
    }
  });

  it('stays byte-identical to a full render through random edits of a long list that raw HTML holds open', () => {
    const pieces = [
      'x',
      ' ',
      '\n',
      '\n\n',
      '<',
      '>',
      '"',
      '</dl>',
      '<dl>',
      '<!--',
      '<b>',
      '</dt>',
      '<dd>',
      '`',
      '<p>',
    ];
    randomEdits({
      seeds: [...seedRange(1, 7), 35],
      steps: 30,
      article: () => definitionList(30),
      edit: (random, text) => {
        const terms = [...text.matchAll(/>term\d+</g)].map((match) => match.index + 2);
        // Mostly in the terms' text, as an author types; sometimes anywhere.
        const spot =
          random() < 0.7 && terms.length > 0
            ? terms[Math.floor(random() * terms.length)]!
            : Math.floor(random() * text.length);
        const insert = pieces[Math.floor(random() * pieces.length)]!;
        const remove = random() < 0.25 ? 1 + Math.floor(random() * 6) : 0;
        return { from: spot, to: spot + remove, insert };
      },
    });
  }, 300_000);

  it('keeps the blocks after an HTML block that ends in text apart from it', () => {
    // The HTML parser gives the text after the last tag a start but no end.
    let text = [
      '<div>\n</div>\nafter the block',
      'Yet another.',
      ...Array.from({ length: 30 }, (_, i) => `Para ${i}.`),
    ].join('\n\n');
    const renderer = new FoldedRenderer(new IncrementalRenderer());
    renderer.reset(text);
    const spot = text.indexOf('Para 20') + 4;
    text = text.slice(0, spot) + 'x' + text.slice(spot);
    const patch = renderer.edit([{ from: spot, to: spot, insert: 'x' }]);
    // The edited paragraph alone is sent, not the article from the HTML block on.
    expect(patch.blocks.map((block) => block.html)).toEqual([expect.stringContaining('Parax 20.')]);
    expect(patch.blocks[0]!.html.length).toBeLessThan(100);
    expect(renderer.mismatch(renderMarkdown(text))).toBeNull();
  });

  it('shows an HTML block that starts with text after a comment as a full render does', () => {
    // A whole render writes a line break for the comment the sanitizer removes, and it joins
    // the text the next block starts with; the preview keeps no line breaks between blocks.
    for (const start of ['a', ' <details>\n<summary>x</summary>\n\ny\n\n</details>']) {
      let text = `<!-- a comment -->\n\n${start}\n\nAfter.\n`;
      const renderer = new FoldedRenderer(new IncrementalRenderer());
      renderer.reset(text);
      expect(renderer.mismatch(renderMarkdown(text))).toBeNull();
      const at = text.indexOf('After') + 1;
      text = text.slice(0, at) + 'x' + text.slice(at);
      renderer.edit([{ from: at, to: at, insert: 'x' }]);
      expect(renderer.mismatch(renderMarkdown(text))).toBeNull();
    }
  });

  it('keeps an element opened after an end tag that closes the paragraph open past it', () => {
    // `</div>` closes the `<div>` above and the paragraph's `<p>` with it: `<span>` opens at the
    // top and takes in the line break before the comment that runs to the end.
    let text = 'Intro.\n\n<div>\n\nText</div><span> more\n\n<!--\n';
    const renderer = new FoldedRenderer(new IncrementalRenderer());
    renderer.reset(text);
    text = `x${text}`;
    renderer.edit([{ from: 0, to: 0, insert: 'x' }]);
    expect(renderer.mismatch(renderMarkdown(text))).toBeNull();
  });

  it('keeps a formatting element open past a declaration that holds an end tag', () => {
    // `<!x</div>` is a bogus comment: the `<b>` stays open, and the HTML parser opens it again
    // around every block after the paragraph, the line that stops being an HTML block too.
    let text = 'A <b>bold <!x</div>\n\n[a]: /u\n\n</s>\n';
    const renderer = new FoldedRenderer(new IncrementalRenderer());
    renderer.reset(text);
    const at = text.indexOf('</s>') + 2;
    text = `${text.slice(0, at)} ${text.slice(at)}`;
    renderer.edit([{ from: at, to: at, insert: ' ' }]);
    expect(renderer.mismatch(renderMarkdown(text))).toBeNull();
  });

  it('closes the element left open above when a comment in a block below becomes `<!-->`', () => {
    // `<!--> </div> -->`: the empty comment leaves `</div>` outside, which closes the block's
    // own `<div>`, and its last line's `</div>` then closes the paragraph's `<div>` above.
    const paragraphs = Array.from({ length: 60 }, (_, index) => `Paragraph ${index} of the section.`);
    for (const empty of ['<!-->', '<!--->']) {
      let text = `Intro <div>more.\n\n${paragraphs.join('\n\n')}\n\n<div>\n<!-- </div> -->\ninside\n</div>\n\nThe end.\n`;
      const renderer = new FoldedRenderer(new IncrementalRenderer());
      renderer.reset(text);
      const at = text.indexOf('<!-- </div>') + '<!--'.length;
      const insert = empty.slice('<!--'.length);
      text = `${text.slice(0, at)}${insert}${text.slice(at)}`;
      renderer.edit([{ from: at, to: at, insert }]);
      expect(renderer.mismatch(renderMarkdown(text)), empty).toBeNull();
    }
  });
});
