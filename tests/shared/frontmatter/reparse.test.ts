import { describe, expect, it } from 'vitest';
import { readFrontmatter } from '../../../shared/frontmatter';
import { goldenCases } from './golden-cases';
import { seededRandom } from '../../helpers/seeded-random';

const pieces = [
  'a',
  ' ',
  '#',
  ' #',
  ': ',
  '-',
  '- ',
  '\n',
  '\n  ',
  '\n- ',
  '"',
  "'",
  '[',
  ']',
  '{',
  '}',
  ',',
  '&x',
  '*x',
  '!',
  '|',
  '>',
  '---',
  '...',
  '%',
  '\t',
  'é',
  '👩‍💻',
  '\r\n',
  '01',
  'yes',
  '~',
];

const big = `---\ntitle: Big\n${Array.from({ length: 60 }, (_, i) =>
  i % 5 === 0
    ? `list_${i}:\n  - a\n  - b # c\n`
    : i % 7 === 0
      ? `text_${i}: |\n  line one\n  line two\n`
      : `key_${i}: "value ${i}" # note\n`,
).join('')}---\nBody.\n`;

const starts = [...goldenCases.filter((c) => (c.status ?? 'ok') === 'ok').map((c) => c.input), big];

describe('re-reading a block after a change inside one value', () => {
  starts.forEach((start, n) => {
    it(`gives the same model as a full parse, random changes #${n}`, () => {
      const next = seededRandom(n * 104729 + start.length);
      let text = start;
      for (let step = 0; step < 150; step++) {
        const model = readFrontmatter(text);
        // Mostly inside a value (where the cheap path applies), sometimes anywhere.
        let at: number;
        const field = model.fields[Math.floor(next() * model.fields.length)];
        if (field && next() < 0.85) {
          const valueFrom = Math.min(field.to, field.from + field.key.length + 1);
          at = valueFrom + Math.floor(next() * (field.to - valueFrom + 1));
        } else at = Math.floor(next() * text.length);
        const remove = next() < 0.4 ? Math.floor(next() * 3) : 0;
        const insert = remove > 0 && next() < 0.5 ? '' : pieces[Math.floor(next() * pieces.length)]!;
        const after = text.slice(0, at) + insert + text.slice(Math.min(text.length, at + remove));
        const replay = `start #${n}, step ${step}: ${JSON.stringify(text)} → ${JSON.stringify(after)}`;
        expect(readFrontmatter(after), replay).toEqual(readFrontmatter(after, { cache: null }));
        // Keep going from a readable text, so most steps test the cheap path.
        if (readFrontmatter(after).status === 'ok') text = after;
      }
    });
  });
});
