import type { TextChange } from '../../../shared/markdown';
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
 * A random edit of the kind that changes much at once, as one transaction: a cut of a span of
 * any length up to the whole text, a paste of a span copied from elsewhere in the text (or over
 * a selection), or a few characters typed or deleted at several cursors at once (which is also
 * what the preview receives for keystrokes sent together while its worker was busy). Spans are
 * drawn on a log scale, so short and long ones are alike common. Changes are sorted and apart.
 */
export function randomLargeEdit(random: () => number, text: string): TextChange[] {
  const span = (): number => Math.floor(Math.exp(random() * Math.log(Math.max(2, text.length))));
  const kind = random();
  const from = Math.floor(random() * (text.length + 1));
  const to = Math.min(text.length, from + span());
  if (kind < 0.35) return [{ from, to, insert: '' }];
  const source = Math.floor(random() * text.length);
  const paste = text.slice(source, Math.min(text.length, source + span()));
  if (kind < 0.7) return [{ from, to: from, insert: paste }];
  if (kind < 0.85) return [{ from, to, insert: paste }];
  const cursors = Array.from({ length: 2 + Math.floor(random() * 4) }, () =>
    Math.floor(random() * (text.length + 1)),
  ).sort((a, b) => a - b);
  const changes: TextChange[] = [];
  for (const at of cursors) {
    if (changes.length > 0 && at <= changes[changes.length - 1]!.to) continue;
    const end = Math.min(text.length, at + Math.floor(random() * 3));
    const typed = random() < 0.5 ? '' : snippets[Math.floor(random() * snippets.length)]!;
    changes.push({ from: at, to: end, insert: typed });
  }
  return changes;
}

/** `text` after `changes` (sorted, apart, in `text`'s offsets). */
export function applyChanges(text: string, changes: readonly TextChange[]): string {
  let next = text;
  for (const change of [...changes].reverse())
    next = next.slice(0, change.from) + change.insert + next.slice(change.to);
  return next;
}

/**
 * A random edit of a text written with `\r\n` line endings: now and then one that splits a
 * `\r\n` (typing between its `\r` and its `\n`) or deletes one half of it, leaving a lone `\r`
 * or `\n`; otherwise {@link randomEdit}, its line breaks written `\r\n`.
 */
