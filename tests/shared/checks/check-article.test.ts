import { describe, expect, it } from 'vitest';
import { checkArticle, hasErrors, type CheckContext } from '../../../shared/checks';
import { prepareArticle } from '../../../shared/export';

function context(overrides: Partial<CheckContext> = {}): CheckContext {
  const files = new Set(['a.md', 'other.md', 'img/ok.png']);
  return {
    fileExists: (path) => files.has(path),
    anchorsOf: (path) => (path === 'other.md' ? new Set(['user-content-part', 'part']) : null),
    requiredFields: [],
    ...overrides,
  };
}

function codes(markdown: string, ctx = context()): string[] {
  return checkArticle(prepareArticle('a.md', markdown), ctx).map((p) => p.code);
}

describe('checkArticle', () => {
  it('finds nothing wrong with a clean article', () => {
    const md =
      '---\ntitle: Fine\ndescription: Short.\n---\n# Fine\n\n## Part\n\n[x](other.md#part) [y](#part) ![alt](img/ok.png)\n';
    expect(checkArticle(prepareArticle('a.md', md), context())).toEqual([]);
  });

  it('reports a link to an article that does not exist, with its line', () => {
    const problems = checkArticle(prepareArticle('a.md', '# T\n\nSee [gone](gone.md).\n'), context());
    expect(problems).toEqual([
      expect.objectContaining({ code: 'broken-link', severity: 'error', line: 3, path: 'a.md' }),
    ]);
  });

  it('reports links to headings that do not exist, in the article and in another one', () => {
    expect(codes('# T\n\n## Part\n\n[a](#part) [b](#nope) [c](other.md#part) [d](other.md#nope)\n')).toEqual([
      'broken-anchor',
      'broken-anchor',
    ]);
  });

  it('reports each resource dropped for its local host, with its line, and the image once', () => {
    const md = [
      '# T',
      '',
      '![chart](http://localhost:3000/chart.png)',
      '',
      '<p><img src="http://[::ffff:7f00:1]/a" alt="a"> <img src="http://169.254.169.254/latest" alt="b"></p>',
      '',
      '[dev server](http://127.0.0.1:8080/) ![ok](img/ok.png)',
      '',
      '<img alt="raw" src="http://0x7f.1/x">',
    ].join('\n');
    const problems = checkArticle(prepareArticle('a.md', md), context());
    expect(problems.map((p) => [p.code, p.line, p.severity])).toEqual([
      ['local-resource', 3, 'error'],
      ['local-resource', 5, 'error'],
      ['local-resource', 5, 'error'],
      ['local-resource', 9, 'error'],
    ]);
    expect(problems[0]!.message).toContain('http://localhost:3000/chart.png');
    expect(problems[3]!.message).toContain('http://0x7f.1/x');
  });

  it('reports links that climb out of the library', () => {
    expect(codes('# T\n\n[out](../../etc/passwd)\n')).toEqual(['broken-link']);
  });

  it('reports missing images, images outside the library and images without alt text', () => {
    expect(codes('# T\n\n![a](img/missing.png)\n\n![](img/ok.png)\n\n![b](../x.png)\n')).toEqual([
      'missing-image',
      'image-without-alt',
      'image-outside-library',
    ]);
  });

  it('ignores remote images except for their alt text', () => {
    expect(codes('# T\n\n![x](https://example.com/a.png) ![](https://example.com/b.png)\n')).toEqual([
      'image-without-alt',
    ]);
  });

  it('reports skipped heading levels and more than one H1', () => {
    expect(codes('# One\n\n### Skipped\n\n# Two\n')).toEqual(['skipped-heading-level', 'multiple-h1']);
  });

  it('reports required fields missing from the library schema', () => {
    const problems = checkArticle(
      prepareArticle('a.md', '---\ntitle: T\nauthor: ""\n---\n# T\n'),
      context({ requiredFields: ['author', 'date', 'title'] }),
    );
    expect(problems.map((p) => p.message)).toEqual([
      'The field “author” is required by the library schema.',
      'The field “date” is required by the library schema.',
    ]);
    expect(hasErrors(problems)).toBe(true);
  });

  it('reports empty and very long titles and descriptions', () => {
    expect(codes('---\ntitle: ""\ndescription: ""\n---\nText\n')).toEqual([
      'empty-title',
      'empty-description',
    ]);
    expect(codes('Text without a title\n')).toEqual(['empty-title']);
    const long = 'x'.repeat(200);
    expect(codes(`---\ntitle: ${long}\ndescription: ${long}\n---\n# T\n`)).toEqual([
      'long-title',
      'long-description',
    ]);
  });

  it('reports invalid frontmatter as an error', () => {
    const problems = checkArticle(prepareArticle('a.md', '---\ntitle: [unclosed\n---\n# T\n'), context());
    expect(problems[0]).toMatchObject({ code: 'invalid-frontmatter', severity: 'error' });
  });

  it('does not count footnote links as broken anchors', () => {
    expect(codes('# T\n\nText.[^1]\n\n[^1]: Note.\n')).toEqual([]);
  });
});
