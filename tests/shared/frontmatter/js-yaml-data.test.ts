import { describe, expect, it } from 'vitest';
import { summarizeArticle } from '../../../shared/article-meta';
import { findFrontmatter, jsYamlData, yamlData } from '../../../shared/frontmatter';
import { goldenCases } from './golden-cases';

/** Frontmatter where js-yaml and `yaml` are most likely to read differently. */
const tricky: readonly string[] = [
  'id: 1234567890123456789012\nzip: 01234\nversion: 1.10\n',
  'octal: 0o14\nhex: 0x1F\nold_octal: 014\nunderscore: 1_000\nsexagesimal: 1:20\n',
  'inf: .inf\nninf: -.Inf\nnan: .NaN\nplus: +1\nexp: 1e3\ndot: 1.\nlead: .5\nbig: 1e400\n',
  'a: ~\nb: Null\nc: NULL\nd: True\ne: TRUE\nf: yes\ng: on\nh: n\ni: off\n',
  'date: 2024-05-01\nupdated: 2024-05-01T10:00:00Z\nodd: 2024-13-45\nspace: 2001-12-14 21:59:43.10 -5\n',
  'title: "\\x41\\u00e9\\U0001F600 \\N \\_ \\L"\n',
  "title: 'it''s'\ntags: [a, 'b', \"c\", 1, true, ~]\n",
  'tags: [a, b, ]\n',
  'tags:\n  - a\n  - b\nnested:\n  deep: [1, 2]\n',
  '<<: {a: 1}\nb: 2\n',
  '"a": 1\na: 2\n',
  'a: 1\n"a": 2\n',
  'title: Hello!\nnote: 5 * 3 & more\n',
  'title: a: b\n',
  'title:\tx\n',
  '\ttitle: x\n',
  'title: x\n\tmore: y\n',
  'key: [a, b\n',
  'key: "unterminated\n',
  'title: Post\n...\n',
  '%YAML 1.2\n---\ntitle: x\n',
  '? complex\n: value\n',
  '1: one\n2.5: two\ntrue: three\nnull: four\n',
  '__proto__: x\ntitle: y\n',
  'title: >\n  folded\n  text\n\nbody: |+\n  keep\n\n',
  'title: multi\n  line plain\n',
  'title: "multi\n  line quoted"\n',
  'title: x # comment\n# only a comment\n',
  '- a\n- b\n',
  'just text\n',
  '{ a: 1 }\n',
  `long: ${'x'.repeat(1100)}\n`,
  `${'k'.repeat(1100)}: v\n`,
  'title: x\ntitle: y\n',
  'a: &x 1\nb: *x\n',
  'a: !custom x\n',
  'a: !!str 1\n',
  '~: tilde\n? null\n: x\n',
  'emoji: 👩‍💻\nrtl: שלום\nnfd: e\u0301\n',
  'a: "\u2028"\nb: "\u0085"\n',
  'bad: \u0001\n',
  'empty:\nalso: ""\n',
];

function frontmatterTexts(): { name: string; text: string }[] {
  return [
    ...goldenCases.map((c) => ({ name: c.name, text: c.input })),
    ...tricky.map((content) => ({
      name: JSON.stringify(content).slice(0, 60),
      text: `---\n${content}---\nBody.\n`,
    })),
  ];
}

describe('the listing and the form read frontmatter alike', () => {
  for (const { name, text } of frontmatterTexts()) {
    it(`agree on errors and values: ${name}`, () => {
      const block = findFrontmatter(text);
      const fast = block ? jsYamlData(block) : null;
      const shared = block ? yamlData(block) : { data: {}, problems: [] };
      if (fast) {
        // js-yaml answered: `yaml` must see no error and the very same data.
        expect(shared.problems).toEqual([]);
        expect(fast).toEqual(shared.data);
      }
      if (shared.problems.length > 0) expect(fast).toBeNull();
      // What the pane shows comes out the same as from the form's parser.
      const summary = summarizeArticle('post.md', text, new Date(0));
      if (block?.kind !== 'toml') expect(summary.problems).toEqual(shared.problems);
      const data: Readonly<Record<string, unknown>> = shared.data;
      if (typeof data.title === 'string' && data.title.trim()) expect(summary.title).toBe(data.title.trim());
      if (typeof data.date === 'string') expect(summary.date).toBe(data.date);
      if (Array.isArray(data.tags)) {
        const scalars = data.tags.filter((t) => ['string', 'number', 'boolean'].includes(typeof t));
        expect(summary.tags).toEqual(scalars.map(String).filter(Boolean));
      }
    });
  }

  it('reads plain frontmatter with js-yaml, without falling back', () => {
    const block = findFrontmatter('---\ntitle: Hi!\nstatus: draft\ntags: [a, b]\ndate: 2024-05-01\n---\n')!;
    expect(jsYamlData(block)).toEqual({
      title: 'Hi!',
      status: 'draft',
      tags: ['a', 'b'],
      date: '2024-05-01',
    });
  });
});
