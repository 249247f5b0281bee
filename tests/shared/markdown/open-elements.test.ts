import { describe, expect, it } from 'vitest';
import { blocksOf } from '../../../shared/markdown/cut-units';
import { leavesOpen, OpenElements } from '../../../shared/markdown/open-elements';
import { unsafeTreeProcessor } from '../../../shared/markdown/pipeline';

function blocksOfText(text: string) {
  return blocksOf(unsafeTreeProcessor.parse(text), text, 0, 1);
}

/** An `OpenElements` after reading `tags` (`+div`, `-div`), with what each end tag reported. */
function read(tags: readonly string[]): { open: OpenElements; closed: (string[] | null)[] } {
  const open = new OpenElements();
  const closed: (string[] | null)[] = [];
  for (const tag of tags) {
    if (tag.startsWith('+')) open.open(tag.slice(1));
    else closed.push(open.close(tag.slice(1)));
  }
  return { open, closed };
}

describe('OpenElements', () => {
  it('closes the innermost element named by an end tag and reports nothing inside it', () => {
    const { open, closed } = read(['+div', '+div', '+p', '-p', '-div']);
    expect(closed).toEqual([[], []]);
    expect(open.names).toEqual(['div']);
    expect(open.size).toBe(1);
  });

  it('reports the elements an end tag closes inside its element, outermost first', () => {
    const { open, closed } = read(['+details', '+div', '+b', '+i', '-div']);
    expect(closed).toEqual([['b', 'i']]);
    expect(open.names).toEqual(['details']);
  });

  it('ignores an end tag of nothing open and keeps what is open around it', () => {
    const { open, closed } = read(['+div', '-p', '-span']);
    expect(closed).toEqual([null, null]);
    expect(open.names).toEqual(['div']);
  });

  it('forgets every open element when cleared', () => {
    const { open } = read(['+dl', '+dd']);
    open.clear();
    expect(open.size).toBe(0);
    expect(open.close('dl')).toBeNull();
  });
});

describe('leavesOpen', () => {
  it('tells raw HTML that leaves an element open or a formatting element active from stray end tags', () => {
    expect(leavesOpen(blocksOfText('Text</p>\n\n<div>\n</p>\n</div>\n'))).toBe(false);
    expect(leavesOpen(blocksOfText('Some <b>bold that\n\nruns over</b> two paragraphs.\n'))).toBe(false);
    // A mistyped end tag, an end tag that closes a formatting element inside, an unclosed comment.
    expect(leavesOpen(blocksOfText('<div>\n</p>\n</di`v>\n'))).toBe(true);
    expect(leavesOpen(blocksOfText('<div>\n<b>bold\n</div>\n'))).toBe(true);
    expect(leavesOpen(blocksOfText('<div>\n<!-- open\n'))).toBe(true);
    // The end tag of a formatting element keeps a block element inside it open.
    expect(leavesOpen(blocksOfText('Some <b><div></b> text.\n'))).toBe(true);
  });
});
