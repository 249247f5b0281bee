import { findFrontmatter, openingFence, type FrontmatterBlock } from '../../../shared/frontmatter';

/**
 * A text read in pieces, without building it whole (the editor's document: a long article's
 * text costs milliseconds to build, and as much garbage).
 */
export interface TextReader {
  readonly length: number;
  /** The text from `from` to `to` (within `[0, length]`). */
  slice(from: number, to: number): string;
}

/** A reader of a string that is already built. */
export function stringReader(text: string): TextReader {
  return { length: text.length, slice: (from, to) => text.slice(from, to) };
}

/** Characters of the text read first to find its frontmatter; doubled until they hold it. */
const firstRead = 1024;

/**
 * `findFrontmatter` of the text `reader` reads, reading only a prefix that doubles until it holds
 * the block's closing fence line and the line break after it (then the block is the same in the
 * whole text), or a first line that is no opening fence. An unclosed fence reads everything.
 */
export function frontmatterOfReader(reader: TextReader): FrontmatterBlock | null {
  for (let size = firstRead; ; size *= 2) {
    if (size >= reader.length) return findFrontmatter(reader.slice(0, reader.length));
    const prefix = reader.slice(0, size);
    if (/[\n\r]/.test(prefix) && !openingFence(prefix)) return null;
    const block = findFrontmatter(prefix);
    if (block && block.to < prefix.length) return block;
  }
}
