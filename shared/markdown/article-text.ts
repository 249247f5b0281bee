import { Text } from '@codemirror/state';
import { findFrontmatter, openingFence } from '../frontmatter/find-block';
import { unclosedFrontmatterFence } from './frontmatter-fence';
import { countLines } from './line-endings';
import type { TextChange } from './render-patch';

/** `text` as CodeMirror's rope, split at line feeds only: every other character (`\r`) stays. */
function ropeOf(text: string): Text {
  return Text.of(text.split('\n'));
}

/**
 * The text of an article being edited, kept as a rope (CodeMirror's `Text`): an edit replaces a
 * few leaves instead of copying the whole string, and reading a window copies only the window.
 * A 1.4-million-character book rebuilt as one string for each keystroke cost milliseconds of
 * copying and as much garbage, more than re-rendering the few blocks around the edit.
 */
export class ArticleText {
  private constructor(private readonly rope: Text) {}

  static of(text: string): ArticleText {
    return new ArticleText(ropeOf(text));
  }

  get length(): number {
    return this.rope.length;
  }

  /**
   * How many lines the text has, as micromark counts them (see {@link countLines}): one more
   * than its line endings.
   */
  get lines(): number {
    let lone = 0;
    for (const line of this.rope.iterLines()) lone += countLines(line.replace(/\r$/, ''));
    return this.rope.lines + lone;
  }

  /** The characters `[from, to)`. */
  slice(from: number, to: number): string {
    return this.rope.sliceString(from, to);
  }

  toString(): string {
    return this.rope.toString();
  }

  /**
   * The text after `changes` (sorted, non-overlapping, in this text's coordinates), and how
   * many lines they added (negative when they removed lines).
   */
  replace(changes: readonly TextChange[]): { text: ArticleText; lineDelta: number } {
    let rope = this.rope;
    let lineDelta = 0;
    // From the last change back, so that the earlier changes' offsets still hold.
    for (let index = changes.length - 1; index >= 0; index--) {
      const { from, to, insert } = changes[index]!;
      // With the characters on either side: a change may split a `\r\n` in two line endings,
      // or join a lone `\r` and a `\n` into one.
      const before = this.rope.sliceString(Math.max(0, from - 1), from);
      const after = this.rope.sliceString(to, Math.min(this.rope.length, to + 1));
      lineDelta +=
        countLines(before + insert + after) -
        countLines(this.rope.sliceString(Math.max(0, from - 1), to + 1));
      rope = rope.replace(from, to, ropeOf(insert));
    }
    return { text: new ArticleText(rope), lineDelta };
  }

  /** The end of the line that holds `offset` (before its line break). */
  lineEnd(offset: number): number {
    return this.rope.lineAt(offset).to;
  }

  /** Whether the line before `offset` (the start of a line) is blank. */
  precededByBlankLine(offset: number): boolean {
    if (offset === 0) return true;
    // The line ending before `offset`, then the line back to the one before it (a lone `\r`
    // ends a line too).
    const before = this.rope
      .sliceString(this.rope.lineAt(offset - 1).from, offset)
      .replace(/(?:\r\n|\r|\n)$/, '');
    return /^[ \t]*$/.test(before.slice(before.lastIndexOf('\r') + 1));
  }

  /** Whether the text starts with a frontmatter fence's characters (`---` or `+++`). */
  startsWithFence(): boolean {
    return /^(---|\+\+\+)/.test(this.slice(0, 3));
  }

  /**
   * {@link unclosedFrontmatterFence} of the whole text, reading only as far as the block's
   * closing fence: a prefix that holds the whole fence line and a complete closing fence line
   * tells the same as the whole text.
   */
  unclosedFrontmatterFence(): '---' | '+++' | null {
    for (let size = 4096; ; size *= 4) {
      const head = this.slice(0, size);
      if (head.length === this.length) return unclosedFrontmatterFence(head);
      const open = openingFence(head);
      if (!open || open.from !== 0) return null;
      if (open.lineEnd === head.length) continue;
      const block = findFrontmatter(head);
      if (block && block.to < head.length) return null;
    }
  }
}
