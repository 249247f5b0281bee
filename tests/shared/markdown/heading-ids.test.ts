import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../shared/markdown';

describe('heading ids', () => {
  it('gives headings plain GitHub slugs, numbering duplicates', () => {
    const html = renderMarkdown('# Intro\n\n## Intro\n\n### Über *uns*!\n\n<h2>Intro</h2>');
    expect(html).toContain('<h1 id="intro"');
    expect(html).toContain('<h2 id="intro-1"');
    expect(html).toContain('<h3 id="über-uns"');
    expect(html).toContain('<h2 id="intro-2"');
  });

  it('leaves in-page links as written, so they reach the plain slugs', () => {
    expect(renderMarkdown('# Intro\n\n[up](#intro)')).toContain('<a href="#intro">up</a>');
  });
});
