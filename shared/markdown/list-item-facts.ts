/**
 * What an item of a long top-level list needs to be typed into alone (see list-items.ts, which
 * finds such items, and list-item-edit.ts, which renders one alone and puts its HTML in place).
 */
export interface ListItemFacts {
  /**
   * Whether it is the list's first item, which what comes before the list may take in (a
   * paragraph takes in an item left empty).
   */
  readonly first: boolean;
  /**
   * Whether the whole list is loose (a blank line between two items, or inside one): every
   * item's paragraphs are then `<p>` elements, whatever the item holds.
   */
  readonly loose: boolean;
  /**
   * Its index among the list's items (its `<li>` among the list element's), which typing in
   * items alone never changes: the preview replaces that `<li>` alone (`BlockHtml.item`).
   */
  readonly item: number;
  /**
   * How the item and the line after it parsed after the last edit typed into it alone (see
   * list-item-edit.ts), so that the next edit parses them only once: nothing else changes them
   * without rendering the list again.
   */
  probe?: { readonly shape: string; readonly spread: boolean };
  /**
   * Where the long list the item ends with starts (its first line's start, from the item's
   * first line's), when it holds one: typing before that list renders the item with a stub in
   * its place (see list-item-edit.ts).
   */
  tail?: number;
}
