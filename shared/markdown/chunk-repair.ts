/**
 * Mends a chunked render (chunk-plan.ts, chunk-render.ts) whose chunks found a cut that is not
 * clean, by rendering the two chunks on either side of it as one.
 */
import type { ChunkInput, ChunkPlan } from './chunk-plan';
import { renderChunk, type ChunkResult } from './chunk-render';

/**
 * The plan and results with every cut a chunk reported (`problemAt`) taken out: the two chunks
 * around it are joined and rendered again, in this thread, until every cut left is clean. Cuts
 * that were clean keep their rendered chunks. `null` when a chunk's problem is not at a cut (only
 * a render of the whole article will do), or when mending would render more than half of the
 * article again (a render of the whole then costs about the same).
 */
export function repairCuts(
  plan: ChunkPlan,
  results: readonly ChunkResult[],
  render: (input: ChunkInput) => ChunkResult = renderChunk,
): { plan: ChunkPlan; results: ChunkResult[] } | null {
  const chunks = [...plan.chunks];
  const rendered = [...results];
  const total = chunks.reduce((sum, chunk) => sum + chunk.text.length, 0);
  let again = 0;
  for (;;) {
    const index = rendered.findIndex((result) => result.problem !== null);
    if (index === -1) break;
    const at = rendered[index]!.problemAt;
    if (at === null) return null;
    const first = at === 'start' ? index - 1 : index;
    const merged = mergeChunks(chunks[first]!, chunks[first + 1]!);
    again += merged.text.length;
    if (again > total / 2) return null;
    chunks.splice(first, 2, merged);
    rendered.splice(first, 2, render(merged));
  }
  return { plan: { ...plan, chunks }, results: rendered };
}

/** Two neighbouring chunks as one. */
function mergeChunks(a: ChunkInput, b: ChunkInput): ChunkInput {
  return { ...a, text: a.text + b.text, last: b.last };
}
