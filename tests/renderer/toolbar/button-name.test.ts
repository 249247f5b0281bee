import { describe, expect, it } from 'vitest';
import { buttonName } from '../../../renderer/src/toolbar/button-name';

describe('buttonName', () => {
  it('adds the visible label to the title when the title does not say it', () => {
    expect(buttonName('Heading 1', 'H1')).toBe('Heading 1, H1');
    expect(buttonName('Numbered list', '1.')).toBe('Numbered list, 1.');
  });

  it('keeps the title alone when it already holds the label’s words, in any case', () => {
    expect(buttonName('Link', 'Link')).toBe('Link');
    expect(buttonName('Insert link', 'link')).toBe('Insert link');
  });

  it('names glyphs and single letters by the title alone', () => {
    expect(buttonName('Bold', 'B')).toBe('Bold');
    expect(buttonName('Paragraph', '¶')).toBe('Paragraph');
    expect(buttonName('Code block', '{ }')).toBe('Code block');
  });

  it('needs the label’s words next to each other and in order in the title', () => {
    expect(buttonName('Heading level 2', 'Heading 2')).toBe('Heading level 2, Heading 2');
  });
});
