import type { BlockHtml, RenderPatch } from './render-patch';
import { unitHtml, type Unit } from './unit';

/** Gives new units whose HTML (lines aside) an old one had that unit's key, so the preview keeps its DOM. */
export function reuseKeys(old: readonly Unit[], fresh: readonly Unit[]): void {
  const reused = new Map<string, number[]>();
  for (const unit of old) {
    const id = unitHtml(unit, 0);
    reused.set(id, [...(reused.get(id) ?? []), unit.key]);
  }
  for (const unit of fresh) {
    const key = reused.get(unitHtml(unit, 0))?.shift();
    if (key !== undefined) unit.key = key;
  }
}

/**
 * The blocks between the first and the last that differ from what the preview showed (`shown`:
 * keys and first lines, before an edit that moved the lines after it by `lineDelta`), as a
 * patch's `start`, `deleteCount` and `blocks`: unchanged leading and trailing blocks stay.
 */
export function changedSpan(
  shown: readonly { readonly key: number; readonly line: number }[],
  units: readonly Unit[],
  lineDelta: number,
  blockHtml: (unit: Unit) => BlockHtml,
): Pick<RenderPatch, 'start' | 'deleteCount' | 'blocks'> {
  let head = 0;
  while (
    head < shown.length &&
    head < units.length &&
    shown[head]!.key === units[head]!.key &&
    shown[head]!.line === units[head]!.line
  )
    head++;
  let tail = 0;
  while (
    tail < shown.length - head &&
    tail < units.length - head &&
    shown[shown.length - 1 - tail]!.key === units[units.length - 1 - tail]!.key &&
    shown[shown.length - 1 - tail]!.line + lineDelta === units[units.length - 1 - tail]!.line
  )
    tail++;
  return {
    start: head,
    deleteCount: shown.length - head - tail,
    blocks: units.slice(head, units.length - tail).map(blockHtml),
  };
}

/**
 * How many of a window's units at its start (same key, same line) and at its end (same key, the
 * line moved by the edit's `lineDelta`, which the preview applies to the blocks after a patch)
 * are unchanged, so that a patch sends only the ones between. A unit between two changes of one
 * edit moved by the first change's lines only, and is sent.
 */
export function unchangedEnds(
  old: readonly Unit[],
  fresh: readonly Unit[],
  lineDelta: number,
): { head: number; tail: number } {
  let head = 0;
  while (
    head < old.length &&
    head < fresh.length &&
    old[head]!.key === fresh[head]!.key &&
    old[head]!.line === fresh[head]!.line
  ) {
    head++;
  }
  let tail = 0;
  while (
    tail < old.length - head &&
    tail < fresh.length - head &&
    old[old.length - 1 - tail]!.key === fresh[fresh.length - 1 - tail]!.key &&
    old[old.length - 1 - tail]!.line + lineDelta === fresh[fresh.length - 1 - tail]!.line
  ) {
    tail++;
  }
  return { head, tail };
}
