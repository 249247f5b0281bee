import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import rehypeStringify from 'rehype-stringify';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
// commonmark-spec is CommonJS: its `tests` are the 652 examples of CommonMark 0.31.2.
import spec from 'commonmark-spec';
import { renderMarkdown } from '../../../shared/markdown';

interface Example {
  readonly markdown: string;
  readonly html: string;
  readonly section: string;
  readonly number: number;
}

/**
 * The parsing part of Folio's pipeline, without sanitizing (the spec's raw HTML examples expect
 * the HTML passed through): CommonMark alone, and with Folio's extensions (GFM, math,
 * frontmatter) to see what they change.
 */
const commonmark = unified()
  .use(remarkParse)
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeStringify, { allowDangerousHtml: true })
  .freeze();
const folio = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkFrontmatter, ['yaml', 'toml'])
  .use(remarkMath)
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeStringify, { allowDangerousHtml: true })
  .freeze();

const blockTags =
  /\n*(<\/?(?:p|li|ul|ol|blockquote|h[1-6]|table|thead|tbody|tr|td|th|hr|div|pre|section)\b[^>]*>)\n*/g;

/** Compares HTML the way the spec's own runner does: serialization and block-level breaks aside. */
function normalize(html: string): string {
  return toHtml(fromHtml(html.trim(), { fragment: true }))
    .replace(blockTags, '$1')
    .trim();
}

function run(
  processor: typeof commonmark,
  examples: readonly Example[],
): { passed: number; failed: Example[] } {
  const failed: Example[] = [];
  for (const example of examples) {
    const markdown = example.markdown.replace(/→/g, '\t');
    const expected = example.html.replace(/→/g, '\t');
    let actual: string;
    try {
      actual = String(processor.processSync(markdown));
    } catch {
      actual = '<error>';
    }
    if (normalize(actual) !== normalize(expected)) failed.push(example);
  }
  return { passed: examples.length - failed.length, failed };
}

function bySection(failed: readonly Example[]): string {
  const counts = new Map<string, number[]>();
  for (const example of failed)
    counts.set(example.section, [...(counts.get(example.section) ?? []), example.number]);
  return [...counts].map(([section, numbers]) => `${section}: ${numbers.join(', ')}`).join('\n');
}

const examples: readonly Example[] = spec.tests;

/** Examples the whole pipeline renders differently from the spec, on purpose, by reason. */
const knownPipelineFailures: Record<string, readonly number[]> = {
  // The sanitizer removes unknown elements, comments and attributes the schema does not allow.
  rawHtml: [
    21, 150, 152, 153, 154, 163, 164, 169, 170, 171, 172, 173, 176, 177, 178, 179, 180, 182, 183, 201, 308,
    309, 491, 524, 536, 613, 614, 615, 616, 617, 625, 626, 627, 628, 629, 631, 642, 643,
  ],
  // Only http, https and mailto links are kept (`irc:`, `a+b+c:`, `made-up-scheme:` are not).
  urlPolicy: [596, 598, 599, 601, 602, 606, 608, 611, 612],
  // A `---` block on the first line is frontmatter.
  frontmatter: [96, 98],
  // Known languages are highlighted: their code holds `hljs-*` spans.
  highlighting: [142, 143],
  // A blank first line inside a fenced block is not kept.
  fenceFirstBlankLine: [127, 129],
};

