/**
 * Thrown while a window of an article is rendered again, when its blocks would not render as
 * they do in the whole article. It is the protocol between the window renderer
 * (`render-range.ts` and `IncrementalRenderer`'s window step), which finds the mismatch, and the
 * widening loop in `IncrementalRenderer.edit`, which answers it:
 *
 * - `widen: 'start'`: the first block depends on what comes before it (no blank line before
 *   it, raw HTML or text the HTML parser made up at its edge, a `---` that alone would read as
 *   frontmatter). The loop takes in units before the window, at least as many as it holds.
 * - `widen: 'end'`: the last block runs on, or may run on, into what follows (raw HTML left
 *   open, a list that now continues, an unclosed fence). The loop takes in units after the
 *   window: through unit `throughUnit` when given (heading ids of later units that changed, all
 *   at once), otherwise at least as many as the window holds.
 * - `swallowed` (with `'end'`): the window's last block ran to the window's end over the blocks
 *   after it (an unclosed fence or comment). When definitions follow (or stubs precede), the
 *   window to the end would only fail after parsing most of the article, so the loop renders
 *   everything at once instead.
 * - `widen: 'all'`: the window changed something the whole article depends on (which
 *   definition a label resolves to where the renderer cannot tell who uses it, the order of
 *   footnote citations, frontmatter, a footnotes section inside raw HTML): the loop renders
 *   everything once. The next edit starts from a small window again.
 *
 * Each retry at least doubles what it adds on the side it widens, so a window reaches any size
 * in a logarithmic number of attempts; a window that would cover the whole article is rendered
 * as a whole render.
 */
export class WindowMismatch extends Error {
  constructor(
    /** Which way the window must grow (see above). */
    readonly widen: 'start' | 'end' | 'all',
    /** With `'end'`: the index of the last unit the window must take in. */
    readonly throughUnit?: number,
    /** With `'end'`: the window's last block ran over the blocks after it (see above). */
    readonly swallowed = false,
  ) {
    super('window does not line up');
  }
}
