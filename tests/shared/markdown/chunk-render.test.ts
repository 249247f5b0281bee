import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { generateArticle } from '../../../bench/generate-article';
import { renderMarkdownTree } from '../../../shared/markdown';
import { renderChunksInThread } from '../../../shared/markdown/chunk-join';
import { planChunks } from '../../../shared/markdown/chunk-plan';
import { renderChunk } from '../../../shared/markdown/chunk-render';
import { markdownCorpus } from '../../helpers/markdown-corpus';
import { randomArticle, randomEdit, seededRandom } from './random-article';

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
    // Most of the corpus has no heading after a blank line to cut before, or raw HTML (which is
    // never joined); the rest must join.
    expect(joined).toBeGreaterThanOrEqual(8);
  }, 300_000);

  it('joins random articles with random edits exactly, or declines to join them', () => {
    let joined = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const random = seededRandom(1000 + seed);
      let text = randomArticle(random, 16);
      for (let step = 0; step < 10; step++) {
        const edit = randomEdit(random, text);
        text = text.slice(0, edit.from) + edit.insert + text.slice(edit.to);
      }
      expectSame(`seed ${seed}`, text);
      // The same article without raw HTML (which is never joined), so that most of them join.
      if (expectSame(`seed ${seed} without raw HTML`, text.replaceAll('<', '\u2039'))) joined++;
    }
    expect(joined).toBeGreaterThan(80);
  }, 300_000);

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

  it('declines to cut an article with raw HTML before rendering any part of it', () => {
    for (const html of [
      '<!-- open',
      '<div>\n\nopen',
      'Inline <b>bold</b> text.',
      'a </span> b',
      '<?php x ?>',
    ]) {
      const text = `# A\n\nText.\n\n${html}\n\n# B\n\nmore\n\n# C\n\nend\n`;
      expect(planChunks(text, { chunkSize: 1 }), html).toBeNull();
    }
    // What only looks like HTML is no reason: code, autolinks, a lone less-than sign.
    for (const text of [
      '`<div>` in code',
      '```html\n<div>\n```',
      '<https://example.com/>',
      '<me@example.com>',
      'a < b',
    ]) {
      const article = `# A\n\nText.\n\n${text}\n\n# B\n\nmore\n\n# C\n\nend\n`;
      expect(planChunks(article, { chunkSize: 1 }), text).not.toBeNull();
      expect(expectSame(text, article), text).toBe(true);
    }
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

  it('declines to join when a line that looks like a definition is not one', () => {
    const text = '# A\n\nSee [x].\n\n```\n[x]: /not-a-definition\n```\n\n# B\n\nAnd [x] again.\n';
    const plan = planChunks(text, { chunkSize: 1 })!;
    expect(renderChunksInThread(plan)).toBeNull();
    expect(renderChunk(plan.chunks[1]!).appended.map((def) => def.key)).toEqual(['LX']);
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
