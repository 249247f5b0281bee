/** Elements the HTML parser keeps active after something else closed them (it opens them again). */
const formattingElements = new Set('a b big code em font i nobr s small strike strong tt u'.split(' '));

/**
 * The stack of elements that raw HTML's tags leave open, read as the HTML parser reads end tags
 * in the simple case: a start tag opens an element; an end tag closes the innermost open element
 * of its name and those inside it; an end tag of nothing open is ignored (a stray `</p>` does not
 * close the `<div>` around it). What the parser does beyond that (reopening formatting elements,
 * implied ends) is for each reader to judge from what {@link close} reports.
 */
export class OpenElements {
  private readonly stack: string[] = [];

  /** The names of the open elements, outermost first. */
  get names(): readonly string[] {
    return this.stack;
  }

  /** How many elements are open. */
  get size(): number {
    return this.stack.length;
  }

  /** Reads a start tag: `name` is open, inside the others. */
  open(name: string): void {
    this.stack.push(name);
  }

  /**
   * Reads an end tag: closes the innermost open element named `name` and those inside it.
   * Answers the elements it closed inside that one, outermost first (empty when it was the
   * innermost), or `null` when no element of that name is open (the end tag is ignored).
   */
  close(name: string): string[] | null {
    const at = this.stack.lastIndexOf(name);
    if (at < 0) return null;
    const inside = this.stack.splice(at + 1);
    this.stack.length = at;
    return inside;
  }

  /** Forgets every open element. */
  clear(): void {
    this.stack.length = 0;
  }
}

/** What {@link leavesOpen} reads of a block: the tags of its raw HTML (cut-units.ts `Block.tags`). */
export interface TaggedBlock {
  readonly tags: readonly string[] | null;
}

/**
 * Whether the raw HTML of some blocks may leave an element open, or a formatting element active,
 * after them, as the HTML parser reads their tags (see {@link OpenElements}): a formatting
 * element closed by an end tag of an element around it stays active, an element inside a
 * formatting element stays open after the formatting element's end tag, and an end tag of nothing
 * open is ignored (a stray `</p>` makes an empty paragraph). Any `<` that starts no well-formed
 * tag counts as open. Less strict than `wellNested` (cut-units.ts): only whether something stays
 * open matters, not whether the tags nest.
 */
export function leavesOpen(blocks: readonly TaggedBlock[]): boolean {
  const open = new OpenElements();
  for (const block of blocks) {
    if (block.tags === null) return true;
    for (const tag of block.tags) {
      const name = tag.slice(1);
      if (tag.startsWith('+')) {
        open.open(name);
        continue;
      }
      const inside = open.close(name);
      if (inside?.some((element) => formattingElements.has(element))) return true;
      // The end tag of a formatting element leaves a block element inside it open (the
      // parser's adoption agency moves the block out of it and keeps it open).
      if (formattingElements.has(name) && inside?.length) return true;
    }
  }
  return open.size > 0;
}
