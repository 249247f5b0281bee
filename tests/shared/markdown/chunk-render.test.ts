import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { generateArticle } from '../../../bench/generate-article';
import { renderMarkdownTree } from '../../../shared/markdown';
import { renderChunksInThread } from '../../../shared/markdown/chunk-join';
import { planChunks } from '../../../shared/markdown/chunk-plan';
import { renderChunk } from '../../../shared/markdown/chunk-render';
import { repairCuts } from '../../../shared/markdown/chunk-repair';
import { markdownCorpus } from '../../helpers/markdown-corpus';
import {
  randomArticle,
  randomEdit,
  randomShapedArticle,
  randomShapedEdit,
  seededRandom,
} from './random-article';

/** The body HTML both ways: whole, and cut at every heading the plan may cut before. */
function bothWays(markdown: string, chunkSize = 1): { whole: string; split: string | null; chunks: number } {
  const whole = toHtml(renderMarkdownTree(markdown).tree);
  const plan = planChunks(markdown, { chunkSize });
  if (!plan) return { whole, split: null, chunks: 1 };
  const joined = renderChunksInThread(plan);
  return { whole, split: joined ? toHtml(joined.tree) : null, chunks: plan.chunks.length };
}

function expectSame(name: string, markdown: string, chunkSize = 1): boolean {
  const { whole, split } = bothWays(markdown, chunkSize);
  if (split !== null && split !== whole) expect.fail(`${name}: the joined chunks differ from a whole render`);
  return split !== null;
}

