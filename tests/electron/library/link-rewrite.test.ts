import { describe, expect, it } from 'vitest';
import { rewriteLinks } from '../../../electron/library/link-rewrite';

const moves = (from: string, to: string): Map<string, string> => new Map([[from, to]]);

describe('rewriting links when an article moves', () => {
  it('rewrites inline links, images and definitions that point to the moved file', () => {
    const text = [
      'See [the guide](guide.md#setup "Guide") and ![shot](guide.md).',
      '',
      '[ref]: ./guide.md',
      '',
      'Unrelated [link](other.md) and [site](https://example.com/guide.md).',
    ].join('\n');
    const out = rewriteLinks(text, 'index.md', moves('guide.md', 'docs/getting-started.md'));
    expect(out.text).toBe(
      [
        'See [the guide](docs/getting-started.md#setup "Guide") and ![shot](docs/getting-started.md).',
        '',
        '[ref]: docs/getting-started.md',
        '',
        'Unrelated [link](other.md) and [site](https://example.com/guide.md).',
      ].join('\n'),
    );
    expect(out.changes).toEqual([
      { line: 1, before: 'guide.md#setup', after: 'docs/getting-started.md#setup' },
      { line: 1, before: 'guide.md', after: 'docs/getting-started.md' },
      { line: 3, before: './guide.md', after: 'docs/getting-started.md' },
    ]);
  });

  it('leaves links inside code untouched', () => {
    const text = 'Use `[x](guide.md)` like this:\n\n```md\n[x](guide.md)\n```\n\n[real](guide.md)\n';
    const out = rewriteLinks(text, 'a.md', moves('guide.md', 'b/guide.md'));
    expect(out.text).toBe(
      'Use `[x](guide.md)` like this:\n\n```md\n[x](guide.md)\n```\n\n[real](b/guide.md)\n',
    );
  });

  it('climbs out of folders and keeps percent-encoding and angle brackets', () => {
    const text = '[a](../My%20Post.md) [b](<../My Post.md>)';
    const out = rewriteLinks(text, 'notes/x.md', moves('My Post.md', 'archive/2024/My Post.md'));
    expect(out.text).toBe('[a](../archive/2024/My%20Post.md) [b](<../archive/2024/My Post.md>)');
  });

  it('re-bases the moved article’s own relative links and images', () => {
    const text = '![diagram](images/d.png)\n\n[sibling](other.md) [top](https://x.org) [here](#intro)\n';
    const out = rewriteLinks(text, 'post.md', moves('post.md', 'blog/post.md'), 'blog/post.md');
    expect(out.text).toBe(
      '![diagram](../images/d.png)\n\n[sibling](../other.md) [top](https://x.org) [here](#intro)\n',
    );
  });

  it('changes nothing when no link points to the file', () => {
    const text = '# Title\n\n[a](b.md)\n';
    expect(rewriteLinks(text, 'a.md', moves('c.md', 'd.md'))).toEqual({ text, changes: [] });
  });
});
