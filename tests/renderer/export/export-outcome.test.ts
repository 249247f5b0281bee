import { describe, expect, it } from 'vitest';
import type { ExportReport } from '../../../shared/export';
import { describeOutcome } from '../../../renderer/src/export/export-outcome';

function report(overrides: Partial<ExportReport>): ExportReport {
  return {
    outDir: '/tmp/out',
    entry: 'index.html',
    written: [],
    skipped: [],
    drafts: [],
    problems: [],
    imageProblems: [],
    completed: true,
    cancelled: false,
    ...overrides,
  };
}

describe('what an export says when it ends', () => {
  it('counts the article pages written, not the index', () => {
    expect(describeOutcome(report({ written: ['index.html', 'a.html', 'b/c.html', 'assets/x.png'] }))).toBe(
      'Export done: 2 pages exported.',
    );
    expect(describeOutcome(report({ written: ['essay.html'] }))).toBe('Export done: 1 page exported.');
  });

  it('names image problems, and says how far a cancelled export got', () => {
    expect(
      describeOutcome(
        report({
          written: ['a.html'],
          imageProblems: [{ path: 'a.md', src: 'missing.png', message: 'missing.png not found' }],
        }),
      ),
    ).toBe('Export done: 1 page exported, 1 image problem.');
    expect(describeOutcome(report({ cancelled: true, written: ['a.html', 'b.html'] }))).toBe(
      'Export cancelled; 2 pages written.',
    );
  });
});
