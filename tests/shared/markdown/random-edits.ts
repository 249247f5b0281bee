import { expect } from 'vitest';
import { renderMarkdown, type RenderPatch, type TextChange } from '../../../shared/markdown';
import { IncrementalRenderer } from '../../../shared/markdown/incremental';
import { FoldedRenderer } from '../../helpers/folded-preview';
import { seededRandom } from './random-article';

/**
 * Applies `edit` to `text` and to `renderer`, and fails, naming `context` and the edit, unless
 * both the renderer's HTML and what the preview shows are a full render's of the new text.
 * Answers the new text and the edit's patch.
 */
export function editAndCompare(
  renderer: FoldedRenderer,
  text: string,
  edit: TextChange,
  context: string,
): { text: string; patch: RenderPatch } {
  const next = text.slice(0, edit.from) + edit.insert + text.slice(edit.to);
  const patch = renderer.edit([edit]);
  const mismatch = renderer.mismatch(renderMarkdown(next));
  if (mismatch) expect.fail(`${context} (${JSON.stringify(edit)}): ${mismatch}`);
  return { text: next, patch };
}

/**
 * Types `letter` at `at` of `text` as {@link editAndCompare} does, and also fails when the
 * keystroke rendered the whole article. Answers the new text.
 */
export function typeIncrementally(
  renderer: FoldedRenderer,
  text: string,
  at: number,
  context: string,
  letter = 'x',
): string {
  const edit = { from: at, to: at, insert: letter };
  const { text: next, patch } = editAndCompare(renderer, text, edit, context);
  if (patch.full) expect.fail(`${context} (${JSON.stringify(edit)}) rendered the whole article`);
  return next;
}

/** The seeds `from`, `from + 1`, ... up to `to` (not included). */
export function seedRange(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, index) => from + index);
}

/** What {@link randomEdits} does for each seed. */
export interface RandomEditsOptions {
  readonly seeds: readonly number[];
  /** Edits per seed (a step whose `edit` gives `null` applies none). */
  readonly steps: number;
  /** The article to start from, drawn from the seed's `random`. */
  readonly article: (random: () => number, seed: number) => string;
  /** The edit of `step`, drawn from the same `random`; `null` skips the step. */
  readonly edit: (random: () => number, text: string, step: number) => TextChange | null;
  /** Whether the first whole render is compared with `renderMarkdown` too (default false). */
  readonly checkReset?: boolean;
}

/**
 * For each seed: renders its article with a {@link FoldedRenderer}, then applies `steps` random
 * edits one by one, each compared with a full render (see {@link editAndCompare}); a mismatch
 * fails naming the seed, the step and the edit. Answers how many edits were applied.
 */
export function randomEdits(options: RandomEditsOptions): number {
  let edits = 0;
  for (const seed of options.seeds) {
    const random = seededRandom(seed);
    let text = options.article(random, seed);
    const renderer = new FoldedRenderer(new IncrementalRenderer());
    renderer.reset(text);
    if (options.checkReset) expect(renderer.mismatch(renderMarkdown(text)), `seed ${seed}`).toBeNull();
    for (let step = 0; step < options.steps; step++) {
      const edit = options.edit(random, text, step);
      if (!edit) continue;
      text = editAndCompare(renderer, text, edit, `seed ${seed}, edit ${step}`).text;
      edits++;
    }
  }
  return edits;
}
