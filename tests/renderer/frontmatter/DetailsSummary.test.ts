import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DetailsSummary } from '../../../renderer/src/frontmatter/DetailsSummary';
import { readFrontmatter } from '../../../shared/frontmatter';

function summaryText(text: string, options: { open?: boolean; problemCount?: number } = {}): string {
  const html = renderToStaticMarkup(
    createElement(DetailsSummary, {
      model: readFrontmatter(text),
      open: options.open ?? false,
      problemCount: options.problemCount ?? 0,
      onShowProblem: () => undefined,
      onAddDetails: () => undefined,
      editable: true,
    }),
  );
  return html
    .replace(/<[^>]+>/g, '|')
    .replace(/\|+/g, '|')
    .replace(/^\||\|$/g, '');
}

describe('the one-line summary of Article details', () => {
  it('gives the title, the status and the first three tags, and counts the rest', () => {
    expect(
      summaryText('---\ntitle: Owls\nstatus: draft\ntags: [a, b, c, d, e]\n---\n', { problemCount: 2 }),
    ).toBe('Owls|Status: |draft|Tags: |a|b|c|+2| more tags|⚠ |2 problems');
  });

  it('reads a title that YAML takes for a number, and says "Untitled" without one', () => {
    expect(summaryText('---\ntitle: 1984\n---\n')).toBe('1984');
    expect(summaryText('---\ntags: one\n---\n')).toBe('Untitled|Tags: |one');
    expect(summaryText('---\ntitle: {a: 1}\n---\n')).toBe('Untitled');
  });

  it('counts the fields instead of the chips while the form is open', () => {
    expect(summaryText('---\ntitle: Owls\nstatus: draft\n---\n', { open: true, problemCount: 1 })).toBe(
      '2 fields|⚠ |1 problem',
    );
  });

  it('offers "+ Add details" without frontmatter, and says what is wrong with broken YAML', () => {
    expect(summaryText('Just text.\n')).toBe('No details yet|+ Add details');
    expect(summaryText('---\ntitle: [\n---\n')).toBe('⚠ |YAML needs fixing');
    expect(summaryText('+++\ntitle = "T"\n+++\n')).toBe('TOML, kept as written');
  });
});
