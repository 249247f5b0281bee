import { describe, expect, it } from 'vitest';
import { findFrontmatter, simpleBlockData, yamlData } from '../../../shared/frontmatter';
import { seededRandom } from '../../helpers/seeded-random';
import { goldenCases } from './golden-cases';

/**
 * Checks one text: when the simple reader answers, the shared `yaml` reader must see no problem
 * and the very same data. Returns whether the simple reader answered.
 */
function agrees(text: string): boolean {
  const block = findFrontmatter(text);
  const simple = block ? simpleBlockData(block) : null;
  if (simple === null) return false;
  const shared = yamlData(block!);
  expect(shared.problems, text).toEqual([]);
  expect(simple, text).toStrictEqual(shared.data);
  return true;
}

/** Values as site generators and authors write them. */
const typicalValues = [
  'A plain title',
  'draft',
  '"A quoted title"',
  "'Single quoted'",
  '2024-05-01',
  '2019-03-20T09:00:00+01:00',
  '12',
  'true',
  '[a, b]',
  '[docs, "two words"]',
  '/img/hero.jpg',
  'Ada Lovelace # the author',
];

/** The spots where readings differ, and where a simple reader could go wrong. */
const values = [
  'plain words',
  'Hello!',
  'C# and F#',
  'a # comment',
  'x#y',
  '5 * 3 & more',
  '*bold*',
  'a: b',
  'a:b',
  'ends:',
  'http://example.com/a?b=c',
  '/blog/post-1',
  '.hidden',
  '2024-05-01',
  '2024-05-01T10:00:00+02:00',
  '2024-05-01 10:30:00 +0100',
  '2024-13-45',
  '10:30',
  '1:20',
  '0',
  '-0',
  '+0',
  '7',
  '-12',
  '+3',
  '01234',
  '1.10',
  '1.',
  '.5',
  '1e3',
  '1_000',
  '0x1F',
  '0o17',
  '0b101',
  '123456789012345',
  '1234567890123456789012',
  '.inf',
  '-.Inf',
  '.NaN',
  '.nano',
  '~',
  'null',
  'Null',
  'NULL',
  'nULL',
  'true',
  'True',
  'TRUE',
  'tRUE',
  'false',
  'yes',
  'no',
  'on',
  'off',
  'y',
  'n',
  '-',
  '-a',
  '--',
  '?',
  '? a',
  ':',
  ',a',
  '&a x',
  '*a',
  '!tag x',
  '!!str 1',
  '|',
  '>',
  '%x',
  '@x',
  '`x`',
  '{a: 1}',
  '"double"',
  '"with \'single\' inside"',
  '"with \\" escape"',
  '"tab\\there"',
  '"a, b"',
  '"unclosed',
  '"a" b',
  '"a" # c',
  "'single'",
  "'it''s'",
  "''",
  "'a' b",
  "'unclosed",
  '""',
  '[a, b, c]',
  '[a, "b, c", \'d\']',
  '[1, true, ~, null, 2024-05-01]',
  '[]',
  '[ ]',
  '[a, b, ]',
  '[a,, b]',
  '[a, [b]]',
  '[a: b]',
  '[a:b]',
  '[-a]',
  '[a # c]',
  '[a] # c',
  '[a] b',
  '[a',
  'é ß שלום 👩‍💻',
  'e\u0301',
  '\u00a0nbsp',
  'trailing   ',
  ' leading',
];

const keys = ['title', 'date', 'tags', 'draft', 'sidebar_position', 'hero-image', 'a.b', '_k', 'T'];
const oddKeys = ['null', 'true', 'True', '~', '1', '"q"', 'a b', '__proto__', 'key ', '<<', '? x', '-k'];
const items = ['a', 'two words', '"quoted"', "'single'", '7', '~', 'a: b', '- nested', '[x]', '', '# c'];

function pick<T>(next: () => number, from: readonly T[]): T {
  return from[Math.floor(next() * from.length)]!;
}

