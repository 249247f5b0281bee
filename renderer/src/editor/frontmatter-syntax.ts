import type { Input } from '@lezer/common';
import { tags } from '@lezer/highlight';
import type { BlockContext, Line, MarkdownConfig } from '@lezer/markdown';

/**
 * A frontmatter block as a Markdown block: the fences as `FrontmatterMark`, YAML (`---`) as
 * `FrontmatterContent` (markdown-language.ts nests the YAML grammar in it), TOML (`+++`) as
 * `TomlContent`, all inside a `Frontmatter` node. It replaces `@codemirror/lang-yaml`'s `yamlFrontmatter`,
 * whose outer grammar reads the whole body as one token: every keystroke re-read the article
 * to its end (about 8 ms at 100k words, in the keystroke's own transaction). As a block the
 * frontmatter is one more reused fragment when the body is edited.
 *
 * The rules are the pipeline's (`shared/frontmatter/find-block.ts`, remark-frontmatter's): an
 * opening fence on the first line, trailing spaces allowed, closed by a line with the same
 * fence; without a closing fence there is no frontmatter.
 */
export const frontmatterSyntax: MarkdownConfig = {
  defineNodes: [
    { name: 'Frontmatter', block: true },
    { name: 'FrontmatterMark', style: tags.meta },
    { name: 'FrontmatterContent' },
    { name: 'TomlContent' },
  ],
  parseBlock: [
    {
      name: 'Frontmatter',
      before: 'HorizontalRule',
      parse: parseFrontmatter,
    },
  ],
};

const fencePattern = /^(---|\+\+\+)[ \t]*$/;

function parseFrontmatter(cx: BlockContext, line: Line): boolean {
  // Only the first line of the document itself (depth 1: inside the Document node alone).
  if (cx.lineStart !== 0 || cx.depth !== 1) return false;
  const fence = fencePattern.exec(line.text)?.[1];
  if (!fence) return false;
  const contentFrom = line.text.length + 1;
  const closing = closingFenceAt(documentInput(cx), contentFrom, fence);
  if (closing === null) return false;
  const open = cx.elt('FrontmatterMark', 0, line.text.length);
  while (cx.lineStart < closing && cx.nextLine()) {
    // The content lines belong to the block; the loop stops on the closing fence's line.
  }
  const close = cx.elt('FrontmatterMark', cx.lineStart, cx.lineStart + line.text.length);
  const end = cx.lineStart + line.text.length;
  const content =
    closing > contentFrom
      ? [cx.elt(fence === '---' ? 'FrontmatterContent' : 'TomlContent', contentFrom, closing - 1)]
      : [];
  cx.nextLine();
  cx.addElement(cx.elt('Frontmatter', 0, end, [open, ...content, close]));
  return true;
}

/**
 * The parse's input. `BlockContext` keeps it but does not declare it; a block that must know
 * whether a fence is ever closed before it consumes a line has no other way to look ahead.
 */
function documentInput(cx: BlockContext): Input {
  const input = (cx as unknown as { input?: Input }).input;
  if (!input) throw new Error('@lezer/markdown no longer exposes the block context input');
  return input;
}

/** Start of the first line from `from` (a line start) on that holds `fence`, or null. */
function closingFenceAt(input: Input, from: number, fence: string): number | null {
  if (from > input.length) return null;
  // Lines end at \n only here (CodeMirror's text), not at the other breaks `m`'s `$` knows.
  const closing = fence === '---' ? /(?:^|\n)---[ \t]*(?=\n|$)/ : /(?:^|\n)\+\+\+[ \t]*(?=\n|$)/;
  const chunk = 16_384;
  // Whole lines are searched; a chunk's unfinished last line is carried into the next one.
  let carry = '';
  let carryFrom = from;
  for (let at = from; ;) {
    const to = Math.min(input.length, at + chunk);
    const text = carry + input.read(at, to);
    const last = to === input.length ? text.length : text.lastIndexOf('\n') + 1;
    const found = closing.exec(text.slice(0, last));
    if (found) return carryFrom + found.index + (found[0].startsWith('\n') ? 1 : 0);
    if (to === input.length) return null;
    carry = text.slice(last);
    carryFrom += last;
    at = to;
  }
}
