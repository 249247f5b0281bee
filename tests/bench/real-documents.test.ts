import { describe, expect, it } from 'vitest';
import { paragraphLinesNear } from '../../bench/real-documents';

describe('paragraphLinesNear', () => {
  it('never takes a line of the frontmatter for a paragraph, even one a blank line sets apart', () => {
    const text =
      '---\ntitle: A book\n\nsummary: long\n---\n\nThe first words.\n\n# Next\n\nThe last words.\n';
    expect(paragraphLinesNear(text, [0, 1])).toEqual([7, 11]);
  });

  it('finds the same lines in a file with CRLF line ends as with LF', () => {
    const text = 'Intro line.\n\n```\ncode\n```\n\nMiddle line.\n\n> quoted\n\nLast line.\n';
    const crlf = text.replace(/\n/g, '\r\n');
    expect(paragraphLinesNear(crlf, [0, 0.5, 1])).toEqual(paragraphLinesNear(text, [0, 0.5, 1]));
    expect(paragraphLinesNear(crlf, [0, 0.5, 1])).toEqual([1, 7, 11]);
  });

  it('counts old Mac line ends as lines', () => {
    expect(paragraphLinesNear('One.\r\rTwo.\r\rThree.\r', [0, 0.5, 1])).toEqual([1, 3, 5]);
  });

  it('skips what the preview does not show as a paragraph: footnote definitions and math', () => {
    const text = 'Prose here.\n\n[^1]: A note.\n\n$$\nx\n$$\n';
    expect(paragraphLinesNear(text, [1])).toEqual([1]);
  });

  it('types into list items when a document has no paragraph of its own, as a changelog', () => {
    const text = '# Changes\n\n## 2.0\n\n* Add a thing\n* Fix another\n\n## 1.0\n\n* First release\n';
    expect(paragraphLinesNear(text, [0, 1])).toEqual([5, 10]);
  });

  it('prefers top-level paragraphs to list items', () => {
    const text = '- an item\n\nA paragraph.\n\n- another item\n';
    expect(paragraphLinesNear(text, [0, 1])).toEqual([3, 3]);
  });

  it('says so when a text has no one-line paragraph', () => {
    expect(() => paragraphLinesNear('# Only a heading\n\n    indented code\n', [0.5])).toThrow(
      'No one-line paragraph',
    );
  });
});
