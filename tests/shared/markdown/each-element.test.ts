import type { Element, Root } from 'hast';
import { describe, expect, it } from 'vitest';
import { SKIP, visit } from 'unist-util-visit';
import { unsafeTreeProcessor } from '../../../shared/markdown/pipeline';
import { eachElement } from '../../../shared/markdown/each-element';
import { markdownCorpus } from '../../helpers/markdown-corpus';

function hast(markdown: string): Root {
  return unsafeTreeProcessor.runSync(unsafeTreeProcessor.parse(markdown)) as Root;
}

describe('eachElement', () => {
  it('visits the same elements in the same order as unist-util-visit, over the whole corpus', () => {
    for (const { markdown } of markdownCorpus().slice(0, 400)) {
      const tree = hast(markdown);
      const stock: Element[] = [];
      visit(tree, 'element', (element: Element) => {
        stock.push(element);
      });
      const ours: Element[] = [];
      eachElement(tree, (element) => {
        ours.push(element);
      });
      expect(ours.length).toBe(stock.length);
      expect(ours.every((element, index) => element === stock[index])).toBe(true);
    }
  }, 120_000);

  it('skips the children of an element when the visitor answers false, as SKIP does', () => {
    const tree = hast('- a *b*\n- c\n\n> *d* **e**\n');
    const names = (skipList: boolean): string[] => {
      const seen: string[] = [];
      eachElement(tree, (element) => {
        seen.push(element.tagName);
        if (skipList && element.tagName === 'ul') return false;
      });
      return seen;
    };
    const stock: string[] = [];
    visit(tree, 'element', (element: Element) => {
      stock.push(element.tagName);
      return element.tagName === 'ul' ? SKIP : undefined;
    });
    expect(names(true)).toEqual(stock);
    expect(names(false)).toContain('li');
  });

  it('walks the children a visitor put in place of the old ones', () => {
    const tree = hast('Para *one*.\n');
    const seen: string[] = [];
    eachElement(tree, (element) => {
      seen.push(element.tagName);
      if (element.tagName === 'p') {
        element.children = [{ type: 'element', tagName: 'b', properties: {}, children: [] }];
      }
    });
    expect(seen).toEqual(['p', 'b']);
  });
});
