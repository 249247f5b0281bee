import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import {
  alongKnots,
  codeLineOffsets,
  InnerLines,
  listItemOffsets,
  type SourceLine,
} from '../../../renderer/src/preview/inner-lines';
import { realDocuments } from '../../helpers/real-documents';

/** Source lines of `text` as scroll sync reads the editor's (1-based; outside: an error). */
function sourceOf(text: string): SourceLine {
  const lines = text.split('\n');
  return (line) => {
    if (line < 1 || line > lines.length) throw new RangeError(`No line ${line}`);
    return lines[line - 1]!;
  };
}

const parser = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkFrontmatter, ['yaml', 'toml'])
  .use(remarkMath)
  .freeze();

describe('the source lines of a code block’s code', () => {
  it('starts after the opening fence and ends before the closing one', () => {
    const source = sourceOf('```js\na()\nb()\n```');
    expect(codeLineOffsets(1, 4, source)).toEqual({ first: 1, end: 3 });
  });

  it('runs to the last line that is not blank when the fence is never closed, or closed by a shorter one', () => {
    expect(codeLineOffsets(1, 3, sourceOf('~~~~\na()\n~~~'))).toEqual({ first: 1, end: 3 });
    expect(codeLineOffsets(1, 3, sourceOf('```\na()\n'))).toEqual({ first: 1, end: 2 });
  });

  it('takes every line of an indented block, and none of an empty fenced one', () => {
    expect(codeLineOffsets(1, 2, sourceOf('    a()\n    b()'))).toEqual({ first: 0, end: 2 });
    expect(codeLineOffsets(1, 2, sourceOf('```\n```'))).toBeNull();
  });
});

describe('the first lines of a list’s items', () => {
  it('skips continuation lines, nested lists and list markers inside fenced code', () => {
    const text = [
      '- one',
      '  more of one',
      '  - nested',
      '- two',
      '',
      '  ```',
      '  - not an item',
      '  ```',
      ' - three, one space in',
      '-\ttabbed four',
    ].join('\n');
    expect(listItemOffsets(1, 10, sourceOf(text))).toEqual([0, 3, 8, 9]);
  });

  it('reads ordered lists and leaves a line that only looks like a marker', () => {
    const text = ['1. one', '   more', '2. two', '-not an item', '10. three'].join('\n');
    expect(listItemOffsets(1, 5, sourceOf(text))).toEqual([0, 2, 4]);
    expect(listItemOffsets(1, 1, sourceOf('Just a paragraph.'))).toBeNull();
  });

  it('finds every item and code line of a quarter of the real documents as the Markdown parser does', () => {
    // Every fourth document: a quarter of the corpus parses in a few seconds.
    const texts = realDocuments()
      .filter((_, index) => index % 4 === 0)
      .map((document) => document.markdown);
    let lists = 0;
    let codeBlocks = 0;
    for (const raw of texts) {
      const text = raw.replace(/\r\n?/g, '\n');
      const source = sourceOf(text);
      const tree = parser.parse(text) as Root;
      for (const node of tree.children) {
        const line = node.position!.start.line;
        const lineEnd = node.position!.end.line;
        if (node.type === 'list') {
          lists++;
          const items = node.children.map((item) => item.position!.start.line - line);
          expect(listItemOffsets(line, lineEnd, source), `list at line ${line}`).toEqual(items);
        } else if (node.type === 'code' && node.value !== '') {
          codeBlocks++;
          const code = codeLineOffsets(line, lineEnd, source);
          expect(code && code.end - code.first, `code at line ${line}`).toBe(node.value.split('\n').length);
        }
      }
    }
    expect(lists).toBeGreaterThan(100);
    expect(codeBlocks).toBeGreaterThan(200);
  }, 60_000);
});

describe('interpolating between knots of lines and heights', () => {
  const knots = [
    { line: 10, y: 100 },
    { line: 11, y: 114 },
    { line: 14, y: 192 },
    { line: 15, y: 220 },
  ];

  it('maps a line to its height and back between the knots around it', () => {
    expect(alongKnots(knots, 12.5, 'line')).toBe(153);
    expect(alongKnots(knots, 153, 'y')).toBe(12.5);
    expect(alongKnots(knots, 10.5, 'line')).toBe(107);
  });

  it('holds at the ends, and takes the later of two knots on one line', () => {
    expect(alongKnots(knots, 15, 'line')).toBe(220);
    expect(alongKnots(knots, 50, 'y')).toBe(10);
    const padded = [
      { line: 1, y: 0 },
      { line: 1, y: 14 },
      { line: 3, y: 40 },
    ];
    expect(alongKnots(padded, 1, 'line')).toBe(14);
    expect(alongKnots(padded, 7, 'y')).toBe(1);
  });
});

