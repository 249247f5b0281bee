import { diff3Merge } from 'node-diff3';

/** A part of a merge: text both sides agree on (after merging), or a conflict to choose. */
export type MergeHunk =
  | { readonly kind: 'merged'; readonly text: string }
  | {
      readonly kind: 'conflict';
      /** The text as last saved. */
      readonly base: string;
      /** The author's unsaved version. */
      readonly mine: string;
      /** The version now on disk. */
      readonly theirs: string;
    };

/** The result of {@link mergeThreeWay}. */
export interface MergeResult {
  readonly hunks: readonly MergeHunk[];
  /** Number of conflict hunks. */
  readonly conflicts: number;
}

/** How to settle one conflict. */
export type ConflictChoice = 'mine' | 'theirs' | 'both';

type Diff3Block = { ok?: string[]; conflict?: { a: string[]; o: string[]; b: string[] } };

function merge3(mine: string[], base: string[], theirs: string[]): Diff3Block[] {
  return diff3Merge(mine, base, theirs, { excludeFalseConflicts: true }) as Diff3Block[];
}

// Lines keep their `\n` so that joining the pieces gives back the exact text.
function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

// Words keep their following whitespace, so that the pieces join back exactly.
function splitWords(text: string): string[] {
  return text.match(/\s+|[^\s]+\s*/g) ?? [];
}

/**
 * Merges two edits of the same text (`mine` and `theirs`, both based on `base`) with diff3
 * (`node-diff3`). Changes to different lines merge automatically. Where both sides changed the
 * same lines, the lines are merged again word by word, so that edits to different sentences of
 * one paragraph still merge; only changes that touch the same words are reported as conflicts.
 * Identical changes on both sides are not conflicts.
 */
export function mergeThreeWay(base: string, mine: string, theirs: string): MergeResult {
  const hunks: MergeHunk[] = [];
  let conflicts = 0;
  const pushText = (text: string): void => {
    const last = hunks[hunks.length - 1];
    if (last?.kind === 'merged') hunks[hunks.length - 1] = { kind: 'merged', text: last.text + text };
    else if (text !== '') hunks.push({ kind: 'merged', text });
  };
  for (const block of merge3(splitLines(mine), splitLines(base), splitLines(theirs))) {
    if (block.ok) {
      pushText(block.ok.join(''));
      continue;
    }
    const { a, o, b } = block.conflict!;
    const wordBlocks = merge3(splitWords(a.join('')), splitWords(o.join('')), splitWords(b.join('')));
    if (wordBlocks.every((inner) => inner.ok)) {
      pushText(wordBlocks.map((inner) => inner.ok!.join('')).join(''));
      continue;
    }
    hunks.push({ kind: 'conflict', base: o.join(''), mine: a.join(''), theirs: b.join('') });
    conflicts++;
  }
  return { hunks, conflicts };
}

/**
 * Writes out a merge with one choice per conflict, in order (`both` keeps mine, then theirs).
 * A missing choice keeps mine, so that the author's words are never dropped by default.
 */
export function resolveMerge(result: MergeResult, choices: readonly ConflictChoice[]): string {
  let index = 0;
  let out = '';
  for (const hunk of result.hunks) {
    if (hunk.kind === 'merged') {
      out += hunk.text;
      continue;
    }
    const choice = choices[index++] ?? 'mine';
    if (choice === 'mine') out += hunk.mine;
    else if (choice === 'theirs') out += hunk.theirs;
    else
      out +=
        hunk.mine.endsWith('\n') || hunk.mine === ''
          ? hunk.mine + hunk.theirs
          : `${hunk.mine}\n${hunk.theirs}`;
  }
  return out;
}