/** A random block of lines: pairs, lists, comments, blank lines and the odd broken line. */
function randomBlock(next: () => number): string {
  const lines: string[] = [];
  const count = 1 + Math.floor(next() * 6);
  for (let i = 0; i < count; i++) {
    const roll = next();
    const key = next() < 0.05 ? pick(next, oddKeys) : pick(next, keys);
    if (roll < 0.6) {
      const value = next() < 0.5 ? pick(next, typicalValues) : pick(next, values);
      lines.push(`${key}:${next() < 0.05 ? '' : ' '}${value}`);
    } else if (roll < 0.8) {
      lines.push(`${key}:${next() < 0.2 ? ' # list' : ''}`);
      const indent = pick(next, ['', '  ', '    ']);
      const n = Math.floor(next() * 4);
      for (let j = 0; j < n; j++) {
        lines.push(`${next() < 0.05 ? ' ' : ''}${indent}-${next() < 0.05 ? '' : ' '}${pick(next, items)}`);
      }
    } else if (roll < 0.88) {
      lines.push(pick(next, ['', '# comment', '   ', '  # indented comment']));
    } else {
      lines.push(pick(next, ['  continued', '...', 'just text', '\tkey: x', 'key:\tx', 'k: v\r', '- a']));
    }
  }
  return `---\n${lines.join('\n')}\n---\nBody.\n`;
}

describe('the simple frontmatter reader', () => {
  it('reads what the shared YAML reader reads, on thousands of random blocks', () => {
    const next = seededRandom(2026);
    let answered = 0;
    const runs = 10_000;
    for (let run = 0; run < runs; run++) if (agrees(randomBlock(next))) answered++;
    // It must answer often, or the listing gains nothing (and this test would prove nothing).
    expect(answered).toBeGreaterThan(runs * 0.15);
  });

  it('agrees with the shared reader on every golden round-trip case it answers for', () => {
    const answered = goldenCases.filter((golden) => agrees(golden.input));
    // Declining every case would agree trivially: the simple cases must be answered.
    expect(answered.length).toBeGreaterThan(0);
  });

  it('answers for the frontmatter of Hugo, Jekyll, Astro, Eleventy, Docusaurus and Folio', () => {
    const blocks = [
      'title: "Release notes"\ndate: 2019-03-20T09:00:00+01:00\ndraft: true\ntags: [vil, beng]\ncategories: [newsletter]\ndescription: "A *bold* move."\n',
      'layout: post\ntitle: Welcome to Jekyll!\ndate: 2015-11-17 16:16:01 -0600\ncategories: jekyll update\ntags:\n  - intro\n  - setup\n',
      "title: 'First post'\ndescription: 'Lorem *ipsum* dolor'\npubDate: 'Jul 08 2022'\nheroImage: '/blog-placeholder-3.jpg'\n",
      'title: My post\ndate: 2023-01-01\ntags:\n- post\n- eleventy\nlayout: layouts/post.njk\n',
      'id: doc-12\ntitle: Doc Markdown\nsidebar_position: 3\nslug: /doc-markdown\ntags: [docs, hello]\n',
      'title: Draft\nstatus: review\ntags: [a, b]\ndate: 2024-05-01\nupdated: 2024-05-02\nauthor: Ada Lovelace\n# notes for later\n',
    ];
    for (const content of blocks) expect(agrees(`---\n${content}---\n# Body\n`), content).toBe(true);
  });

  it('leaves escapes, anchors, nested maps, multi-line values and odd numbers to the full readers', () => {
    const refused = [
      'title: "tab\\there"\n',
      'a: &x 1\nb: *x\n',
      'nested:\n  deep: 1\n',
      'title: multi\n  line plain\n',
      'title: >\n  folded\n',
      'n: 1e3\n',
      'n: 1234567890123456789012\n',
      'title: x\ntitle: y\n',
      'null: x\n',
      'title:\tx\n',
      'tags: [a, b, ]\n',
    ];
    for (const content of refused) {
      const block = findFrontmatter(`---\n${content}---\n`)!;
      expect(simpleBlockData(block), content).toBeNull();
    }
  });
});
