import { describe, expect, it } from 'vitest';
import { typingPlaces } from '../../bench/typing-places';

const article = [
  '---', // 1
  'title: Places', // 2
  '', // 3
  'summary: one', // 4
  '---', // 5
  '', // 6
  '# First heading', // 7
  '', // 8
  'A paragraph of one line.', // 9
  '', // 10
  '- first item', // 11
  '- last item', // 12
  '', // 13
  'Setext heading', // 14
  '==============', // 15
  '', // 16
  '| a | b |', // 17
  '| - | - |', // 18
  '', // 19
  '| head | row |', // 20
  '| ---- | --- |', // 21
  '| one | 1 |', // 22
  '| two | 2 |', // 23
  '| three | 3 |', // 24
  '', // 25
  'Two lines', // 26
  'of prose.', // 27
  '', // 28
  '[a label]: https://example.com', // 29
  '',
].join('\n');

describe('typingPlaces', () => {
  it('types into the last word of paragraphs, headings, last list items and middle table rows, and into the labels of definitions, in text order', () => {
    const places = typingPlaces(article, 10);
    expect(places.map(({ kind, line }) => [kind, line])).toEqual([
      ['heading', 7],
      ['paragraph', 9],
      ['list item', 12],
      ['heading', 14],
      ['table row', 23],
      ['link label', 29],
    ]);
    const typedAt = places.map(({ at }) => article.slice(at, article.indexOf('\n', at)));
    expect(typedAt).toEqual(['g', 'e.', 'em', 'g', ' |', ' label]: https://example.com']);
  });

  it('spreads at most the asked number of places of each kind over the text', () => {
    const text = Array.from({ length: 100 }, (_, index) => `Paragraph number ${index}.`).join('\n\n');
    const lines = typingPlaces(text, 4).map((place) => place.line);
    expect(lines).toEqual([25, 75, 125, 175]);
  });

  it('finds nothing in a text without prose', () => {
    expect(typingPlaces('```\ncode\n```\n', 5)).toEqual([]);
  });
});
