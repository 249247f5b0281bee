import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../shared/markdown';

describe('heading ids', () => {
  it('gives headings GitHub slugs with the user-content prefix, numbering duplicates', () => {
    const html = renderMarkdown('# Intro\n\n## Intro\n\n### Über *uns*!\n\n<h2>Intro</h2>');
    expect(html).toContain('<h1 id="user-content-intro"');
    expect(html).toContain('<h2 id="user-content-intro-1"');
    expect(html).toContain('<h3 id="user-content-über-uns"');
    expect(html).toContain('<h2 id="user-content-intro-2"');
  });

  it('points in-page links at the prefixed ids', () => {
    expect(renderMarkdown('# Intro\n\n[up](#intro)')).toContain('<a href="#user-content-intro">up</a>');
  });
});
