import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../shared/markdown';
import { IncrementalRenderer } from '../../../shared/markdown/incremental';
import { FoldedRenderer } from '../../helpers/folded-preview';

/** A list of API links as Rust's release notes write them: over 9,000 characters. */
const apiList = Array.from(
  { length: 120 },
  (_, index) =>
    `- [\`Vec::method_${index}\`](https://doc.rust-lang.org/std/vec/struct.Vec.html#method.m${index})`,
).join('\n');

/** Thirty lines of plain text, to make the unit after an edit long. */
const longText = Array.from({ length: 30 }, (_, index) => `line ${index} of the text after`).join('\n');

/**
 * Applies `edit` to `text` in a renderer that rendered `text` whole, checks the renderer and the
 * preview folded from its patches against a whole render, and answers how many characters of
 * source the edit rendered.
 */
function renderedFor(text: string, edit: { from: number; to: number; insert: string }): number {
  const renderer = new IncrementalRenderer();
  const folded = new FoldedRenderer(renderer);
  folded.reset(text);
  folded.edit([edit]);
  const next = text.slice(0, edit.from) + edit.insert + text.slice(edit.to);
  expect(folded.mismatch(renderMarkdown(next))).toBeNull();
  return renderer.renderedChars();
}

/** Deletes the `# ` that makes the line holding `marker` a heading. */
function unheading(text: string, marker: string): { from: number; to: number; insert: string } {
  const at = text.indexOf(marker);
  return { from: at, to: at + 2, insert: '' };
}

describe('the unit after an edited window', () => {
  it('is probed by its first line: typing in a paragraph followed by a long list renders the paragraph', () => {
    for (const gap of ['\n', '\n\n']) {
      let text = `Version 1.95\n============\n\nThese APIs are now stable:${gap}${apiList}\n\nThe end.\n`;
      const renderer = new IncrementalRenderer();
      const folded = new FoldedRenderer(renderer);
      folded.reset(text);
      const at = text.indexOf('are now') + 'are'.length;
      for (const [step, letter] of [...' all'].entries()) {
        const patch = folded.edit([{ from: at + step, to: at + step, insert: letter }]);
        text = text.slice(0, at + step) + letter + text.slice(at + step);
        expect(folded.mismatch(renderMarkdown(text))).toBeNull();
        expect(patch.full).toBe(false);
        // The heading, the paragraph and the list's first line: under 200 of over 9,000.
        expect(renderer.renderedChars(), JSON.stringify(gap)).toBeLessThan(200);
      }
    }
    expect(apiList.length).toBeGreaterThan(9000);
  });

  it('is rendered when its first line now continues the edited block', () => {
    const cases = {
      'a lazy continuation of a quote': ['# quote\nlazy', '# quote'],
      'a setext underline': ['# Title\n===', '# Title'],
      'a list item going on': ['# - item\n  indented', '# - item'],
      'a table delimiter row': ['# | a |\n| - |', '# | a |'],
    };
    for (const [name, [block, marker]] of Object.entries(cases)) {
      const text = `Intro.\n\n${block}\n${longText}\n\nThe end.\n`;
      // The long unit after the heading was rendered again, not only its first line.
      expect(renderedFor(text, unheading(text, marker)), name).toBeGreaterThan(longText.length);
    }
  });

  it('is rendered when the edited block stops being open above a note that interrupts it', () => {
    // After an open paragraph a note's first line `*` starts no list (see open-blocks.ts): the
    // note reads otherwise once the paragraph above becomes a heading, though its first line
    // still starts a block of its own.
    const rest = Array.from({ length: 40 }, (_, index) => `    line ${index} of the note.`).join('\n');
    for (const first of ['*', '2. two']) {
      const text = `Intro.\n\nPara[^b]\n[^b]: ${first}\n${rest}\n\nThe end.\n`;
      const at = text.indexOf('Para');
      expect(renderedFor(text, { from: at, to: at, insert: '# ' }), first).toBeGreaterThan(rest.length);
    }
  });

  it('is rendered after a link definition, which takes the lines after it as its title when they close it', () => {
    // The probe's one line does not close the title: alone, it reads as a paragraph of its own.
    const text = `[a]: /first\n\nIntro.\n\n# [a]: /url\n"title\n${longText}"\n\nA [a] link.\n`;
    expect(renderedFor(text, unheading(text, '# [a]'))).toBeGreaterThan(longText.length);
  });

  it('is not probed when its rest is short next to the window, which a failed probe renders twice', () => {
    // The window holds the long indented code before the edited definition (micromark holds
    // indented code open through the blank line after it), and a probe after the definition
    // proves nothing (a title may follow it): probing would only render the code once more.
    const code = `    ${apiList.replace(/\n/g, '\n    ')}`;
    const text = `Intro.\n\n${code}\n\n[unused]: /url\nA paragraph\nof two lines.\n\nThe end.\n`;
    const at = text.indexOf('/url') + 2;
    const chars = renderedFor(text, { from: at, to: at, insert: 'x' });
    expect(chars).toBeGreaterThan(apiList.length);
    expect(chars).toBeLessThan(apiList.length * 1.5);
  });

  it('is kept when its first line starts a block of its own after the edited one', () => {
    const cases = {
      'a paragraph after a blank line': `Intro.\n\nEdited.\n\n${longText}\n`,
      'a quote': `Intro.\n\nEdited.\n> ${longText.replace(/\n/g, '\n> ')}\n`,
      'a table, whose first line alone reads as a paragraph': `Intro.\n\nEdited.\n\n| a |\n| - |\n| ${longText.replace(/\n/g, ' |\n| ')} |\n`,
      'code indented after a blank line': `Intro.\n\nEdited.\n\n    ${longText.replace(/\n/g, '\n    ')}\n`,
    };
    for (const [name, text] of Object.entries(cases)) {
      const at = text.indexOf('Edited') + 'Edit'.length;
      expect(renderedFor(text, { from: at, to: at, insert: 'x' }), name).toBeLessThan(100);
    }
  });
});
