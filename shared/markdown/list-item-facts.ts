/**
 * What an item of a long top-level list needs to be typed into alone (see list-items.ts, which
 * finds such items, and list-item-edit.ts, which renders one alone and puts its HTML in place).
 */
export interface ListItemFacts {
  /**
   * Offset of the first line of the item before it, relative to the unit (`null`: it is the
   * list's first item). Where the item starts depends on the item before it (an item whose
   * content starts after a blank line cannot be followed by an empty one), so the check that an
   * edit keeps the list's items where they were reads from there.
   */
  prevFrom: number | null;
  /**
   * Whether the whole list is loose (a blank line between two items, or inside one): every
   * item's paragraphs are then `<p>` elements, whatever the item holds.
   */
  readonly loose: boolean;
}
