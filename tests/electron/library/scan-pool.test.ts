import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ArticleIndex, type IndexedArticle } from '../../../electron/library/article-index';
import { readFilesInParallel, stopScanWorkers } from '../../../electron/library/scan-pool';
import { seededRandom } from '../../helpers/seeded-random';
import { useTempDirs, writeFiles } from '../../helpers/temp-dir';

const tempDir = useTempDirs();
afterAll(() => stopScanWorkers());

/** A library with every kind of file a scan meets, plus many generated articles. */
async function mixedLibrary(): Promise<string> {
  const root = await tempDir();
  const next = seededRandom(11);
  const words = ['bread', 'river', 'don’t', 'e-mail', 'Здравствуй', '日本語', '𝑥-ray', '3.14', 'café'];
  const files: Record<string, string | Buffer> = {
    'simple.md':
      '---\ntitle: Simple\nstatus: draft\ntags: [a, b]\ndate: 2024-05-01\n---\n# Heading\n\nBody text.\n',
    'complex-yaml.md':
      '---\ntitle: "Escaped \\"quote\\""\nanchor: &a 1\nalias: *a\nnested:\n  deep: [1, 2]\n---\nBody.\n',
    'invalid-yaml.md': '---\ntitle: [unclosed\n---\n# Fallback title\n',
    'toml.md': '+++\ntitle = "Hugo"\ndraft = true\ndate = 2024-01-02T10:00:00+02:00\n+++\nToml body.\n',
    'crlf.md': '---\r\ntitle: Windows\r\n---\r\nLine one.\r\nLine two.\r\n',
    'bom.md': '\ufeff---\ntitle: With BOM\n---\nAfter the BOM.\n',
    'no-frontmatter.md': 'Setext title\n============\n\nPlain note.\n',
    'empty.md': '',
    'binary.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0xff, 0x00]),
    'latin1.md': Buffer.from('---\ntitle: caf\xe9\n---\nna\xefve\n', 'latin1'),
    'deep/er/still/nested name.markdown': '# Nested\n\nUnicode café and 日本語.\n',
    'large.md': `# Large\n\n${'A long paragraph of words, don’t stop. '.repeat(40_000)}\n`,
  };
  for (let i = 0; i < 300; i++) {
    const body = Array.from(
      { length: 20 + Math.floor(next() * 400) },
      () => words[Math.floor(next() * words.length)],
    );
    files[`generated/${i % 7}/article-${i}.md`] =
      `---\ntitle: Article ${i}\ntags: [${words[i % words.length]}]\n---\n\n${body.join(' ')}\n`;
  }
  await writeFiles(root, files);
  return root;
}

/** Everything the index keeps of an article, bodies included, keyed by path. */
function snapshot(index: ArticleIndex): Record<string, Omit<IndexedArticle, never>> {
  const out: Record<string, IndexedArticle> = {};
  for (const entry of index.all()) {
    out[entry.summary.path] = {
      summary: entry.summary,
      hash: entry.hash,
      mtimeMs: entry.mtimeMs,
      size: entry.size,
      body: entry.body,
      head: entry.head,
      data: entry.data,
    };
  }
  return out;
}

/** Worker threads only: this thread hands every batch to them. */
const workersOnly = { workers: 2, minFilesForWorkers: 0, readHere: false } as const;

