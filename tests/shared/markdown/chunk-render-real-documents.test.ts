import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { renderMarkdownTree } from '../../../shared/markdown';
import { joinChunks, renderFootnotesGuess } from '../../../shared/markdown/chunk-join';
import { planChunks } from '../../../shared/markdown/chunk-plan';
import { renderChunk } from '../../../shared/markdown/chunk-render';
import { repairCuts } from '../../../shared/markdown/chunk-repair';
import { realBook, realDocuments } from '../../helpers/real-documents';

/** The article cut at `chunkSize`, rendered chunk by chunk, mended and joined; `null`: not cut. */
function chunked(
  markdown: string,
  chunkSize: number,
): { html: string | null; chunks: number; mended: number } {
  const plan = planChunks(markdown, { chunkSize });
  if (!plan) return { html: null, chunks: 1, mended: 0 };
  const repaired = repairCuts(plan, plan.chunks.map(renderChunk));
  const joined =
    repaired && joinChunks(repaired.plan, repaired.results, renderFootnotesGuess(plan.footnotes));
  return {
    html: joined ? toHtml(joined.tree) : null,
    chunks: plan.chunks.length,
    mended: repaired ? plan.chunks.length - repaired.plan.chunks.length : 0,
  };
}

describe('rendering real documents in chunks', () => {
  it('joins the real book, raw HTML and repeated labels and all, into exactly the whole render', () => {
    const book = realBook();
    const whole = toHtml(renderMarkdownTree(book).tree);
    for (const chunkSize of [24_000, 4_000]) {
      const { html, chunks } = chunked(book, chunkSize);
      // The export's chunk size cuts the book into dozens of parts, none of them declined.
      expect(chunks, `${chunkSize}`).toBeGreaterThan(1_400_000 / chunkSize / 2);
      expect(html === whole, `chunks of ${chunkSize} characters`).toBe(true);
    }
  }, 600_000);

  it('joins every real README and doc exactly, or declines to join it', () => {
    let joined = 0;
    let cut = 0;
    for (const { name, markdown } of realDocuments()) {
      const { html, chunks } = chunked(markdown, 1_000);
      if (chunks > 1) cut++;
      if (html === null) continue;
      joined++;
      if (html !== toHtml(renderMarkdownTree(markdown).tree))
        expect.fail(`${name}: the joined chunks differ from a whole render`);
    }
    // Most documents hold raw HTML (badges, centred logos, comments); nearly all that are cut join.
    expect(cut).toBeGreaterThan(300);
    expect(joined).toBeGreaterThan(cut * 0.9);
  }, 900_000);
});
