import type { Block } from './cut-units';

/** Elements the HTML parser keeps active after something else closed them (it opens them again). */
const formattingElements = new Set('a b big code em font i nobr s small strike strong tt u'.split(' '));

/**
 * Whether the raw HTML of some blocks may leave an element open, or a formatting element active,
 * after them, as the HTML parser reads their tags: an end tag closes the innermost element of
 * its name and those inside it (a formatting element among those stays active), an end tag of
 * nothing open is ignored (a stray `</p>` makes an empty paragraph). Any `<` that starts no
 * well-formed tag counts as open. Less strict than `wellNested` (cut-units.ts): only whether something
 * stays open matters, not whether the tags nest.
 */
export function leavesOpen(blocks: readonly Block[]): boolean {
  const open: string[] = [];
  for (const block of blocks) {
    if (block.tags === null) return true;
    for (const tag of block.tags) {
      const name = tag.slice(1);
      if (tag.startsWith('+')) {
        open.push(name);
        continue;
      }
      const at = open.lastIndexOf(name);
      if (at < 0) continue;
      if (open.slice(at + 1).some((inner) => formattingElements.has(inner))) return true;
      open.length = at;
    }
  }
  return open.length > 0;
}
