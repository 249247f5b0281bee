import type { Element, ElementContent, Root } from 'hast';
import rehypeHighlight from 'rehype-highlight';
import rehypeRaw from 'rehype-raw';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../shared/markdown';
import highlight from '../../../shared/markdown/highlight';
import { markdownCorpus } from '../../helpers/markdown-corpus';

describe('syntax highlighting', () => {
  it('highlights fenced code in a known language', () => {
    const html = renderMarkdown('```ts\nconst x: number = 1; // one\n```');
    expect(html).toContain('<code class="hljs language-ts">');
    expect(html).toContain('<span class="hljs-keyword">const</span>');
    expect(html).toContain('<span class="hljs-comment">// one</span>');
  });

  it('leaves code without a language, or in an unknown one, as plain text', () => {
    expect(renderMarkdown('```\nconst x\n```')).toBe(
      '<pre data-line="1" data-line-end="3"><code>const x\n</code></pre>',
    );
    expect(renderMarkdown('```nosuchlanguage\nconst x\n```')).not.toContain('hljs-');
  });
});

describe('highlighting only the code blocks', () => {
  it('gives the same tree as rehype-highlight over the whole tree', () => {
    const settings = { detect: false, plainText: ['text', 'txt', 'plain'] };
    const upToHighlight = unified()
      .use(remarkParse)
      .use(remarkGfm)
      .use(remarkRehype, { allowDangerousHtml: true })
      .use(rehypeRaw)
      .freeze();
    const stock = upToHighlight().use(rehypeHighlight, settings).freeze();
    const ours = upToHighlight().use(highlight).freeze();
    const cases = [
      ...markdownCorpus().map((entry) => entry.markdown),
      '- a\n\n  ```js\n  let x = 1;\n  ```\n\n> ```css\n> a { b: c }\n> ```\n',
      '<pre><code class="language-js">let y = 2;</code></pre>\n\n<pre><pre><code class="language-ts">const z = 3</code></pre></pre>\n',
      '<div><pre><span><code class="language-py">x = 1</code></span></pre></div>\n',
      '```nohighlight\nplain\n```\n\n```text\nplain\n```\n\n```nosuch\nx\n```\n',
    ];
    for (const markdown of cases) {
      expect(ours.runSync(ours.parse(markdown))).toEqual(stock.runSync(stock.parse(markdown)));
    }
    // Again: every block highlighted before now comes from the memo, as a copy.
    for (const markdown of cases) {
      const tree = ours.runSync(ours.parse(markdown));
      expect(tree).toEqual(stock.runSync(stock.parse(markdown)));
      // A later step that changes the tree in place must not change what the memo holds.
      visitCode(tree, (code) => {
        for (const child of code.children)
          if (child.type === 'element') child.properties.className = ['changed'];
        code.children.splice(0, code.children.length, { type: 'text', value: 'changed by a later step' });
        if (Array.isArray(code.properties.className))
          code.properties.className.splice(0, Infinity, 'changed');
      });
    }
    for (const markdown of cases) {
      expect(ours.runSync(ours.parse(markdown))).toEqual(stock.runSync(stock.parse(markdown)));
    }
  }, 120_000);
});

/** Calls `change` with every `<code>` element of a tree. */
function visitCode(node: Root | ElementContent, change: (code: Element) => void): void {
  if (node.type === 'element' && node.tagName === 'code') change(node);
  if ('children' in node) for (const child of node.children) visitCode(child as ElementContent, change);
}
