import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../shared/markdown';
import { IncrementalRenderer } from '../../../shared/markdown/incremental';
import { FoldedRenderer } from '../../helpers/folded-preview';
import { realBook, realDocuments } from '../../helpers/real-documents';
import {
  applyChanges,
  ordinaryTypingSpots,
  randomEdit,
  randomLargeEdit,
  seededRandom,
  typeAt,
} from './random-article';

/**
 * Edits `text` at random: ordinary typing (which must not render the whole article) and random
 * Markdown punctuation or deletions (which may), checking every edit against a full render: the
 * renderer's HTML and the preview folded from its patches.
 * Returns how many edits it made.
 */
function editAndCompare(name: string, text: string, random: () => number, edits: number): number {
  const renderer = new FoldedRenderer(new IncrementalRenderer());
  renderer.reset(text);
  expect(renderer.mismatch(renderMarkdown(text)), `${name} as it is`).toBeNull();
  for (let step = 0; step < edits; step++) {
    const spots = ordinaryTypingSpots(text);
    const ordinary = step % 2 === 0 && spots.length > 0;
    const edit = ordinary
      ? typeAt(text, spots[Math.floor(random() * spots.length)]!).edit
      : randomEdit(random, text);
    text = text.slice(0, edit.from) + edit.insert + text.slice(edit.to);
    const patch = renderer.edit([edit]);
    const context = `${name}, edit ${step} (${JSON.stringify(edit)})`;
    const mismatch = renderer.mismatch(renderMarkdown(text));
    if (mismatch) expect.fail(`${context}: ${mismatch}`);
    if (ordinary && patch.full) expect.fail(`${context} rendered the whole article for a letter`);
  }
  return edits;
}

/** A piece of `book` of about `length` characters, from the start of a block to the end of one. */
function slice(book: string, at: number, length: number): string {
  const from = book.indexOf('\n\n', at) + 2;
  const to = book.indexOf('\n\n', from + length);
  return book.slice(from, to === -1 ? book.length : to + 1);
}

describe('the incremental renderer on real documents', () => {
  it('stays byte-identical to a full render through random edits of real READMEs and docs', () => {
    const documents = realDocuments().filter((document) => document.markdown.length < 20_000);
    const random = seededRandom(14);
    let edits = 0;
    for (let count = 0; count < 10; count++) {
      const document = documents[Math.floor(random() * documents.length)]!;
      edits += editAndCompare(document.name, document.markdown, random, 8);
    }
    expect(edits).toBe(80);
  }, 900_000);

  it('stays byte-identical to a full render through random edits of pieces of a real book', () => {
    const book = realBook();
    const random = seededRandom(15);
    let edits = 0;
    for (let count = 0; count < 3; count++) {
      const at = Math.floor(random() * (book.length - 30_000));
      edits += editAndCompare(`the book from ${at}`, slice(book, at, 15_000), random, 8);
    }
    expect(edits).toBe(24);
  }, 900_000);

  it('stays byte-identical to a full render through cuts, pastes and edits at several cursors of real READMEs', () => {
    const documents = realDocuments().filter(
      (document) => document.markdown.length > 3_000 && document.markdown.length < 60_000,
    );
    let edits = 0;
    for (let seed = 1; seed <= 16; seed++) {
      const random = seededRandom(seed);
      const document = documents[Math.floor(random() * documents.length)]!;
      let text = document.markdown;
      const renderer = new FoldedRenderer(new IncrementalRenderer());
      renderer.reset(text);
      for (let step = 0; step < 25; step++) {
        const changes = randomLargeEdit(random, text);
        text = applyChanges(text, changes);
        renderer.edit(changes);
        const mismatch = renderer.mismatch(renderMarkdown(text));
        if (mismatch)
          expect.fail(
            `seed ${seed}, ${document.name}, edit ${step} (${JSON.stringify(changes)}): ${mismatch}`,
          );
        edits++;
      }
    }
    expect(edits).toBe(400);
  }, 900_000);
});
