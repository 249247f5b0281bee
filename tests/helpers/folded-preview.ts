import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import type { RenderPatch, TextChange } from '../../shared/markdown';

/** One block as the preview keeps it: its HTML with source lines relative to its first line. */
interface FoldedBlock {
  readonly key: number;
  line: number;
  lineEnd: number;
  /** The block's HTML with each `data-line`/`data-line-end` written relative to `line`. */
  readonly shape: string;
}

const linePair = / data-line="(\d+)" data-line-end="(\d+)"/g;
const relativePair = / data-line="(-?\d+)r" data-line-end="(-?\d+)r"/g;

/**
 * A plain model of what the preview (`renderer/src/preview/preview-session.ts`) shows, built only
 * from the patches the incremental renderer sends: each patch replaces `deleteCount` blocks at
 * `start`, moves the source lines of the blocks after the new ones by `lineDelta` (the preview
 * keeps a moved block's DOM and moves its lines; a block naming an item of the list it replaces
 * replaces that item alone), and replaces the footnotes section, or only the
 * notes it names when it names them (as the preview does, falling back to the whole section when
 * an item is not found). {@link html} then reads what the preview would show, to compare with a
 * whole render: the oracle for the patches rather than for the renderer's own state.
 */
export class FoldedPreview {
  private blocks: FoldedBlock[] = [];
  private footer = '';

  /** Applies one patch, as the preview does. */
  apply(patch: RenderPatch): void {
    if (patch.start < 0 || patch.start + patch.deleteCount > this.blocks.length) {
      throw new Error(`patch replaces blocks ${patch.start}+${patch.deleteCount} of ${this.blocks.length}`);
    }
    const removed = this.blocks.slice(patch.start, patch.start + patch.deleteCount);
    const added = patch.blocks.map((block): FoldedBlock => {
      const earlier = block.item && removed.find((each) => each.key === block.item!.of);
      // Such a block carries no HTML of its own: the preview would render the article again.
      if (block.item && !earlier) throw new Error(`block ${block.key} names an item of a block not shown`);
      return {
        key: block.key,
        line: block.line,
        lineEnd: block.lineEnd,
        // As the preview does: the earlier block's list with one item replaced.
        shape: earlier
          ? withItem(earlier.shape, block.item!, block.lineEnd - block.line)
          : block.html.replace(
              linePair,
              (_, start: string, end: string) =>
                ` data-line="${Number(start) - block.line}r" data-line-end="${Number(end) - block.line}r"`,
            ),
      };
    });
    this.blocks.splice(patch.start, patch.deleteCount, ...added);
    for (let index = patch.start + added.length; index < this.blocks.length; index++) {
      this.blocks[index]!.line += patch.lineDelta;
      this.blocks[index]!.lineEnd += patch.lineDelta;
    }
    if (patch.footer === undefined) return;
    if (patch.footnotes) {
      const replaced = replaceItems(this.footer, patch.footnotes);
      if (replaced !== null) {
        this.footer = replaced;
        return;
      }
    }
    this.footer = patch.footer;
  }

  /** The keys of the blocks shown, in order. */
  keys(): number[] {
    return this.blocks.map((block) => block.key);
  }

  /** What the preview shows, as `renderMarkdown` would write it. */
  html(): string {
    const body = this.blocks
      .filter((block) => block.shape !== '')
      .map((block) =>
        block.shape.replace(
          relativePair,
          (_, start: string, end: string) =>
            ` data-line="${block.line + Number(start)}" data-line-end="${block.line + Number(end)}"`,
        ),
      )
      .join('\n');
    return this.footer ? `${body}\n${this.footer}` : body;
  }
}

/**
 * A list block's shape (see {@link FoldedBlock}) with its item `index` replaced by `html` and
 * its source lines `0` to `lines`, as the preview patches the list's DOM; throws when the list
 * has no such item (the patch then names an item that is not there).
 */
function withItem(shape: string, item: { index: number; html: string }, lines: number): string {
  const range = topLevelItem(shape, item.index);
  if (!range) throw new Error(`the list shown has no item ${item.index}`);
  let first = true;
  return (shape.slice(0, range.start) + item.html + shape.slice(range.end)).replace(relativePair, (pair) => {
    if (!first) return pair;
    first = false;
    return ` data-line="0r" data-line-end="${lines}r"`;
  });
}

