import { describe, expect, it } from 'vitest';
import { blocksOf } from '../../../shared/markdown/cut-units';
import { leavesOpen } from '../../../shared/markdown/open-elements';
import { unsafeTreeProcessor } from '../../../shared/markdown/pipeline';

function blocksOfText(text: string) {
  return blocksOf(unsafeTreeProcessor.parse(text), text, 0, 1);
}

describe('leavesOpen', () => {
  it('tells raw HTML that leaves an element open or a formatting element active from stray end tags', () => {
    expect(leavesOpen(blocksOfText('Text</p>\n\n<div>\n</p>\n</div>\n'))).toBe(false);
    expect(leavesOpen(blocksOfText('Some <b>bold that\n\nruns over</b> two paragraphs.\n'))).toBe(false);
    // A mistyped end tag, an end tag that closes a formatting element inside, an unclosed comment.
    expect(leavesOpen(blocksOfText('<div>\n</p>\n</di`v>\n'))).toBe(true);
    expect(leavesOpen(blocksOfText('<div>\n<b>bold\n</div>\n'))).toBe(true);
    expect(leavesOpen(blocksOfText('<div>\n<!-- open\n'))).toBe(true);
  });
});
