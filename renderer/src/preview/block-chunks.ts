/** Blocks per chunk when chunks are made; a chunk is split once it holds twice as many. */
export const chunkSize = 48;

/** The class of a chunk element (styled by the article theme's `.folio-article > *` rule). */
export const chunkClass = 'folio-chunk';

/** Set on a chunk while its blocks' own margins are read (the style sheet zeroes them). */
const measuringClass = 'folio-measuring';

/**
 * Groups the preview's top-level blocks into chunk elements, each of which gets the theme's
 * `content-visibility: auto`. With one such element per block a 100k-word article has 3,000+
 * of them, and Chromium checks every one against the viewport and walks every one in layout
 * on each frame (about 25 ms per keystroke, more than the rest of the keystroke together);
 * with chunks of {@link chunkSize} blocks it checks a few dozen.
 *
 * The preview must still lay out exactly like the export (a test compares every block's box):
 * blocks keep the containment `content-visibility` gave them, and since a chunk is its own
 * formatting context, which would keep its edge blocks' margins from collapsing with the
 * neighbours', those margins move onto the chunk (see `setMargins`).
 */
export class BlockChunks {
  private readonly dirty = new Set<HTMLElement>();
  /** The edge blocks whose margins each chunk carries now. */
  private readonly edges = new WeakMap<HTMLElement, { first: Element; last: Element }>();
  /** Vertical margins in em by block kind ({@link marginKey}), read once per kind. */
  private readonly margins = new Map<string, { top: number; bottom: number }>();

  /** `end` is the element after the last chunk (the footnotes section), a child of `article`. */
  constructor(
    private readonly article: HTMLElement,
    readonly end: HTMLElement,
  ) {}

  /**
   * Puts `nodes` before `before` (a node of a block already shown, in its chunk), or after
   * the last block when `before` is `null` or the end element.
   */
  insert(nodes: readonly Node[], before: Node | null): void {
    if (nodes.length === 0) return;
    const chunk = before && before !== this.end ? (before.parentNode as HTMLElement | null) : null;
    if (chunk && chunk.parentNode === this.article) {
      const fragment = this.article.ownerDocument.createDocumentFragment();
      fragment.append(...nodes);
      chunk.insertBefore(fragment, before);
      this.dirty.add(chunk);
      return;
    }
    let last = this.end.previousElementSibling as HTMLElement | null;
    if (last && !last.classList.contains(chunkClass)) last = null;
    let index = 0;
    if (last && last.childElementCount < chunkSize) {
      const room = chunkSize - last.childElementCount;
      last.append(...nodes.slice(0, room));
      this.dirty.add(last);
      index = room;
    }
    for (; index < nodes.length; index += chunkSize) {
      const fresh = this.create();
      fresh.append(...nodes.slice(index, index + chunkSize));
      this.article.insertBefore(fresh, this.end);
      this.dirty.add(fresh);
    }
  }

  /** Notes that a block's nodes are about to leave their chunk. */
  removing(node: Node): void {
    const chunk = node.parentNode as HTMLElement | null;
    if (chunk?.parentNode === this.article) this.dirty.add(chunk);
  }

