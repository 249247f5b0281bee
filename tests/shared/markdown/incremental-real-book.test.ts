import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../shared/markdown';
import { IncrementalRenderer } from '../../../shared/markdown/incremental';
import { realBook } from '../../helpers/real-documents';
import { ordinaryTypingSpots } from './random-article';

describe('the incremental renderer on a 180,000-word real book', () => {
  it('types 200 characters at the start, in the middle and at the end without rendering the whole book', () => {
    let text = realBook();
    const renderer = new IncrementalRenderer();
    renderer.reset(text);
    const spots = ordinaryTypingSpots(text);
    const places = [0.02, 0.5, 0.98].map((share) => spots.find((spot) => spot >= text.length * share)!);
    let whole = 0;
    let rendered = 0;
    let keystrokes = 0;
    // From the end backwards, so that typing at one place leaves the others where they were.
    for (const place of places.reverse()) {
      for (let typed = 0; typed < 200; typed++) {
        const at = place + typed;
        const letter = typed % 6 === 5 ? ' ' : 'x';
        const patch = renderer.edit([{ from: at, to: at, insert: letter }]);
        text = text.slice(0, at) + letter + text.slice(at);
        if (patch.full) whole++;
        rendered += patch.rendered;
        keystrokes++;
      }
    }
    expect(keystrokes).toBe(600);
    expect(whole).toBe(0);
    // A keystroke renders the unit it lands in and its neighbours, not thousands of units.
    expect(rendered / keystrokes).toBeLessThan(10);
    expect(renderer.html()).toBe(renderMarkdown(text));
  }, 900_000);
});