export function randomCrlfEdit(
  random: () => number,
  text: string,
): { from: number; to: number; insert: string } {
  const breaks = [...text.matchAll(/\r\n/g)].map((match) => match.index);
  const kind = random();
  if (kind < 0.25 && breaks.length > 0) {
    const at = breaks[Math.floor(random() * breaks.length)]! + 1;
    const inserts = ['x', ' ', '\r\n', '- ', '\n', '\r'];
    return { from: at, to: at, insert: inserts[Math.floor(random() * inserts.length)]! };
  }
  if (kind < 0.4 && breaks.length > 0) {
    const at = breaks[Math.floor(random() * breaks.length)]! + (random() < 0.5 ? 0 : 1);
    return { from: at, to: at + 1, insert: '' };
  }
  const edit = randomEdit(random, text);
  return { ...edit, insert: edit.insert.replace(/\n/g, '\r\n') };
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

/**
 * Pieces of the shapes real documents have and generated ones lacked: several definitions of
 * one label (the first wins; labels match case-folded, white space collapsed), notes holding
 * headings, raw HTML blocks (indented, nested, several elements in one block, a stray `</p>`)
 * and inline HTML spread over paragraphs.
 */
const shapedPieces = [
  '# Intro\n\nSee [ref], [Other] and a note.[^a]\n',
  '[ref]: https://example.com/first "First"\n',
  '[REF]: https://example.com/second\n',
  '[ Ref ]:\n  https://example.com/third\n',
  '[other]: other.md\n\n[OTHER]: ignored.md\n',
  '[^a]: The first note.\n',
  '[^A]: A duplicate note that loses.\n',
  '[^h]: A note with a heading.\n\n    ## Inside a note\n\n    More of it.[^h]\n',
  'Cites the heading note.[^h]\n\n## Inside a note\n',
  '<p align="center">\n  <img src="logo.png" alt="logo">\n</p>\n',
  '<h3 id="api">API</h3>\n<dl>\n<dt>one</dt>\n<dd>first</dd>\n</dl>\n<h3 id="more">More</h3>\n',
  '**Supported by:**\n\n  <a href="https://example.com">\n    <img src="sponsor.svg">\n  </a>\n',
  '<details>\n<summary>More</summary>\n\nInside *details*.\n\n</details>\n',
  'Some <b>bold that\n\nruns over</b> two paragraphs.\n',
  'A <span>span\n\nacross</span> paragraphs and a <kbd>key</kbd>.\n',
  'Text</p>\n\n<div>\n</p>\n</div>\n',
  '<div align="center">\n\n## Centered heading\n\n</div>\n',
  '| a | b |\n| --- | --- |\n| <br> cell | `code` |\n',
  '- item with <em>inline</em> HTML\n- second\n',
  'THE SOFTWARE IS PROVIDED <COPYRIGHT HOLDER> AS IS.\n',
  '<!-- a comment\nover lines -->\n',
];

const shapedSnippets = [
  'x',
  ' ',
  '\n',
  '\n\n',
  '<b>',
  '</b>',
  '<div>',
  '</div>',
  '</p>',
  '<!--',
  '-->',
  '[ref]',
  '[REF]: /changed\n',
  '[^a]',
  '[^h]',
  '[^a]: new first\n',
  '    ## ',
  '## ',
  '  ',
  '`',
  '*',
];

/** A small article of the shapes in {@link shapedPieces}, in random order. */
export function randomShapedArticle(random: () => number, parts = 10): string {
  const out = ['---', 'title: Shaped', '---', ''];
  for (let index = 0; index < parts; index++)
    out.push(shapedPieces[Math.floor(random() * shapedPieces.length)]!);
  return out.join('\n');
}

/** One random edit of `text` for {@link randomShapedArticle}: its snippets or a deletion. */
export function randomShapedEdit(
  random: () => number,
  text: string,
): { from: number; to: number; insert: string } {
  if (random() < 0.5) return randomEdit(random, text);
  const from = Math.floor(random() * (text.length + 1));
  return { from, to: from, insert: shapedSnippets[Math.floor(random() * shapedSnippets.length)]! };
}

/**
 * Offsets in `text` where typing a letter is ordinary typing: between two letters of a word,
 * outside any tag, on a line that is no definition and cites no note (a paragraph, a heading,
 * a list item, a table cell, code, text inside raw HTML). Such a keystroke changes its own
 * block only, so the renderer must not render the whole article for it.
 */
export function ordinaryTypingSpots(text: string): number[] {
  const spots: number[] = [];
  let lineStart = 0;
  let previous = '';
  for (const line of text.split('\n')) {
    // A definition, the destination on the line after its label, a citation, a fence.
    const skip =
      /^\s{0,3}\[[^\]]*\]:/.test(line) ||
      /^\s{0,3}\[[^\]]*\]:\s*$/.test(previous) ||
      line.includes('[^') ||
      /^(---|\+\+\+)/.test(line);
    previous = line;
    if (!skip) {
      for (let at = 1; at < line.length; at++) {
        if (!/[a-z]/i.test(line[at - 1]!) || !/[a-z]/i.test(line[at]!)) continue;
        const before = line.slice(0, at);
        if (before.lastIndexOf('<') > before.lastIndexOf('>')) continue;
        spots.push(lineStart + at);
      }
    }
    lineStart += line.length + 1;
  }
  return spots;
}

/** Types `letter` at `at`: the edit and the text after it. */
export function typeAt(
  text: string,
  at: number,
  letter = 'x',
): { edit: { from: number; to: number; insert: string }; text: string } {
  return { edit: { from: at, to: at, insert: letter }, text: text.slice(0, at) + letter + text.slice(at) };
}
