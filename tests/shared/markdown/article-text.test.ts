import { describe, expect, it } from 'vitest';
import { ArticleText } from '../../../shared/markdown/article-text';
import { countLines } from '../../../shared/markdown/line-endings';
import { unclosedFrontmatterFence } from '../../../shared/markdown/frontmatter-fence';
import { seededRandom } from '../../helpers/seeded-random';

describe('ArticleText', () => {
  it('reads back exactly what it was given, carriage returns and all', () => {
    for (const text of ['', '\n', 'a\r\nb\rc\n', '\n\n\nx', 'no line feed']) {
      const article = ArticleText.of(text);
      expect(article.toString()).toBe(text);
      expect(article.length).toBe(text.length);
      expect(article.lines).toBe(countLines(text) + 1);
      expect(article.slice(1, text.length - 1)).toBe(text.slice(1, text.length - 1));
    }
  });

  it('applies several changes at once and counts the lines they add or remove', () => {
    const next = seededRandom(7);
    const random = {
      int: (below: number) => Math.floor(next() * below),
      pick: <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!,
    };
    const pieces = ['a', '\n', '\r\n', ' ', 'word', '\n\n'];
    for (let run = 0; run < 300; run++) {
      let text = '';
      for (let i = random.int(40); i > 0; i--) text += random.pick(pieces);
      const changes: { from: number; to: number; insert: string }[] = [];
      let at = 0;
      while (at <= text.length && changes.length < 4) {
        const from = at + random.int(Math.max(1, text.length - at + 1));
        if (from > text.length) break;
        const to = Math.min(text.length, from + random.int(5));
        let insert = '';
        for (let i = random.int(4); i > 0; i--) insert += random.pick(pieces);
        changes.push({ from, to, insert });
        at = to + 1;
      }
      let expected = '';
      let cursor = 0;
      for (const change of changes) {
        expected += text.slice(cursor, change.from) + change.insert;
        cursor = change.to;
      }
      expected += text.slice(cursor);
      const { text: next, lineDelta } = ArticleText.of(text).replace(changes);
      expect(next.toString()).toBe(expected);
      expect(lineDelta).toBe(countLines(expected) - countLines(text));
    }
  });

  it('tells a blank line before an offset as the string would', () => {
    const text = 'one\n\ntwo\n \t\nthree\r\n\nfour\nx\n';
    const article = ArticleText.of(text);
    for (let offset = 0; offset <= text.length; offset++) {
      if (offset > 0 && text[offset - 1] !== '\n') continue;
      const lineStart = text.lastIndexOf('\n', offset - 2) + 1;
      const blank = offset === 0 || /^[ \t]*$/.test(text.slice(lineStart, offset - 1));
      expect(article.precededByBlankLine(offset), `offset ${offset}`).toBe(blank);
    }
  });

  it('counts line endings as micromark does: a lone carriage return ends a line too', () => {
    expect(countLines('a\r\nb\rc\nd\r')).toBe(4);
    expect(ArticleText.of('a\r\nb\rc\n').lines).toBe(4);
    // Inserting between `\r` and `\n` splits one line ending in two; deleting either half leaves
    // one; a `\n` typed after a lone `\r` joins them into one.
    const cases = [
      { text: 'a\r\nb', change: { from: 2, to: 2, insert: 'x' }, delta: 1 },
      { text: 'a\r\nb', change: { from: 2, to: 2, insert: '\r\n' }, delta: 2 },
      { text: 'a\r\nb', change: { from: 1, to: 2, insert: '' }, delta: 0 },
      { text: 'a\r\nb', change: { from: 2, to: 3, insert: '' }, delta: 0 },
      { text: 'a\rb', change: { from: 2, to: 2, insert: '\n' }, delta: 0 },
      { text: 'a\r\r\nb', change: { from: 2, to: 3, insert: '' }, delta: -1 },
    ];
    for (const { text, change, delta } of cases) {
      expect(ArticleText.of(text).replace([change]).lineDelta, JSON.stringify({ text, change })).toBe(delta);
    }
  });

  it('reads a line ending in a carriage return, or ended by a lone one, as blank when it is', () => {
    const article = ArticleText.of('one\r\n\r\ntwo\r\r\nthree\r \t\rfour\rfive\n');
    const blankBefore = (word: string): boolean =>
      article.precededByBlankLine(article.toString().indexOf(word));
    expect(blankBefore('two')).toBe(true);
    expect(blankBefore('three')).toBe(true);
    expect(blankBefore('four')).toBe(true);
    expect(blankBefore('five')).toBe(false);
  });

  it('finds an unclosed frontmatter fence as the whole text does, reading only what it needs', () => {
    const long = 'x'.repeat(10_000);
    const texts = [
      '',
      '---',
      '---\n',
      '---\ntitle: a\n',
      '---\ntitle: a\n---\n',
      '---\ntitle: a\n---',
      '---\ntitle: a\n---x\nbody',
      `---\n${long}\n---\nbody`,
      `---\n${long}\n--- \n`,
      `---\n${long}\n`,
      `---${' '.repeat(20_000)}\ntitle: a\n`,
      `---${' '.repeat(20_000)}`,
      `+++\ntitle = 1\n${long}\n${long}\n+++\n`,
      `+++\ntitle = 1\n${long}\n${long}\n`,
      `\uFEFF---\n${long}\n`,
      `--- \r\ntitle: a\r\n---\r\n${long}`,
      `# Heading\n\n${long}\n---\n`,
      `---\n${'line\n'.repeat(5000)}---\n${long}`,
      `---\n${'line\n'.repeat(5000)}${'-'.repeat(4096)}`,
    ];
    for (const text of texts) {
      expect(ArticleText.of(text).unclosedFrontmatterFence(), JSON.stringify(text.slice(0, 40))).toBe(
        unclosedFrontmatterFence(text),
      );
    }
  });
});
