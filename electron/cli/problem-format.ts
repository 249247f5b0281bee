import type { ArticleProblem } from '../../shared/checks';

/** One problem as a compiler-style line: `path:line: error: message [code]`. */
export function formatProblem(problem: ArticleProblem): string {
  const where = problem.line ? `${problem.path}:${problem.line}` : problem.path;
  return `${where}: ${problem.severity}: ${problem.message} [${problem.code}]`;
}