describe('conformance', () => {
  it('passes the CommonMark 0.31.2 spec examples with the parser alone', () => {
    const { passed, failed } = run(commonmark, examples);
    console.log(`CommonMark 0.31.2: ${passed}/${examples.length} examples match\n${bySection(failed)}`);
    expect(examples).toHaveLength(652);
    // The figure in the README; a drop means a regression in the parser or its setup.
    expect(passed).toBe(652);
  });

  it('keeps CommonMark with Folio extensions on, except where an extension changes the meaning', () => {
    const { passed, failed } = run(folio, examples);
    console.log(
      `CommonMark 0.31.2 with GFM, math and frontmatter: ${passed}/${examples.length}\n${bySection(failed)}`,
    );
    expect(passed).toBeGreaterThanOrEqual(645);
  });

  it('keeps CommonMark through the whole pipeline, except where safety or an extension changes it', () => {
    // What Folio adds to every page and the spec does not show: source lines, heading ids, the
    // highlighter's `hljs` class.
    const folioOnly = (html: string): string =>
      html
        .replace(/ data-line="\d+" data-line-end="\d+"/g, '')
        .replace(/(<h[1-6]) id="[^"]*"/g, '$1')
        .replace(/ class="hljs"/g, '')
        .replace(/ class="hljs /g, ' class="');
    const failed = examples.filter((example) => {
      const markdown = example.markdown.replace(/→/g, '\t');
      const html = folioOnly(renderMarkdown(markdown));
      return normalize(html) !== normalize(example.html.replace(/→/g, '\t'));
    });
    console.log(`CommonMark 0.31.2 through Folio's pipeline: ${examples.length - failed.length}/652`);
    expect(failed.map((example) => example.number)).toEqual(
      Object.values(knownPipelineFailures)
        .flat()
        .sort((a, b) => a - b),
    );
    // Info strings keep their language (34, 144) and a colon after `)` makes no scheme (500; 502
    // in older numberings, `foo\bar`, stays too).
    for (const number of [34, 144, 500, 502])
      expect(failed.map((example) => example.number)).not.toContain(number);
  });

  it('renders GFM tables, task lists, strikethrough and autolinks', () => {
    const cases: [string, string][] = [
      [
        '| a | b |\n| --- | --- |\n| 1 | 2 |',
        '<table><thead><tr><th>a</th><th>b</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>',
      ],
      [
        '| l | c | r |\n|:--|:-:|--:|\n| 1 | 2 | 3 |',
        '<table><thead><tr><th align="left">l</th><th align="center">c</th><th align="right">r</th></tr></thead><tbody><tr><td align="left">1</td><td align="center">2</td><td align="right">3</td></tr></tbody></table>',
      ],
      [
        '| a |\n| - |\n| `x \\| y` |',
        '<table><thead><tr><th>a</th></tr></thead><tbody><tr><td><code>x | y</code></td></tr></tbody></table>',
      ],
      [
        '| a | b |\n| - | - |\n| 1 |',
        '<table><thead><tr><th>a</th><th>b</th></tr></thead><tbody><tr><td>1</td><td></td></tr></tbody></table>',
      ],
      ['| a | b |\n| - |\n| 1 | 2 |', '<p>| a | b |\n| - |\n| 1 | 2 |</p>'],
      [
        '| a |\n| - |\n| 1 |\n> quote',
        '<table><thead><tr><th>a</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table><blockquote><p>quote</p></blockquote>',
      ],
      [
        '- [ ] open\n- [x] done',
        '<ul class="contains-task-list"><li class="task-list-item"><input type="checkbox" disabled> open</li><li class="task-list-item"><input type="checkbox" checked disabled> done</li></ul>',
      ],
      [
        '- [x] outer\n  - [ ] inner',
        '<ul class="contains-task-list"><li class="task-list-item"><input type="checkbox" checked disabled> outer<ul class="contains-task-list"><li class="task-list-item"><input type="checkbox" disabled> inner</li></ul></li></ul>',
      ],
      ['~~gone~~ and ~also~', '<p><del>gone</del> and <del>also</del></p>'],
      ['a ~~b~~~ c', '<p>a ~~b~~~ c</p>'],
      ['www.example.com/path', '<p><a href="http://www.example.com/path">www.example.com/path</a></p>'],
      [
        'Visit https://example.com/a?b=c.',
        '<p>Visit <a href="https://example.com/a?b=c">https://example.com/a?b=c</a>.</p>',
      ],
      ['(www.example.com/x)', '<p>(<a href="http://www.example.com/x">www.example.com/x</a>)</p>'],
      ['mail me@example.com', '<p>mail <a href="mailto:me@example.com">me@example.com</a></p>'],
      ['`https://example.com`', '<p><code>https://example.com</code></p>'],
      [
        'See www.example.com/a_b.',
        '<p>See <a href="http://www.example.com/a_b">www.example.com/a_b</a>.</p>',
      ],
    ];
    const failed = cases.filter(
      ([markdown, html]) => normalize(String(folio.processSync(markdown))) !== normalize(html),
    );
    console.log(`GFM extensions: ${cases.length - failed.length}/${cases.length} cases match`);
    expect(failed.map(([markdown]) => markdown)).toEqual([]);
  });
});
