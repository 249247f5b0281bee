import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLibraryService, type LibraryService } from '../../../electron/library';
import { rewriteLinks } from '../../../electron/library/link-rewrite';
import { useTempDirs, writeFiles } from '../../helpers/temp-dir';

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

describe('rewriting wiki-links when an article moves', () => {
  const library = ['index.md', 'guide.md', 'notes/idea.md', 'notes/other.md', 'archive/idea.md'];

  it('renames bare wiki-links, keeping the label, the heading and embeds', () => {
    const text = 'See [[guide]], [[Guide|the guide]], [[guide#Setup]] and ![[guide.md]].\n';
    const out = rewriteLinks(text, 'index.md', moves('guide.md', 'handbook.md'), 'index.md', library);
    expect(out.text).toBe(
      'See [[handbook]], [[handbook|the guide]], [[handbook#Setup]] and ![[handbook.md]].\n',
    );
    expect(out.changes[1]).toEqual({
      line: 1,
      before: '[[Guide|the guide]]',
      after: '[[handbook|the guide]]',
    });
  });

  it('leaves a bare wiki-link alone when the file only changed folder and the name is still unique', () => {
    const text = '[[guide]]\n';
    expect(rewriteLinks(text, 'index.md', moves('guide.md', 'docs/guide.md'), 'index.md', library)).toEqual({
      text,
      changes: [],
    });
  });

  it('writes the path when the new name would be ambiguous', () => {
    const text = 'Read [[other]].\n';
    const out = rewriteLinks(text, 'index.md', moves('notes/other.md', 'notes/idea.md'), 'index.md', [
      'index.md',
      'notes/other.md',
      'archive/idea.md',
    ]);
    expect(out.text).toBe('Read [[notes/idea]].\n');
  });

  it('rewrites path wiki-links (from the root, or a unique ending) with their heading', () => {
    const text = '[[notes/idea#Why|why]] and [[archive/idea]]\n';
    const out = rewriteLinks(text, 'index.md', moves('notes/idea.md', 'essays/idea.md'), 'index.md', library);
    expect(out.text).toBe('[[essays/idea#Why|why]] and [[archive/idea]]\n');
  });

  it('does not touch an ambiguous bare name, nor wiki-links in code, escaped or in frontmatter', () => {
    const text = [
      '---',
      'related: "[[guide]]"',
      '---',
      '[[idea]] is ambiguous from here; `[[guide]]` is code; \\[[guide]] is escaped.',
      '',
      '```',
      '[[guide]]',
      '```',
      '',
      '    [[guide]]',
      '',
    ].join('\n');
    const out = rewriteLinks(
      text,
      'index.md',
      new Map([
        ['guide.md', 'g.md'],
        ['notes/idea.md', 'n.md'],
      ]),
      'index.md',
      library,
    );
    expect(out).toEqual({ text, changes: [] });
  });

  it('prefers the article beside the linking one when a name is used twice', () => {
    const text = '[[idea]]\n';
    const out = rewriteLinks(
      text,
      'notes/other.md',
      moves('notes/idea.md', 'notes/concept.md'),
      'notes/other.md',
      library,
    );
    expect(out.text).toBe('[[concept]]\n');
  });

  it('fixes the moved article’s own wiki-links when it moves away from a sibling it named', () => {
    const text = 'Back to [[other]].\n';
    const lib = ['notes/idea.md', 'notes/other.md', 'drafts/other.md'];
    const out = rewriteLinks(
      text,
      'notes/idea.md',
      moves('notes/idea.md', 'drafts/idea.md'),
      'drafts/idea.md',
      lib,
    );
    expect(out.text).toBe('Back to [[notes/other]].\n');
  });
});

describe('rewriting links in raw HTML when an article moves', () => {
  it('rewrites a href and img src in block and inline HTML, keeping quotes and fragments', () => {
    const text = [
      '<p><a href="guide.md#setup">Guide</a> <img src=\'guide.md\' alt="x"></p>',
      '',
      'Inline <a class="x" href=guide.md>here</a>.',
      '',
      '> <a',
      '>   href="guide.md">quoted</a>',
      '',
    ].join('\n');
    const out = rewriteLinks(text, 'index.md', moves('guide.md', 'docs/guide.md'));
    expect(out.text).toBe(
      [
        '<p><a href="docs/guide.md#setup">Guide</a> <img src=\'docs/guide.md\' alt="x"></p>',
        '',
        'Inline <a class="x" href=docs/guide.md>here</a>.',
        '',
        '> <a',
        '>   href="docs/guide.md">quoted</a>',
        '',
      ].join('\n'),
    );
    expect(out.changes.map((change) => change.line)).toEqual([1, 1, 3, 6]);
  });

  it('leaves HTML in code, comments, other attributes and external URLs alone', () => {
    const text = [
      '`<a href="guide.md">`',
      '',
      '```html',
      '<a href="guide.md">x</a>',
      '```',
      '',
      '<!-- <a href="guide.md">old</a> -->',
      '<img data-src="guide.md" src="https://example.com/guide.md"> <a title="guide.md" src="guide.md">',
      '',
    ].join('\n');
    expect(rewriteLinks(text, 'index.md', moves('guide.md', 'docs/guide.md'))).toEqual({ text, changes: [] });
  });

  it('re-bases the moved article’s own HTML image paths', () => {
    const text = '<img src="images/a b.png" alt="">\n';
    const out = rewriteLinks(text, 'post.md', moves('post.md', 'blog/post.md'), 'blog/post.md');
    expect(out.text).toBe('<img src="../images/a%20b.png" alt="">\n');
  });
});

describe('moving an article in a library on disk', () => {
  const tempDir = useTempDirs();
  const services: LibraryService[] = [];
  afterEach(async () => {
    await Promise.all(services.splice(0).map((service) => service.close()));
  });

  it('plans and then rewrites wiki-links and raw-HTML links in other articles, not code', async () => {
    const root = await tempDir();
    const files: Record<string, string> = {
      'guide.md': '# Guide\n',
      'index.md':
        '# Home\r\n\r\nSee [[guide|the guide]] and <a href="guide.md">it</a>.\r\n\r\n`[[guide]]`\r\n',
      'notes/more.md': '<img src="../guide.md">\n\n```\n<a href="../guide.md">\n```\n',
    };
    await writeFiles(root, files);
    const service = await createLibraryService({
      root,
      host: { appDataDir: path.join(await tempDir(), 'data') },
      watch: false,
    });
    services.push(service);
    const plan = await service.planMove({ path: 'guide.md', to: 'handbook.md' });
    expect([...plan.files].sort((a, b) => a.path.localeCompare(b.path))).toEqual([
      {
        path: 'index.md',
        changes: [
          { line: 3, before: '[[guide|the guide]]', after: '[[handbook|the guide]]' },
          { line: 3, before: 'guide.md', after: 'handbook.md' },
        ],
      },
      { path: 'notes/more.md', changes: [{ line: 1, before: '../guide.md', after: '../handbook.md' }] },
    ]);
    const result = await service.moveArticle({ path: 'guide.md', to: 'handbook.md' });
    expect([...result.rewritten].sort()).toEqual(['index.md', 'notes/more.md']);
    expect(await readFile(path.join(root, 'index.md'), 'utf8')).toBe(
      '# Home\r\n\r\nSee [[handbook|the guide]] and <a href="handbook.md">it</a>.\r\n\r\n`[[guide]]`\r\n',
    );
    expect(await readFile(path.join(root, 'notes/more.md'), 'utf8')).toBe(
      '<img src="../handbook.md">\n\n```\n<a href="../guide.md">\n```\n',
    );
  });
});
