/**
 * Random article files for property tests of the library's readers: frontmatter of every kind
 * the readers meet (simple, complex, broken, unclosed, TOML, none), bodies whose title and
 * excerpt sit near the start or far beyond it, headings inside code fences, setext headings,
 * non-ASCII text, and the byte-level oddities (BOM, CRLF, a lone CR, NUL, invalid UTF-8).
 */
import { seededRandom } from './seeded-random';

const heads = [
  '',
  '---\ntitle: A simple title\nstatus: draft\ntags: [one, two]\ndate: 2024-05-01\n---\n',
  '---\ntitle: "Quoted: title"\ntags:\n  - a\n  - b\ndraft: true\n---\n',
  '---\ntitle: Ünïcödé title, long enough to be sliced\ndescription: Texte en français\n---\n',
  '---   \ntags: a, b\n---\t\n',
  '---\nstatus: Published\n---',
  '---\n---\n',
  '---\ntitle: [unclosed\n---\n',
  '---\ntitle: a\ntitle: b\n---\n',
  '---\nnested:\n  deep: 1\ntitle: &a Anchored\nalias: *a\n---\n',
  '---\ntitle: never closed\n\nBody under an open fence.\n',
  '+++\ntitle = "Hugo"\ndraft = true\n+++\n',
  '+++\ntitle = "Dated"\ndate = 2024-01-02T10:00:00+02:00\ntags = ["a", "b"]\n+++\n',
  '+++\ntitle = broken\n+++\n',
  '---\ntitle: 12345\n---\n',
  '---\ndate: 2023-02-29\n---\n',
  '----\ntitle: not a fence\n----\n',
];

const lines = [
  '',
  '# An ATX title',
  '#    Spaced title  ##',
  '# Title {#with-id}',
  '## A second-level heading',
  'A setext title',
  '===',
  '---',
  '```',
  '~~~~',
  '    # indented code, not a heading',
  '# heading in *emphasis* and `code`',
  'A plain paragraph line with [a link](https://example.com) and *stress*.',
  'Ещё одна строка,日本語の文, 😀 emoji.',
  '> a quote',
  '| a | table |',
  '<div>html</div>',
  '![image](x.png)',
  '***',
  '- a list item',
  "Don't e-mail me at 3.14 o’clock.",
  '#',
  '# **',
  'x'.repeat(300),
];

/** One random article as bytes; `seed` picks it. */
export function randomArticle(seed: number): Buffer {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  // Often a long run of filler first, so that the title or excerpt lies beyond the start read.
  const filler = random() < 0.3 ? Math.floor(random() * 800) : 0;
  const body: string[] = [];
  // (Lines that are neither a title nor an excerpt.)
  for (let i = 0; i < filler; i++) body.push(pick(['', '```', '> quote', '#', '<p>', '| t |', '***']));
  const count = Math.floor(random() * 40);
  for (let i = 0; i < count; i++) body.push(pick(lines));
  let text = pick(heads) + body.join('\n') + (random() < 0.7 ? '\n' : '');
  if (random() < 0.1) text = text.replace(/\n/g, '\r\n');
  if (random() < 0.05) text = text.replace('\n', '\r');
  let bytes = Buffer.from(text, 'utf8');
  if (random() < 0.15) bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
  if (random() < 0.03) bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
  const at = Math.floor(random() * bytes.length);
  if (random() < 0.05)
    bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from([0xff]), bytes.subarray(at)]);
  if (random() < 0.05) bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from([0]), bytes.subarray(at)]);
  return bytes;
}