describe('the knots of a list', () => {
  /** A shown element as inner-lines.ts reads it: its name, box, children and whether it is shown. */
  interface FakeElement {
    localName: string;
    isConnected: boolean;
    children: FakeElement[];
    top: number;
    bottom: number;
  }
  const element = (localName: string, top: number, bottom: number, children: FakeElement[] = []) => ({
    localName,
    isConnected: true,
    children,
    top,
    bottom,
    getBoundingClientRect() {
      return this.isConnected ? { top: this.top, bottom: this.bottom } : { top: 0, bottom: 0 };
    },
  });

  it('reads its items again when the preview replaced one and the list kept its lines', () => {
    const items = [element('li', 0, 20), element('li', 20, 40), element('li', 40, 60)];
    const list = element('ul', 0, 60, items);
    const source = sourceOf('- one\n- two\n- three');
    const lines = new InnerLines();
    const y = (line: number) => lines.along(list as unknown as Element, 1, 3, source, 0, line, 'line');
    expect([1, 2, 2.5, 3, 3.5, 4].map(y)).toEqual([0, 20, 30, 40, 50, 60]);
    // Typing in the second item: its <li> is replaced alone (dom-patcher.ts), and it grew.
    const typed = element('li', 20, 50);
    items[1]!.isConnected = false;
    items[1] = typed;
    items[2]!.top = 50;
    items[2]!.bottom = 70;
    list.bottom = 70;
    expect([1, 2, 2.5, 3, 3.5, 4].map(y)).toEqual([0, 20, 35, 50, 60, 70]);
  });

  it('measures only the items around a line of a long list, and maps as all its items would', () => {
    // Items of one to three lines, one of them taller than its lines.
    const count = 1000;
    const sourceLines: string[] = [];
    const items: ReturnType<typeof element>[] = [];
    let top = 10;
    for (let index = 0; index < count; index++) {
      const height = index === 500 ? 90 : 20 * (1 + (index % 3));
      sourceLines.push(`- item ${index}`, ...Array.from({ length: index % 3 }, () => '  more'));
      items.push(element('li', top, top + height));
      top += height;
    }
    const list = element('ul', 0, top + 10, items);
    const source = sourceOf(sourceLines.join('\n'));
    const lineEnd = sourceLines.length;
    let measured = 0;
    for (const item of [list, ...items]) {
      const read = item.getBoundingClientRect.bind(item);
      item.getBoundingClientRect = () => {
        measured++;
        return read();
      };
    }
    // Every knot, as the whole list gives them (list top, item tops, list bottom).
    const offsets = listItemOffsets(1, lineEnd, source)!;
    const knots = [
      { line: 1, y: 0 },
      ...items.map((item, index) => ({ line: 1 + offsets[index]!, y: item.top })),
      { line: lineEnd + 1, y: top + 10 },
    ];
    const lines = new InnerLines();
    lines.along(list as unknown as Element, 1, lineEnd, source, 0, 1, 'line');
    for (const value of [1, 1.5, 2, 700.25, 1001, 1003.5, lineEnd - 0.5, lineEnd + 1]) {
      measured = 0;
      const y = lines.along(list as unknown as Element, 1, lineEnd, source, 0, value, 'line');
      expect(y, `line ${value}`).toBe(alongKnots(knots, value, 'line'));
      expect(measured).toBeLessThan(6);
    }
    for (const value of [0, 5, 10, 11, 20_000.5, 40_000, top - 1, top + 10]) {
      measured = 0;
      const line = lines.along(list as unknown as Element, 1, lineEnd, source, 0, value, 'y');
      expect(line, `y ${value}`).toBeCloseTo(alongKnots(knots, value, 'y'), 9);
      expect(measured).toBeLessThan(20);
    }
  });
});