describe('scanning with worker threads', () => {
  it('lists exactly what a one-thread scan lists, bodies included', async () => {
    const root = await mixedLibrary();
    const alone = new ArticleIndex(root, { workers: 0 });
    const pooled = new ArticleIndex(root, workersOnly);
    const shared = new ArticleIndex(root, { workers: 1, minFilesForWorkers: 0 });
    await Promise.all([alone.scan(), pooled.scan(), shared.scan()]);
    expect(alone.summaries()).toHaveLength(312);
    expect(pooled.summaries()).toEqual(alone.summaries());
    expect(shared.summaries()).toEqual(alone.summaries());
    expect(snapshot(pooled)).toEqual(snapshot(alone));
    expect(snapshot(shared)).toEqual(snapshot(alone));
    expect(pooled.folders()).toEqual(alone.folders());
    expect(pooled.get('latin1.md')!.summary.problems).toEqual(['The file is not valid UTF-8.']);
    expect(pooled.get('crlf.md')!.body).toBe('Line one.\nLine two.\n');
  });

  it('reads every file in the workers when told to, in the order given', async () => {
    const root = await mixedLibrary();
    const files = (await readdir(path.join(root, 'generated', '3'))).map(
      (name) => [`generated/3/${name}`, path.join(root, 'generated', '3', name)] as const,
    );
    const result = await readFilesInParallel(files, { ...workersOnly, pause: async () => {} });
    expect(result.inWorkers).toBe(files.length);
    expect(result.entries.map((entry) => entry?.summary.path)).toEqual(files.map(([relative]) => relative));
  });

  it('reads the batches itself when the workers stop in the middle', async () => {
    const root = await mixedLibrary();
    const files = (await readdir(path.join(root, 'generated', '5'))).map(
      (name) => [`generated/5/${name}`, path.join(root, 'generated', '5', name)] as const,
    );
    const reading = readFilesInParallel(files, { ...workersOnly, pause: async () => {} });
    stopScanWorkers();
    const result = await reading;
    expect(result.entries.every((entry) => entry !== null)).toBe(true);
    expect(result.entries.map((entry) => entry!.summary.path)).toEqual(files.map(([relative]) => relative));
  });

  it('reads the rest itself once it finds the workers get no core of their own', async () => {
    const root = await mixedLibrary();
    const one = (await readdir(path.join(root, 'generated', '2'))).map(
      (name) => [`generated/2/${name}`, path.join(root, 'generated', '2', name)] as const,
    );
    // The same files many times over: this thread still has batches to read when a worker's
    // first one comes back, and judges then.
    const files = Array.from({ length: 60 }, () => one).flat();
    const alone = await readFilesInParallel(one, { workers: 0, pause: async () => {} });
    const expected = Array.from({ length: 60 }, () => alone.entries.map((entry) => entry?.summary)).flat();
    // Workers ready first (they load in the background).
    await readFilesInParallel(one, { ...workersOnly, pause: async () => {} });
    // Worker replies are heard between slices of 16 files, as the scan's time slicer lets them.
    let files16 = 0;
    const pause = (): Promise<void> | null =>
      ++files16 % 16 === 0 ? new Promise((resolve) => setImmediate(resolve)) : null;
    const options = { workers: 1, minFilesForWorkers: 0, judgeCoresAfterMs: 0, pause };
    // No machine gives a scan a hundred cores: the workers are declined after their first batch.
    const declined = await readFilesInParallel(files, { ...options, minCores: 100 });
    const kept = await readFilesInParallel(files, { ...options, minCores: 0 });
    for (const result of [declined, kept]) {
      expect(result.entries.map((entry) => entry?.summary)).toEqual(expected);
    }
    expect(declined.declined).toBe(true);
    expect(kept.declined).toBe(false);
    expect(kept.inWorkers).toBeGreaterThan(0);
  });

  it('re-reads only changed files on a re-scan, whoever read them first', async () => {
    const root = await mixedLibrary();
    const index = new ArticleIndex(root, workersOnly);
    await index.scan();
    const before = index.get('simple.md')!;
    await writeFiles(root, { 'simple.md': '---\ntitle: Changed\n---\nNew body.\n' });
    expect(await index.scan()).toEqual(['simple.md']);
    expect(index.get('simple.md')!.summary.title).toBe('Changed');
    expect(index.get('simple.md')!.body).toBe('New body.\n');
    expect(index.get('simple.md')!.hash).not.toBe(before.hash);
    expect(await index.scan()).toEqual([]);
  });
});
