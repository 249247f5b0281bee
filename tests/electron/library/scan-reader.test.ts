import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { IndexedArticle } from '../../../electron/library/article-entry';
import { hashBytes } from '../../../electron/library/article-codec';
import { readEntry } from '../../../electron/library/read-article';
import { ScanReader } from '../../../electron/library/scan-reader';
import { useTempDirs, writeFiles } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

/** Live JS heap after a full collection. */
function liveHeap(): number {
  v8.setFlagsFromString('--expose-gc');
  (vm.runInNewContext('gc') as () => void)();
  return process.memoryUsage().heapUsed;
}

describe('reading articles for a scan on the scanning thread', () => {
  it('keeps the text out of the JS heap: no title, tag or value holds on to the whole text', async () => {
    const root = await tempDir();
    const files: Record<string, string> = {};
    for (let i = 0; i < 20; i++) {
      // Long values (V8 copies strings under 13 characters anyway) from a 600 KB text.
      files[`big-${i}.md`] =
        `---\ntitle: A title long enough to be a slice ${i}\ntags: [a-long-tag-name-${i}, another-long-tag-${i}]\n` +
        `date: 2024-05-01T10:00:00+02:00\nsummary: "A quoted summary that is long enough"\n---\n` +
        `# Heading\n\nAn excerpt paragraph that is also long enough to be sliced.\n\n${'Words of the body. '.repeat(32_000)}\n`;
    }
    await writeFiles(root, files);
    const textBytes = Object.values(files).reduce((sum, text) => sum + text.length, 0);
    const before = liveHeap();
    const reader = new ScanReader();
    const entries: IndexedArticle[] = [];
    for (const name of Object.keys(files)) entries.push(reader.read(name, path.join(root, name))!);
    const held = liveHeap() - before;
    expect(held).toBeLessThan(textBytes / 10);
    // Everything is still there, and the body comes back from the bytes.
    expect(entries[3]!.summary.title).toBe('A title long enough to be a slice 3');
    expect(entries[3]!.summary.tags).toEqual(['a-long-tag-name-3', 'another-long-tag-3']);
    expect(entries[3]!.data).toMatchObject({ summary: 'A quoted summary that is long enough' });
    expect(entries[3]!.summary.excerpt).toBe('An excerpt paragraph that is also long enough to be sliced.');
    expect(entries[3]!.body.startsWith('# Heading\n\nAn excerpt')).toBe(true);
    expect(entries[3]!.body.length).toBe(files['big-3.md']!.length - entries[3]!.head.length);
  });

  it('hashes exactly the bytes it read, when first asked, even after the file changed', async () => {
    const root = await tempDir();
    const file = path.join(root, 'a.md');
    await writeFiles(root, { 'a.md': '\ufeff---\r\ntitle: Hashed\r\n---\r\nBody.\r\n' });
    const read = readFileSync(file);
    const entry = new ScanReader().read('a.md', file)!;
    writeFileSync(file, '# Changed since\n');
    expect(entry.hash).toBe(hashBytes(read));
    expect(entry.hash).toBe(entry.hash);
    expect(entry.summary.title).toBe('Hashed');
    // The same hash as the watcher's read of the same bytes.
    writeFileSync(file, read);
    const refreshed = await readEntry('a.md', file, { size: read.length, mtime: new Date(), mtimeMs: 0 });
    expect(refreshed.hash).toBe(entry.hash);
    expect(refreshed.body).toBe(entry.body);
  });

  it('keeps nothing of the files when it only lists: the same fields, no body and no hash', async () => {
    const root = await tempDir();
    const files = {
      'start.md': '---\ntitle: From the start\ntags: [a]\n---\nFirst paragraph.\n',
      'whole.md': '---\r\ntitle: Decoded whole\r\n---\r\nCRLF body.\r\n',
    };
    await writeFiles(root, files);
    const keeping = new ScanReader();
    const listing = new ScanReader({ keepBytes: false });
    for (const name of Object.keys(files)) {
      const kept = keeping.read(name, path.join(root, name))!;
      const listed = listing.read(name, path.join(root, name))!;
      expect(listed.summary, name).toEqual(kept.summary);
      expect([listed.head, listed.data, listed.size], name).toEqual([kept.head, kept.data, kept.size]);
      expect(kept.body, name).not.toBe('');
      expect([listed.body, listed.hash], name).toEqual(['', null]);
    }
  });
});
