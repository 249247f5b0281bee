import { describe, expect, it } from 'vitest';
import {
  applyEdits,
  findFrontmatter,
  readFrontmatter,
  removeKey,
  setField,
  type FieldValue,
} from '../../../shared/frontmatter';
import { goldenCases } from './golden-cases';
import { seededRandom } from '../../helpers/seeded-random';

const pieces = [
  'a',
  'Hello',
  ' ',
  '  ',
  '#',
  ' #',
  ': ',
  ':',
  '-',
  '- ',
  '---',
  '"',
  "'",
  '\\',
  '\n',
  '\n\n',
  '\t',
  '[',
  ']',
  '{',
  '}',
  ',',
  '&x',
  '*x',
  '!',
  '%',
  '@',
  '`',
  '|',
  '>',
  '?',
  'yes',
  'no',
  '~',
  'null',
  'true',
  '01234',
  '1.10',
  '.NaN',
  '2024-13-45',
  '1234567890123456789012',
  'é',
  'e\u0301',
  'שלום',
  '👩‍💻',
  '\u00a0',
  '\u2028',
  'ß',
];

function randomString(next: () => number): string {
  const length = Math.floor(next() * 6);
  let out = '';
  for (let i = 0; i < length; i++) out += pieces[Math.floor(next() * pieces.length)];
  return out;
}

function randomValue(next: () => number): FieldValue {
  const roll = next();
  if (roll < 0.45) return randomString(next);
  if (roll < 0.55) return Math.floor(next() * 2000) - 1000;
  if (roll < 0.6) return next() < 0.5;
  if (roll < 0.63) return null;
  const items: string[] = [];
  const count = Math.floor(next() * 4);
  for (let i = 0; i < count; i++) items.push(randomString(next) || 'tag');
  return items;
}

function fieldSources(text: string): Map<string, string> {
  return new Map(readFrontmatter(text).fields.map((f) => [f.key, text.slice(f.from, f.to)]));
}

const editable = goldenCases.filter((c) => (c.status ?? 'ok') === 'ok');

describe('random frontmatter edits', () => {
  for (const golden of editable) {
    it(`keep every other key's bytes and the body: ${golden.name}`, () => {
      const next = seededRandom(golden.name.length * 7919 + golden.input.length);
      let text = golden.input;
      const keys = ['title', 'tags', 'status', 'new-key', 'date'];
      for (const field of readFrontmatter(text).fields) if (field.editable) keys.push(field.key);
      for (let step = 0; step < 80; step++) {
        const key = keys[Math.floor(next() * keys.length)]!;
        const remove = next() < 0.1;
        const value = randomValue(next);
        const before = fieldSources(text);
        const block = findFrontmatter(text);
        const bodyBefore = block ? text.slice(block.to) : text;
        const replay = `seed case “${golden.name}”, step ${step}, ${remove ? 'remove' : 'set'} ${key}=${JSON.stringify(value)}`;
        let after: string;
        try {
          after = applyEdits(text, remove ? removeKey(text, key) : setField(text, key, value));
        } catch (error) {
          throw new Error(`${replay} on ${JSON.stringify(text)}: ${String(error)}`, { cause: error });
        }
        const model = readFrontmatter(after);
        expect(model.status, replay).toBe('ok');
        for (const [other, source] of fieldSources(after)) {
          if (other !== key) expect(source, replay).toBe(before.get(other));
        }
        if (!remove) {
          const written = model.fields.find((f) => f.key === key)!;
          expect(written.value, replay).toEqual(value);
        } else expect(model.fields.some((f) => f.key === key)).toBe(false);
        const blockAfter = findFrontmatter(after)!;
        if (block) expect(after.slice(blockAfter.to), replay).toBe(bodyBefore);
        expect(after.slice(0, blockAfter.from), replay).toBe(text.slice(0, block ? block.from : 0));
        text = after;
      }
    });
  }
});