/**
 * Where the `index`th `<li>` of a list's top level starts and ends in its HTML (for a table, the
 * `index`th `<tr>` of its body).
 */
function topLevelItem(html: string, index: number): { start: number; end: number } | null {
  if (html.startsWith('<table')) {
    let at = html.indexOf('<tbody>');
    for (let count = 0; at >= 0; count++) {
      const start = html.indexOf('<tr>', at);
      if (start < 0) return null;
      const end = html.indexOf('</tr>', start) + '</tr>'.length;
      if (count === index) return { start, end };
      at = end;
    }
    return null;
  }
  let range = liRange(html, 0);
  for (let count = 0; range && count < index; count++) range = liRange(html, range.end);
  return range;
}

/**
 * The footnotes section with the `<li>` items of the given ids replaced, or `null` when one is
 * not found (the preview then takes the whole section).
 */
function replaceItems(footer: string, items: readonly { id: string; html: string }[]): string | null {
  for (const item of items) {
    const start = footer.indexOf(`<li id="${item.id}">`);
    if (start < 0) return null;
    const range = liRange(footer, start);
    if (!range) return null;
    footer = footer.slice(0, range.start) + item.html + footer.slice(range.end);
  }
  return footer;
}

/**
 * Where the `<li>` element whose start tag is the first one from `from` on starts in `html`, and
 * where its end tag ends, read by the depth of the `<li>` tags (items nest); `null` when it does
 * not end.
 */
function liRange(html: string, from: number): { start: number; end: number } | null {
  const tags = /<(\/?)li[\s>]/g;
  tags.lastIndex = from;
  let start = -1;
  let depth = 0;
  for (let match = tags.exec(html); match; match = tags.exec(html)) {
    if (!match[1]) {
      if (start < 0) start = match.index;
      depth++;
    } else if (start >= 0 && --depth === 0) {
      const close = html.indexOf('>', match.index);
      return close < 0 ? null : { start, end: close + 1 };
    }
  }
  return null;
}

/**
 * Renders `text` from scratch and folds the patches of every later edit, so that both the
 * renderer's own HTML and what the preview shows can be compared with a whole render.
 */
export class FoldedRenderer {
  readonly preview = new FoldedPreview();

  constructor(
    readonly renderer: {
      reset(text: string): RenderPatch;
      edit(changes: readonly TextChange[]): RenderPatch;
      html(): string;
    },
  ) {}

  /** Renders `text` from scratch. */
  reset(text: string): RenderPatch {
    const patch = this.renderer.reset(text);
    this.preview.apply(patch);
    return patch;
  }

  /** Applies one transaction's changes and folds the patch into the preview. */
  edit(changes: readonly TextChange[]): RenderPatch {
    const patch = this.renderer.edit(changes);
    this.preview.apply(patch);
    return patch;
  }

  /**
   * What differs from `expected` (a whole render of the text): `null` when both the renderer's
   * HTML and the folded preview's equal it, otherwise which one does not.
   */
  mismatch(expected: string): string | null {
    if (this.renderer.html() !== expected) return 'the renderer differs from a full render';
    const shown = this.preview.html();
    if (shown !== expected && asShown(shown) !== asShown(expected))
      return 'the preview folded from the patches differs from a full render';
    return null;
  }
}

/**
 * HTML as the preview shows it: the preview parses each block on its own and drops the line
 * breaks between blocks, so a whole render's line breaks between top-level nodes (around a block
 * that renders nothing, such as a comment the sanitizer removed, also where they end or start
 * text that raw HTML left at a block's edge) are not shown.
 */
function asShown(html: string): string {
  const tree = fromHtml(html, { fragment: true });
  for (const node of tree.children)
    if (node.type === 'text') node.value = node.value.replace(/^\n+|\n+$/g, '');
  tree.children = tree.children.filter((node) => !(node.type === 'text' && node.value === ''));
  return toHtml(tree);
}
