import { seededRandom } from '../../helpers/seeded-random';

export { seededRandom };

const pieces = [
  '# Intro\n\nSome *words* here.[^a]\n',
  '## Intro\n\nA [link][ref] and [another](other.md#x).\n',
  '- one\n- two\n  - nested\n\n  continued\n- three\n',
  '1. first\n2. second\n',
  '> quoted\n> still\n',
  '```js\nconst x = 1;\n```\n',
  '~~~\nplain\n~~~\n',
  '| a | b |\n| --- | ---: |\n| 1 | 2 |\n',
  '<div>\n\nInside *div*\n\n</div>\n',
  '<!-- a comment -->\n',
  '$$\n\\frac{1}{2}\n$$\n',
  'Inline $x^2$ math and `code`.\n',
  'Setext heading\n---\n',
  '[ref]: https://example.com/ref "Title"\n',
  '[^a]: The note *text*.\n',
  '- [x] done\n- [ ] todo\n',
  '    indented code\n',
  'Text with a hard  \nbreak and <b>bold</b>.\n',
  '***\n',
  '## Intro\n',
];

const snippets = [
  '{++',
  '++}',
  '{~~',
  '~>',
  '~~}',
  'x',
  ' ',
  '\n',
  '\n\n',
  '`',
  '```',
  '~~~',
  '<!--',
  '-->',
  '- ',
  '> ',
  '# ',
  '1. ',
  '*',
  '**',
  '_',
  '|',
  '$',
  '$$',
  '<div>',
  '</div>',
  '[^a]',
  '[^b]',
  '[ref]',
  '[ref]: /y\n',
  '[^b]: new note\n',
  '    ',
  '---',
  '===',
  '<b>',
  'Intro',
  '\\',
];

/** Generates a small article from the pieces above, with frontmatter and duplicate headings. */
export function randomArticle(random: () => number, parts = 12): string {
  const out = ['---', 'title: Random', '---', ''];
  for (let index = 0; index < parts; index++) out.push(pieces[Math.floor(random() * pieces.length)]!);
  return out.join('\n');
}

/** One random edit of `text`: an insertion of Markdown punctuation or a deletion of a span. */
export function randomEdit(random: () => number, text: string): { from: number; to: number; insert: string } {
  const from = Math.floor(random() * (text.length + 1));
  if (random() < 0.35 && text.length > 0) {
    const to = Math.min(text.length, from + 1 + Math.floor(random() * 12));
    return { from, to, insert: '' };
  }
  const insert = snippets[Math.floor(random() * snippets.length)]!;
  const to = random() < 0.15 ? Math.min(text.length, from + Math.floor(random() * 4)) : from;
  return { from, to, insert };
}

/**
 * An edit that lands inside a footnote definition's text (or right after it, continuing it),
 * or `null` when the text has none: the case the renderer handles by redoing only the
 * footnotes section.
 */
export function randomFootnoteEdit(
  random: () => number,
  text: string,
): { from: number; to: number; insert: string } | null {
  const starts = [...text.matchAll(/^\[\^[^\]\n]+\]: /gm)].map((match) => match.index + match[0].length);
  if (starts.length === 0) return null;
  const start = starts[Math.floor(random() * starts.length)]!;
  const lineEnd = text.indexOf('\n', start);
  const end = lineEnd === -1 ? text.length : lineEnd;
  const from = start + Math.floor(random() * (end - start + 2));
  const at = Math.min(from, text.length);
  if (random() < 0.3 && at < end)
    return { from: at, to: Math.min(end, at + 1 + Math.floor(random() * 3)), insert: '' };
  const inserts = ['x', ' word', '*', '[^a]', '[ref]', '$x$', '\n', '\nlazy text', '\n    more', '`'];
  return { from: at, to: at, insert: inserts[Math.floor(random() * inserts.length)]! };
}

/**
 * A random article whose frontmatter fence on line 1 is never closed (`---`, or `+++` when
 * `toml`), so that the whole article must read as a plain document.
 */
export function randomUnclosedFrontmatterArticle(random: () => number, parts = 8, toml = false): string {
  const body = randomArticle(random, parts).split('\n').slice(4).join('\n');
  const fence = toml ? '+++' : '---';
  // No line of the body may close the fence: make setext and thematic `---` lines longer.
  return `${fence}\ntitle: Open\n\n${body.replace(/^(---|\+\+\+)[ \t]*$/gm, '$1-')}`;
}
