import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../shared/markdown';
import { IncrementalRenderer } from '../../../shared/markdown/incremental';
import { FoldedRenderer } from '../../helpers/folded-preview';

/** A changelog-like article: the same few headings in every section, as real ones repeat them. */
function repeatedHeadings(sections: number): string {
  const parts = ['# Changes'];
  for (let index = 0; index < sections; index++) {
    parts.push(`## Version ${sections - index}`, '### Bug fixes', `- Fixed thing ${index}.`);
    parts.push('### Usage', `Paragraph ${index} about [usage](#usage-${index}).`);
    if (index % 5 === 0)
      parts.push('<details>\n<summary>Notes</summary>\n\n### Usage\n\nNested.\n\n</details>');
  }
  return parts.join('\n\n');
}

describe('typing in a heading whose text repeats', () => {
  it('moves the ids of the later headings without rendering them again', () => {
    let text = repeatedHeadings(60);
    const renderer = new FoldedRenderer(new IncrementalRenderer());
    renderer.reset(text);
    const spot = text.indexOf('### Usage') + '### Usage'.length;
    // "Usage" becomes "Usagex" and back: every later "Usage" heading's number moves each time.
    for (const [from, to, insert] of [
      [spot, spot, 'x'],
      [spot, spot + 1, ''],
      [spot, spot, 's'],
      [spot, spot + 1, ''],
    ] as const) {
      text = text.slice(0, from) + insert + text.slice(to);
      const patch = renderer.edit([{ from, to, insert }]);
      expect(patch.full).toBe(false);
      expect(patch.rendered).toBeLessThanOrEqual(3);
      expect(renderer.mismatch(renderMarkdown(text))).toBeNull();
    }
  });

  it('renders a later heading again when its id cannot be found in its HTML', () => {
    // A heading whose slug starts with the sanitizer's prefix keeps it: ids written in raw HTML
    // share that space, so such a heading is rendered again rather than renamed.
    let text = [
      '## User content a',
      'Text.',
      '## User content a',
      'More.',
      '<h2 id="user-content-a">Raw</h2>',
    ].join('\n\n');
    const renderer = new FoldedRenderer(new IncrementalRenderer());
    renderer.reset(text);
    const spot = text.indexOf('## User content a') + 3;
    text = text.slice(0, spot) + 'x' + text.slice(spot);
    renderer.edit([{ from: spot, to: spot, insert: 'x' }]);
    expect(renderer.mismatch(renderMarkdown(text))).toBeNull();
  });

  it('numbers a later empty heading again when an empty heading above stops being one', () => {
    // Empty headings take the empty slug, then `-1`, `-2`: losing one moves the later ones.
    let text = ['Intro.', '###', 'Text.', '#', 'More.', '#'].join('\n\n');
    const renderer = new FoldedRenderer(new IncrementalRenderer());
    renderer.reset(text);
    const spot = text.indexOf('###');
    text = text.slice(0, spot) + 'Usage' + text.slice(spot);
    renderer.edit([{ from: spot, to: spot, insert: 'Usage' }]);
    expect(renderer.mismatch(renderMarkdown(text))).toBeNull();
  });

  it('takes the id of a heading that cites a note from the number the note has in the article', () => {
    // In the window the note is the first cited; in the article it is the second: `in2`.
    let text = 'Cited[^a].\n\nPara.\n\n# In[^b]\n\nMore[^b].\n\nEnd.\n\n[^a]: A.\n\n[^b]: B.\n';
    const renderer = new FoldedRenderer(new IncrementalRenderer());
    renderer.reset(text);
    const at = text.indexOf('More') + 2;
    text = text.slice(0, at) + 'x' + text.slice(at);
    expect(renderer.edit([{ from: at, to: at, insert: 'x' }]).full).toBe(false);
    expect(renderer.mismatch(renderMarkdown(text))).toBeNull();
    expect(renderer.renderer.html()).toContain('<h1 id="in2"');
  });
});
