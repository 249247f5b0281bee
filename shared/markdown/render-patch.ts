/** One change to the text, in the coordinates of the text before any of the changes. */
export interface TextChange {
  readonly from: number;
  readonly to: number;
  readonly insert: string;
}

/** The HTML of one preview block (one or more top-level elements rendered together). */
export interface BlockHtml {
  /**
   * Stable identity while the block's HTML (source lines aside) is unchanged, whole renders
   * included; new blocks get new keys.
   */
  readonly key: number;
  /** First and last source line (1-based) of the block. */
  readonly line: number;
  readonly lineEnd: number;
  /** The block's HTML; empty for a block with `item`, which is its earlier block's list or table. */
  readonly html: string;
  /**
   * Set when the block is the block of key `of` with one item of its list typed into, or one
   * body row of its table: the item's index among the list's `<li>` elements (the row's among
   * the `<tr>` of the table's `<tbody>`), its new `<li>` (`<tr>`), and whether the block now
   * holds an image or an H1. The block's `html` is then empty: the list's HTML (120 KB for a
   * 600-item changelog list, 58 KB for a 644-row table) is not built, copied and handed over for
   * every keystroke. A preview that shows block `of` replaces that item alone and gives the
   * list (the table) the block's source lines; one that does not must render the article again.
   */
  readonly item?: {
    readonly of: number;
    readonly index: number;
    readonly html: string;
    readonly images: boolean;
    readonly h1: boolean;
  };
}

/**
 * What changed in the preview: replace `deleteCount` blocks at `start` with `blocks`, move the
 * source lines of every later block by `lineDelta`, and replace the footnotes section when
 * `footer` is a string (`''`: no footnotes).
 */
export interface RenderPatch {
  readonly start: number;
  readonly deleteCount: number;
  readonly blocks: readonly BlockHtml[];
  readonly lineDelta: number;
  readonly footer?: string;
  /**
   * With `footer`, when only some notes' text changed: their new `<li>` items, by element id,
   * so that a preview can replace just those instead of the whole section.
   */
  readonly footnotes?: readonly { readonly id: string; readonly html: string }[];
  /** True when the whole article was rendered again. */
  readonly full: boolean;
  /**
   * How many source blocks (units: a block, or blocks that raw HTML couples) were parsed and
   * rendered again for this patch: the work it took, for benches and tests.
   */
  readonly rendered: number;
}
