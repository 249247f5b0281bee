import { describe, expect, it } from 'vitest';
import { headingAnchorId, renderMarkdown } from '../../../shared/markdown';

/** Every id of a rendered page, in order. */
function idsOf(html: string): string[] {
  return [...html.matchAll(/\sid="([^"]*)"/g)].map((match) => match[1]!);
}

describe('heading anchors', () => {
  it('keeps the prefix only on slugs that are empty or already in the prefixed space', () => {
    expect(headingAnchorId('introduction')).toBe('introduction');
    expect(headingAnchorId('')).toBe('user-content-');
    expect(headingAnchorId('user-content-fn-1')).toBe('user-content-user-content-fn-1');
  });

  it('gives footnotes ids that no heading can take, even headings named after them', () => {
    const html = renderMarkdown(
      [
        '# fn 1',
        '## fnref 1',
        '## user content fn 1',
        '## User content fnref 1',
        '## Footnote label',
        '## user-content-footnote-label',
        'A note[^1].',
        '[^1]: The note.',
      ].join('\n\n'),
    );
    const ids = idsOf(html);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([
      'fn-1',
      'fnref-1',
      'user-content-user-content-fn-1',
      'user-content-user-content-fnref-1',
      'footnote-label',
      'user-content-user-content-footnote-label',
      'user-content-fnref-1',
      'user-content-footnote-label',
      'user-content-fn-1',
    ]);
    expect(html).toContain('href="#user-content-fn-1"');
    expect(html).toContain('href="#user-content-fnref-1"');
  });

  it('keeps the prefix on ids written in the article’s HTML, headings included', () => {
    const html = renderMarkdown('<h2 id="body">Raw</h2>\n\n<a name="cookie"></a>\n\n## body');
    expect(html).toContain('<h2 id="user-content-body"');
    expect(html).toContain('name="user-content-cookie"');
    // The author's id lives in the prefixed space: the Markdown heading takes the plain slug.
    expect(html).toContain('<h2 id="body" data-line="5"');
  });

  it('gives hostile heading texts lower-case slugs that cannot name a DOM method', () => {
    const names = ['getElementById', 'addEventListener', 'hasOwnProperty', 'querySelector', 'createElement'];
    const ids = idsOf(renderMarkdown(names.map((name) => `## ${name}`).join('\n\n')));
    expect(ids).toEqual(names.map((name) => name.toLowerCase()));
  });

  it('gives a heading without slug-able text a prefixed id, never an empty one', () => {
    expect(idsOf(renderMarkdown('# !!!\n\n# ???'))).toEqual(['user-content-', '-1']);
  });
});
