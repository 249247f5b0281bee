import type { Element, Root } from 'hast';

/**
 * What {@link eachElement}'s visitor may answer: `false` skips the element's children (as
 * unist-util-visit's `SKIP`), anything else goes on into them.
 */
export type EachElementAnswer = false | void;

/**
 * Calls `visitor` for every element under `parent` (not `parent` itself), in document order,
 * before its children, as `visit(tree, 'element', visitor)` of unist-util-visit does. The
 * pipeline's own passes use it instead of unist-util-visit, which builds an ancestors array and
 * a closure for every node: on a 100k-word article its walks took a fifth of the render,
 * and much of its garbage collection. The visitor may change the element and its children; a
 * change to the parent's list of children is seen from the next sibling on.
 */
export function eachElement(
  parent: Root | Element,
  visitor: (element: Element, parent: Root | Element) => EachElementAnswer,
): void {
  // The list is read again at each step, as unist-util-visit does, in case the visitor replaced it.
  for (let index = 0; index < parent.children.length; index++) {
    const child = parent.children[index]!;
    if (child.type !== 'element') continue;
    if (visitor(child, parent) === false) continue;
    eachElement(child, visitor);
  }
}
