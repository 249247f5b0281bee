export {
  acceptAll,
  hasCriticMarkup,
  parseCriticMarkup,
  rejectAll,
  resolveAll,
  resolveMark,
  type CriticDecision,
  type CriticKind,
  type CriticMark,
  type TextChange,
} from './critic-markup';
export { default as remarkCriticMarkup } from './remark-critic-markup';
export {
  mergeThreeWay,
  resolveMerge,
  type ConflictChoice,
  type MergeHunk,
  type MergeResult,
} from './three-way-merge';
export {
  criticMarkupFromDiff,
  diffAsCriticMarkup,
  diffStats,
  wordDiff,
  type DiffPart,
  type DiffSide,
  type DiffStats,
  type WordDiffOptions,
} from './word-diff';
