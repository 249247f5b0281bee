import type { ExportReport } from '../../../shared/export';
import { countOf, pluralWord, words } from '../../../shared/plural';

/** What a screen reader hears when an export ends: how many pages were written. */
export function describeOutcome(report: ExportReport): string {
  const pages = (files: readonly string[]): string => countOf(files.length, words.page);
  if (report.cancelled) {
    return `Export cancelled; ${pages(report.written.filter((f) => f.endsWith('.html')))} written.`;
  }
  const written = report.written.filter((f) => f.endsWith('.html') && f !== 'index.html');
  const problems = report.imageProblems.length;
  const imageProblems = problems > 0 ? `, ${`${problems} image ${pluralWord(problems, words.problem)}`}` : '';
  return `Export done: ${pages(written)} exported${imageProblems}.`;
}
