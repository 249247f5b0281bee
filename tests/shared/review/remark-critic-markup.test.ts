import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../shared/markdown';

describe('CriticMarkup in the preview', () => {
  it('renders insertions, deletions, substitutions, highlights and comments', () => {
    const html = renderMarkdown('A {++new **bold**++} {--old--} {~~a~>b~~} {==hi==}{>>note<<}\n');
    expect(html).toContain('<ins class="critic critic-ins">new <strong>bold</strong></ins>');
    expect(html).toContain('<del class="critic critic-del">old</del>');
    expect(html).toContain('<del class="critic critic-del">a</del><ins class="critic critic-ins">b</ins>');
    expect(html).toContain(
      '<mark class="critic critic-mark">hi</mark><span class="critic critic-comment">note</span>',
    );
  });

  it('leaves marks inside code, nested marks and unclosed marks as text', () => {
    const html = renderMarkdown('`{++code++}` x {++a {--b--} c++} y {++open\n\n    {--block--}\n');
    expect(html).toContain('<code>{++code++}</code>');
    expect(html).toContain('x {++a {--b--} c++} y {++open');
    expect(html).toMatch(/<pre[^>]*><code>{--block--}\n<\/code><\/pre>/);
    expect(html).not.toContain('<ins');
  });

  it('reads marks in text split over several nodes or written with character references', () => {
    // The check that skips text without `{`, `}` or `~>` looks at the parsed text, not the source.
    const html = renderMarkdown('A &#123;++new++&#125; and {~~old~>*new*~~} end\n');
    expect(html).toContain('<ins class="critic critic-ins">new</ins>');
    expect(html).toContain(
      '<del class="critic critic-del">old</del><ins class="critic critic-ins"><em>new</em></ins>',
    );
  });

  it('sanitizes what a mark contains and keeps only critic classes', () => {
    const html = renderMarkdown(
      '{++<img src=x onerror=alert(1)>++} <del class="critic-del evil" onclick="x">raw</del> <mark style="x">m</mark>\n',
    );
    expect(html).not.toMatch(/onerror|onclick|style=|evil/);
    expect(html).toContain('<del class="critic-del">raw</del>');
    expect(html).toContain('<mark>m</mark>');
  });
});
