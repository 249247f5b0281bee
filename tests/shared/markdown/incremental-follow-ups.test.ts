import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../shared/markdown';
import { IncrementalRenderer } from '../../../shared/markdown/incremental';
import { FoldedRenderer } from '../../helpers/folded-preview';

describe('IncrementalRenderer follow-ups', () => {
  it('replaces every block the preview shows when a unit rendered after the window needs a whole render', () => {
    // The later heading's id changes with the first one, and it sits in the unit whose open
    // `<details>` holds the footnotes section: only a whole render redoes that unit. (A slug in
    // the sanitizer's prefix space is not renamed in place, so the unit is rendered.)
    let text =
      '# User content a\n\nText.\n\n<details>\n\n# User content a\n\nHidden.[^n]\n\n[^n]: The note.\n';
    const renderer = new FoldedRenderer(new IncrementalRenderer());
    renderer.reset(text);
    const edit = { from: 16, to: 16, insert: 'x\n\nA new paragraph.' };
    text = text.slice(0, edit.from) + edit.insert + text.slice(edit.to);
    expect(renderer.edit([edit]).full).toBe(true);
    expect(renderer.mismatch(renderMarkdown(text))).toBeNull();
  });

  it('renames a later heading in the unit that holds the footnotes section without a whole render', () => {
    let text = '# Intro\n\nText.\n\n<details>\n\n# Intro\n\nHidden.[^n]\n\n[^n]: The note.\n';
    const renderer = new FoldedRenderer(new IncrementalRenderer());
    renderer.reset(text);
    const edit = { from: 7, to: 7, insert: 'x\n\nA new paragraph.' };
    text = text.slice(0, edit.from) + edit.insert + text.slice(edit.to);
    expect(renderer.edit([edit]).full).toBe(false);
    expect(renderer.mismatch(renderMarkdown(text))).toBeNull();
  });
});
