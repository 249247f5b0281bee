import { describe, expect, it } from 'vitest';
import { blocksOf } from '../../../shared/markdown/cut-units';
import { unsafeTreeProcessor } from '../../../shared/markdown/pipeline';

function tagsOf(text: string): (string[] | null)[] {
  return blocksOf(unsafeTreeProcessor.parse(text), text, 0, 1).map((block) => block.tags);
}

describe('htmlTags', () => {
  it('reads the tags of raw HTML as the HTML parser tokenizes them', () => {
    expect(tagsOf('<div>\n<b>bold</b>\n</div>\n')).toEqual([['+div', '+b', '-b', '-div']]);
    // A tag name runs to white space, `/` or `>`: `<e</h>` opens an element named `e<`.
    expect(tagsOf('<h3><e</h>\n')).toEqual([['+h3', '+e<']]);
    // `</` before anything but a letter starts a bogus comment up to the next `>`.
    expect(tagsOf('<h>\n</</b>\n')).toEqual([['+h']]);
    // Self-closing and void tags open nothing.
    expect(tagsOf('<div/>\n<br>\n')).toEqual([[]]);
  });
});
