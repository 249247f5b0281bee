import { describe, expect, it } from 'vitest';
import { ArticleIndex } from '../../../electron/library/article-index';
import { useTempDirs, writeFiles } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

describe('the article index', () => {
  it('shares one walk between callers that ask while a scan runs, and walks again afterwards', async () => {
    const root = await tempDir();
    await writeFiles(root, { 'a.md': '# A\n', 'notes/b.md': '# B\n' });
    const index = new ArticleIndex(root);
    const first = index.scan();
    const second = index.scan();
    expect(second).toBe(first);
    expect(await first).toEqual(['a.md', 'notes/b.md']);
    await writeFiles(root, { 'c.md': '# C\n' });
    const third = index.scan();
    expect(third).not.toBe(first);
    expect(await third).toEqual(['c.md']);
    expect(index.summaries().map((a) => a.title)).toEqual(['A', 'C', 'B']);
  });
});
