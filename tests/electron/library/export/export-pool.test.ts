import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportLibraryFolder } from '../../../../electron/library/export';
import { createExportRenderPool } from '../../../../electron/library/export/export-pool';
import type { ExportProgress } from '../../../../shared/export';
import { useTempDirs } from '../../../helpers/temp-dir';

const makeTempDir = useTempDirs();

const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

async function library(root: string, count: number): Promise<void> {
  await mkdir(path.join(root, 'img'), { recursive: true });
  await writeFile(path.join(root, 'img', 'dot.png'), png);
  for (let i = 0; i < count; i++) {
    const folder = path.join(root, `part-${i % 3}`);
    await mkdir(folder, { recursive: true });
    await writeFile(
      path.join(folder, `post-${i}.md`),
      [
        '---',
        `title: Post ${i}`,
        `date: 2024-02-${String((i % 27) + 1).padStart(2, '0')}`,
        '---',
        '',
        `# Post ${i}`,
        '',
        `Text with $x^${i}$ math, a [link](../part-${(i + 1) % 3}/post-${(i + 1) % count}.md#post-${(i + 1) % count}) and ![a dot](../img/dot.png).`,
        '',
        '```ts',
        `const n = ${i};`,
        '```',
        '',
        'Plain end.',
        '',
      ].join('\n'),
    );
  }
}

async function files(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    out.set(path.relative(dir, full), await readFile(full));
  }
  return out;
}

describe('rendering an export in worker threads', () => {
  it('writes exactly the files a single thread writes, and reports every article once', async () => {
    const root = await makeTempDir();
    const out = await makeTempDir();
    await library(root, 12);
    const progress: ExportProgress[] = [];
    const threaded = await exportLibraryFolder(
      { root, outDir: path.join(out, 'threads'), threads: 2, onProgress: (p) => progress.push(p) },
      '',
      { images: 'copy' },
    );
    const single = await exportLibraryFolder({ root, outDir: path.join(out, 'single'), threads: 1 }, '', {
      images: 'copy',
    });
    expect(threaded.written).toEqual(single.written);
    expect(threaded.problems).toEqual(single.problems);
    const a = await files(path.join(out, 'threads'));
    const b = await files(path.join(out, 'single'));
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    for (const [name, bytes] of a) expect(bytes.equals(b.get(name)!), name).toBe(true);

    const rendering = progress.filter((p) => p.phase === 'rendering');
    expect(rendering.map((p) => p.done)).toEqual([...rendering.map((p) => p.done)].sort((x, y) => x - y));
    expect(rendering.at(-1)).toMatchObject({ done: 12, total: 12 });
    expect(progress.at(-1)?.phase).toBe('done');
  }, 120_000);

  it('starts workers only when asked or when the run is big enough', async () => {
    const shared = {
      root: '/',
      images: 'inline' as const,
      css: '',
      mathCss: '',
      highlightCss: '',
      reviewCss: '',
      titleBlock: 'auto' as const,
      toc: false,
      linkArticlesAsHtml: false,
      colorScheme: 'auto' as const,
    };
    expect(createExportRenderPool(shared, { articles: 5 }).threads).toBe(1);
    expect(createExportRenderPool(shared, { articles: 500, threads: 1 }).threads).toBe(1);
    const pool = createExportRenderPool(shared, { articles: 500, threads: 2 });
    expect(pool.threads).toBe(2);
    const results = await Promise.all(
      ['a', 'b', 'c'].map((name) =>
        pool.render({ path: `${name}.md`, text: `# ${name}\n`, output: `${name}.html` }),
      ),
    );
    await pool.close();
    expect(results.map((r) => r.ok && r.html.includes(`<h1 id="${r.path[0]}">`))).toEqual([true, true, true]);
    expect(pool.rendered).toEqual({ inWorkers: 3, inThread: 0 });
  });
});