describe('rendering an article in chunks', () => {
  it('joins the generated 2k, 10k and 100k-word articles into exactly the whole render', () => {
    for (const [words, size] of [
      [2_000, 1_000],
      [10_000, 8_000],
      [100_000, 24_000],
    ] as const) {
      const { whole, split, chunks } = bothWays(generateArticle(words), size);
      expect(chunks, `${words} words`).toBeGreaterThan(1);
      expect(split, `${words} words`).toBe(whole);
    }
  }, 120_000);

  it('joins every article of the equivalence corpus exactly, or declines to join it', () => {
    let joined = 0;
    for (const { name, markdown } of markdownCorpus()) if (expectSame(name, markdown)) joined++;
    // Most of the corpus has no heading after a blank line to cut before, or raw HTML left open
    // over it; the rest must join.
    expect(joined).toBeGreaterThanOrEqual(8);
  }, 300_000);

  it('joins random articles with random edits exactly, or declines to join them', () => {
    let joined = 0;
    // 434 and 1129 start with a comment alone before the first cut; 530 ends a chunk with a list
    // whose last item opens a fence.
    for (const seed of [...Array.from({ length: 300 }, (_, index) => index + 1), 434, 530, 1129]) {
      const random = seededRandom(1000 + seed);
      let text = randomArticle(random, 16);
      for (let step = 0; step < 10; step++) {
        const edit = randomEdit(random, text);
        text = text.slice(0, edit.from) + edit.insert + text.slice(edit.to);
      }
      expectSame(`seed ${seed}`, text);
      // The same article without raw HTML (which cuts less often), so that most of them join.
      if (expectSame(`seed ${seed} without raw HTML`, text.replaceAll('<', '\u2039'))) joined++;
    }
    expect(joined).toBeGreaterThan(80);
  }, 300_000);

  it('renders a note that interrupts an open block as the whole article does', () => {
    // Right after a paragraph, or indented code and a blank line, an empty list item starts
    // nothing: the note's first line is a paragraph.
    for (const before of ['A paragraph\n', '    code\n\n']) {
      const markdown = `# A\n\nText[^b] here.\n\n# B\n\n${before}[^b]: *\n\n    More.\n\n# C\n\nEnd.\n`;
      expect(expectSame(JSON.stringify(before), markdown), before).toBe(true);
    }
  });

  it('joins articles of real-document shapes exactly, or declines, and never throws', () => {
    // Seeds 658, 669 and 692 threw on text raw HTML leaves with an end and no start position;
    // 697 left a `<b>` closed with its `<div>`, which the parser opens again around the notes.
    // 1615 and 1811 left open an element that took in the footnotes section of their last chunk.
    for (const seed of [...Array.from({ length: 50 }, (_, index) => 650 + index), 1615, 1811]) {
      const random = seededRandom(seed);
      let text = randomShapedArticle(random, 14);
      for (let step = 0; step < 15; step++) {
        const edit = randomShapedEdit(random, text);
        text = text.slice(0, edit.from) + edit.insert + text.slice(edit.to);
      }
      expectSame(
        `seed ${seed}`,
        text.replace(/\n\n(?=[A-Z])/g, () => (random() < 0.3 ? '\n\n## Usage\n\n' : '\n\n')),
      );
    }
  }, 300_000);

  it('declines to join when a formatting element closed with its container is opened again around the notes', () => {
    const text =
      '# A\n\nText[^1].\n\n## B\n\nMore.\n\n<div align="center">\n<b>bold\n\n</div>\n\n[^1]: Note.\n';
    expect(toHtml(renderMarkdownTree(text).tree)).toMatch(/<\/section><\/b>$/);
    expect(expectSame('the open <b>', text)).toBe(false);
  });

  it('keeps one line break after text raw HTML leaves at the end of a chunk, whatever the stubs hold', () => {
    // The stub for [x] is read from the text up to the blank line, so it holds the stray `</div>`
    // after the definition too: appended to A, it added a line break to the text that ends A.
    const text = '# A\n\n<div>x</div>\ntail [x]\n\n# B\n\nmore\n\n[x]: /u\n</div>\n\nend\n';
    const plan = planChunks(text, { chunkSize: 1 })!;
    expect(plan.chunks[0]!.stubs).toEqual(['[x]: /u\n</div>']);
    const { whole, split } = bothWays(text);
    expect(whole).toContain('tail [x]\n<h1');
    expect(split).toBe(whole);
  });

  it('reads raw HTML right after a cut as the whole article does, after the heading that starts the chunk', () => {
    // A chunk starts with a heading, whose element puts parse5 "in body" before the chunk's raw
    // HTML as in the whole article (a window may start with raw HTML, and is told so with
    // `folioInBody`): a stray `</p>` there makes an empty paragraph either way.
    const text = '# A\n\nx\n\n# B\n\n</p>\n\nz\n\n# C </p>\n\ny\n';
    const { whole, split, chunks } = bothWays(text);
    expect(chunks).toBe(3);
    expect(whole).toContain('</h1>\n<p></p>\n<p data-line="9"');
    expect(split).toBe(whole);
  });

  it("gives a heading that cites a note the id of the note's number in the article", () => {
    // B cites the article's second note, the first in its own chunk.
    const text = '# In[^b]\n\nx[^a]\n\n# B[^a]\n\nmore\n\n# C[^b]\n\n[^a]: a\n[^b]: b\n';
    const { whole, split, chunks } = bothWays(text);
    expect(chunks).toBe(3);
    expect(whole).toContain('<h1 id="b2"');
    expect(split).toBe(whole);
    // What the sanitizer took out of such a heading is not in the chunk's text to slug again.
    const stripped = text.replace('# B[^a]', '# B[^a]<script>x</script>');
    expect(bothWays(stripped).split).toBeNull();
  });

  it('declines to join when raw HTML leaves open an element around what follows a chunk', () => {
    // The `<div>` closes the paragraph, so `<copyright>` opens at the top and stays open: in the
    // last chunk it takes in the footnotes section, which the join would write a second time; in
    // A, what the stub of [x] renders past the definition. Its tags show it left open (see the
    // next test), and the section's or the stub's nodes inside the chunk's would show it too.
    for (const text of [
      '# A\n\nx\n\n## B\n\nThe <div>x</div> y <COPYRIGHT HOLDER> z[^1].\n\n[^1]: n\n',
      '# A\n\nThe <div>x</div> y <COPYRIGHT HOLDER> z [x].\n\n## B\n\nmore\n\n[x]: /u\nnot a title\n',
    ]) {
      const plan = planChunks(text, { chunkSize: 1 })!;
      expect(plan.chunks).toHaveLength(2);
      const problems = plan.chunks.map(renderChunk).map((result) => result.problem);
      expect(problems.some((problem) => problem?.startsWith('raw HTML left open'))).toBe(true);
      expect(expectSame(text, text)).toBe(false);
    }
  });

  it('reads every element that raw HTML opens in a paragraph after closing its <p> as left open', () => {
    // The `<div>` closes the paragraph: `<copyright>` then opens at the top, around `## B`.
    for (const closing of ['<div>x</div>', '</p>']) {
      const text = `# A\n\nThe ${closing} y <COPYRIGHT HOLDER> z.\n\n## B\n\nmore\n`;
      const { whole, split } = bothWays(text);
      expect(whole, closing).toContain('<h2 id="b">B</h2>');
      expect(split ?? whole, closing).toBe(whole);
    }
  });

  it('numbers duplicate headings and footnotes across chunks as the whole article does', () => {
    const part = (n: number): string =>
      `## Intro\n\nCited[^a] and again[^a], then [^n${n}] and [the ref][ref].\n\n### Intro\n\nMore.\n`;
    const text = [
      '---\ntitle: t\n\n# not a cut: YAML comment\n---\n',
      ...Array.from({ length: 6 }, (_, n) => part(n)),
      ...Array.from({ length: 6 }, (_, n) => `[^n${n}]: Note ${n} cites [ref].\n`),
      '[^a]: The shared note.\n',
      '[ref]: https://example.com/ref\n  "A title on its own line"\n',
    ].join('\n');
    const { whole, split, chunks } = bothWays(text);
    expect(chunks).toBeGreaterThan(5);
    expect(split).toBe(whole);
    expect(whole).toContain('id="intro-5"');
    expect(whole).toContain('title="A title on its own line"');
  });

  it('cuts an article with raw HTML only where the text shows no element or comment left open', () => {
    const article = (html: string): string => `# A\n\nText.\n\n${html}\n\n# B\n\nmore\n\n# C\n\nend\n`;
    // Left open from the middle of A to the end: no cut after it, so no plan at all.
    for (const html of ['<!-- open', '<div>\n\nopen', '<details><summary>s</summary>']) {
      expect(planChunks(article(html), { chunkSize: 1 }), html).toBeNull();
      expectSame(html, article(html));
    }
    // Closed again before B: cut there, and the parts join into exactly the whole render.
    for (const html of [
      'Inline <b>bold</b> text.',
      'a </span> b',
      '<?php x ?>',
      '<div align="center">\n  <img src="logo.png">\n</div>',
      '<!-- a comment\n\nover two paragraphs -->',
      '<p align="center"><a href="https://example.com/"><img src="badge.svg"></a></p>',
    ]) {
      const plan = planChunks(article(html), { chunkSize: 1 });
      expect(
        plan?.chunks.map((chunk) => chunk.text.slice(0, 3)),
        html,
      ).toEqual(['# A', '# B', '# C']);
      expect(expectSame(html, article(html)), html).toBe(true);
    }
    // A comment that swallows B but not C: cut before C only.
    const swallowing = '# A\n\n<!-- from here\n\n# B\n\nto here -->\n\n# C\n\nend\n';
    expect(planChunks(swallowing, { chunkSize: 1 })?.chunks.map((chunk) => chunk.text.slice(0, 3))).toEqual([
      '# A',
      '# C',
    ]);
    expect(expectSame('comment over a heading', swallowing)).toBe(true);
    // What only looks like HTML is no reason not to cut: code, autolinks, a lone less-than sign.
    for (const text of [
      '`<div>` in code',
      '```html\n<div>\n```',
      '<https://example.com/>',
      '<me@example.com>',
      'a < b',
    ]) {
      expect(planChunks(article(text), { chunkSize: 1 })?.chunks.length, text).toBe(3);
      expect(expectSame(text, article(text)), text).toBe(true);
    }
  });

  it('renders the two chunks around a cut that parsing shows is not clean as one', () => {
    // A `<span>` alone on its line is an HTML block the text scan does not count, and parse5
    // keeps it open across the heading after it, up to its end tag in B.
    // (C is long: mending renders at most half of the article again, or else the whole.)
    const text = `# A\n\n<span class="x">\n\n# B\n\ntext\n\n</span>\n\n# C\n\n${'end '.repeat(50)}\n`;
    const plan = planChunks(text, { chunkSize: 1 })!;
    expect(plan.chunks).toHaveLength(3);
    const results = plan.chunks.map(renderChunk);
    expect(results[0]!.problemAt).toBe('end');
    // (B alone ends with an end tag it did not open: not clean either, seen from its side.)
    const repaired = repairCuts(plan, results)!;
    expect(repaired.plan.chunks.map((chunk) => chunk.text.slice(0, 3))).toEqual(['# A', '# C']);
    expect(repaired.results.every((result) => result.problem === null)).toBe(true);
    expect(expectSame('span left open over a cut', text)).toBe(true);
  });

  it('resolves a label defined in several chunks to its first definition, as the whole article does', () => {
    const text = [
      '# A\n\nSee [ref] and [other].\n\n[ref]: /first\n',
      '# B\n\nAgain [ref].\n\n[ref]: /second\n[other]: /other "Other"\n',
      '# C\n\nLast [ref], [other].\n\n[other]: /ignored\n',
    ].join('\n');
    const { whole, split, chunks } = bothWays(text);
    expect(chunks).toBe(3);
    expect(split).toBe(whole);
    expect(whole).not.toContain('/second');
    expect(whole).not.toContain('/ignored');
  });

  it('never cuts inside a fenced code or math block, closed or not', () => {
    for (const inside of ['```\ncode', '~~~~\ncode\n~~~', '$$\nx', '```sh\n# a comment\n\n# another\n```']) {
      const text = `# A\n\nText.\n\n${inside}\n\n# B\n\nmore\n\n# C\n\nend\n`;
      const plan = planChunks(text, { chunkSize: 1 });
      const starts = plan?.chunks.map((chunk) => chunk.text.slice(0, 3)) ?? [];
      expect(
        starts.filter((start) => start.startsWith('# a')),
        inside,
      ).toEqual([]);
      if (inside.endsWith('```')) expect(starts, inside).toEqual(['# A', '# B', '# C']);
      else expect(plan, inside).toBeNull();
      expectSame(inside, text);
    }
  });

  it('keeps the line break after a chunk that renders only a comment, as the whole article does', () => {
    // The sanitizer drops the comment, not the line break the pipeline wrote after it.
    const text = '<!-- badges -->\n\n## A\n\nx\n\n## B\n\ny\n';
    const { whole, split, chunks } = bothWays(text);
    expect(chunks).toBe(3);
    expect(whole).toMatch(/^\n<h2/);
    expect(split).toBe(whole);
  });

  it('renders a chunk whose list ends in an unclosed fence with the next chunk', () => {
    // Alone, the fence runs to the end of the chunk and takes in its last line; in the article
    // the heading after it ends it one line earlier. (C is long: mending renders at most half.)
    const text = `# A\n\n- x\n- ~~~\n\n## B\n\nz\n\n## C\n\n${'w'.repeat(300)}\n`;
    const plan = planChunks(text, { chunkSize: 1 })!;
    expect(renderChunk(plan.chunks[0]!).problemAt).toBe('end');
    const { whole, split } = bothWays(text);
    expect(whole).toContain('<ul data-line="3" data-line-end="5">');
    expect(split).toBe(whole);
  });

  it('declines to join when a line that looks like a definition is not one', () => {
    // A definition cannot interrupt a paragraph: known to be none only once parsed.
    const text = '# A\n\nSee [x].\nText\n[x]: /not-a-definition\n\n# B\n\nAnd [x] again.\n';
    const plan = planChunks(text, { chunkSize: 1 })!;
    expect(renderChunksInThread(plan)).toBeNull();
    expect(renderChunk(plan.chunks[1]!).appended.map((def) => def.key)).toEqual(['LX']);
  });

  it('offers no definition stub from fenced code, where it could open a fence over the others', () => {
    const text =
      '# A\n\nSee [x].\n\n```ts\n[k: string]: any\n}\n```\n\n# B\n\nAnd [x], [k: string].\n\n[x]: /x\n';
    const plan = planChunks(text, { chunkSize: 1 })!;
    expect(plan.chunks[0]!.stubs).toEqual(['[x]: /x']);
    expect(expectSame('fenced stub', text)).toBe(true);
  });

  it('keeps source lines across chunks, with CRLF line endings too', () => {
    const text = '# A\r\n\r\nOne.\r\n\r\n# B\r\n\r\nTwo\r\nlines.\r\n\r\n# C\r\n\r\n```js\r\nx\r\n```\r\n';
    const { whole, split, chunks } = bothWays(text);
    expect(chunks).toBe(3);
    expect(split).toBe(whole);
    expect(whole).toContain('<h1 id="c" data-line="10" data-line-end="10">');
  });

  it('does not cut articles with lone carriage returns, or with no heading to cut before', () => {
    expect(planChunks('# A\r\rText\r\r# B\r\rMore\r', { chunkSize: 1 })).toBeNull();
    expect(planChunks('Just text.\n\nMore text.\n', { chunkSize: 1 })).toBeNull();
  });
});
