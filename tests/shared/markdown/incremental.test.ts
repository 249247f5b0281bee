import { describe, expect, it } from 'vitest';
import { generateArticle } from '../../../bench/generate-article';
import { IncrementalRenderer, renderMarkdown } from '../../../shared/markdown';
import { randomArticle, randomEdit, seededRandom } from './random-article';

describe('the incremental renderer', () => {
  it('stays byte-identical to a full render through thousands of random edits', () => {
    let edits = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const random = seededRandom(seed);
      let text = randomArticle(random, 8);
      const renderer = new IncrementalRenderer();
      renderer.reset(text);
      for (let step = 0; step < 70; step++) {
        const edit = randomEdit(random, text);
        text = text.slice(0, edit.from) + edit.insert + text.slice(edit.to);
        renderer.edit([edit]);
        edits++;
        const expected = renderMarkdown(text);
        if (renderer.html() !== expected) {
          expect.fail(`seed ${seed}, edit ${step} (${JSON.stringify(edit)}) differs from a full render`);
        }
      }
    }
    expect(edits).toBe(2100);
    // A full render per edit to compare with: slow on a busy machine, so no tight timeout.
  }, 900_000);

  it('applies several changes of one transaction at once', () => {
    const renderer = new IncrementalRenderer();
    let text = generateArticle(600);
    renderer.reset(text);
    const changes = [
      { from: 100, to: 100, insert: 'x' },
      { from: 300, to: 305, insert: '' },
      { from: 900, to: 900, insert: '\n\n## New\n\n' },
    ];
    for (const change of [...changes].reverse())
      text = text.slice(0, change.from) + change.insert + text.slice(change.to);
    renderer.edit(changes);
    expect(renderer.html()).toBe(renderMarkdown(text));
  });

  it('sends only the changed block when typing in a paragraph', () => {
    const text = generateArticle(2000);
    const renderer = new IncrementalRenderer();
    renderer.reset(text);
    const at = text.indexOf('## Section 5\n\n') + 20;
    const patch = renderer.edit([{ from: at, to: at, insert: 'word ' }]);
    expect(patch.full).toBe(false);
    expect(patch.blocks).toHaveLength(1);
    expect(patch.deleteCount).toBe(1);
    expect(patch.lineDelta).toBe(0);
    expect(patch.footer).toBeUndefined();
  });

  it('renumbers footnotes and heading ids around the edited part like a full render', () => {
    let text = '# A\n\nOne[^x] two[^y].\n\n# A\n\nThree[^y] four[^x].\n\n[^x]: X.\n\n[^y]: Y.\n';
    const renderer = new IncrementalRenderer();
    renderer.reset(text);
    const at = text.indexOf('Three');
    renderer.edit([{ from: at, to: at, insert: 'Now ' }]);
    text = text.slice(0, at) + 'Now ' + text.slice(at);
    expect(renderer.html()).toBe(renderMarkdown(text));
    renderer.edit([{ from: 0, to: 0, insert: '# A\n\n' }]);
    text = '# A\n\n' + text;
    expect(renderer.html()).toBe(renderMarkdown(text));
  });

  it('widens to the end when an edit opens a fence or a comment, and recovers when it closes', () => {
    let text = generateArticle(1500);
    const renderer = new IncrementalRenderer();
    renderer.reset(text);
    const at = text.indexOf('## Section 3');
    for (const insert of ['```\n', '<!--\n']) {
      renderer.edit([{ from: at, to: at, insert }]);
      text = text.slice(0, at) + insert + text.slice(at);
      expect(renderer.html()).toBe(renderMarkdown(text));
      renderer.edit([{ from: at, to: at + insert.length, insert: '' }]);
      text = text.slice(0, at) + text.slice(at + insert.length);
      expect(renderer.html()).toBe(renderMarkdown(text));
    }
  });
});
