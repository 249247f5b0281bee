import type { ExportReport } from '../../../shared/export';

/** What a screen reader hears when an export ends: how many pages were written. */
export function describeOutcome(report: ExportReport): string {
  const pages = (files: readonly string[]): string =>
    `${files.length} ${files.length === 1 ? 'page' : 'pages'}`;
  if (report.cancelled) {
    return `Export cancelled; ${pages(report.written.filter((f) => f.endsWith('.html')))} written.`;
  }
  const written = report.written.filter((f) => f.endsWith('.html') && f !== 'index.html');
  const problems = report.imageProblems.length;
  return `Export done: ${pages(written)} exported${problems > 0 ? `, ${problems} image ${problems === 1 ? 'problem' : 'problems'}` : ''}.`;
}
