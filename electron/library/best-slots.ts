/** The ranking step of the term index: the best-scored documents without sorting every match. */

/**
 * The `limit` best slots among those that matched at least `needed` query words, best first (ties
 * in slot order). A bounded insertion instead of sorting every match: a common word matches
 * thousands of documents and only the first screenful is shown.
 */
export function bestSlots(
  candidates: readonly number[],
  matched: Uint16Array,
  needed: number,
  scores: Float64Array,
  limit: number,
): number[] {
  const best: number[] = [];
  const better = (x: number, y: number): boolean =>
    scores[x]! > scores[y]! || (scores[x] === scores[y] && x < y);
  for (const slot of candidates) {
    if (matched[slot]! < needed) continue;
    if (best.length === limit && !better(slot, best[limit - 1]!)) continue;
    let lo = 0;
    let hi = best.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (better(slot, best[mid]!)) hi = mid;
      else lo = mid + 1;
    }
    best.splice(lo, 0, slot);
    if (best.length > limit) best.pop();
  }
  return best;
}