  /**
   * After a patch: drops emptied chunks, splits overgrown ones, and sets the size estimates
   * and margins of the chunks that changed.
   */
  settle(): void {
    if (this.dirty.size === 0) return;
    const touched = new Set<HTMLElement>();
    for (const chunk of this.dirty) {
      if (chunk.parentNode !== this.article) continue;
      if (chunk.childNodes.length === 0) {
        chunk.remove();
        continue;
      }
      let current = chunk;
      if (chunk.childElementCount > chunkSize * 2) {
        // Cut into chunks of the usual size; text and comments go with the element before.
        const elements = [...chunk.children];
        for (let index = chunkSize; index < elements.length; index += chunkSize) {
          const stop = elements[index + chunkSize] ?? null;
          const moving: Node[] = [];
          for (let node: Node | null = elements[index]!; node && node !== stop; node = node.nextSibling) {
            moving.push(node);
          }
          const fresh = this.create();
          fresh.append(...moving);
          current.after(fresh);
          touched.add(current);
          current = fresh;
        }
      }
      touched.add(current);
    }
    this.dirty.clear();
    const moved: { chunk: HTMLElement; first: Element; last: Element }[] = [];
    for (const chunk of touched) {
      if (chunk.parentNode !== this.article) continue;
      // Never shown chunks are sized like before chunks existed: 2em per block.
      const estimate = `auto ${chunk.childElementCount * 2}em`;
      if (chunk.style.containIntrinsicSize !== estimate) chunk.style.containIntrinsicSize = estimate;
      const first = chunk.firstElementChild;
      const last = chunk.lastElementChild;
      // Typing inside a chunk leaves its edge blocks alone: nothing to read (reading forces a
      // style pass over the chunk).
      const known = this.edges.get(chunk);
      if (!first || !last || (known?.first === first && known.last === last)) continue;
      this.edges.set(chunk, { first, last });
      moved.push({ chunk, first, last });
    }
    this.setMargins(moved);
  }

  private create(): HTMLElement {
    const chunk = this.article.ownerDocument.createElement('div');
    chunk.className = chunkClass;
    return chunk;
  }

  /**
   * Moves the vertical margins of each chunk's first and last blocks onto the chunk itself (the
   * frame's style sheet zeroes them inside), where they collapse with the neighbours' as the
   * blocks' own did before they were grouped.
   */
  private setMargins(chunks: readonly { chunk: HTMLElement; first: Element; last: Element }[]): void {
    if (chunks.length === 0) return;
    const keys = chunks.map(({ first, last }) => [marginKey(first), marginKey(last)] as const);
    this.measureMargins(
      chunks.flatMap(({ first, last }, index) => [
        { element: first, key: keys[index]![0] },
        { element: last, key: keys[index]![1] },
      ]),
    );
    chunks.forEach(({ chunk }, index) => {
      const [first, last] = keys[index]!;
      chunk.style.marginTop = `${this.margins.get(first)!.top}em`;
      chunk.style.marginBottom = `${this.margins.get(last)!.bottom}em`;
    });
  }

  /**
   * Reads the margins of the blocks whose kind ({@link marginKey}) is not known yet, on bare
   * copies of them in a measuring chunk that lives for the read alone. Reading a shown block's
   * own style would force the style of its whole chunk, which `content-visibility` spares while
   * the chunk is off screen: two seconds for a whole render of a 180k-word book.
   */
  private measureMargins(blocks: readonly { element: Element; key: string }[]): void {
    const unknown = new Map<string, Element>();
    for (const { element, key } of blocks) {
      if (!this.margins.has(key) && !unknown.has(key)) unknown.set(key, element);
    }
    if (unknown.size === 0) return;
    const probe = this.create();
    probe.classList.add(measuringClass);
    probe.setAttribute('aria-hidden', 'true');
    probe.style.cssText = 'position: absolute; visibility: hidden; content-visibility: visible';
    const copies = [...unknown.values()].map((element) => element.cloneNode(false) as Element);
    probe.append(...copies);
    this.article.insertBefore(probe, this.end);
    const view = this.article.ownerDocument.defaultView!;
    // In the chunk's own em, so that they follow a change of the article's font size as the
    // blocks' em-based margins do.
    const em = parseFloat(view.getComputedStyle(probe).fontSize) || 16;
    [...unknown.keys()].forEach((key, index) => {
      const style = view.getComputedStyle(copies[index]!);
      this.margins.set(key, {
        top: (parseFloat(style.marginTop) || 0) / em,
        bottom: (parseFloat(style.marginBottom) || 0) / em,
      });
    });
    probe.remove();
  }
}

/**
 * What a block's margins depend on: its tag and attributes, without the source lines and ids
 * that every block has its own of (the theme styles blocks by kind, never by content).
 */
function marginKey(element: Element): string {
  let key = element.localName;
  for (const { name, value } of element.attributes) {
    if (name !== 'id' && !name.startsWith('data-line')) key += ` ${name}="${value}"`;
  }
  return key;
}
