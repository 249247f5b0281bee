import { statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { entryFromKeptBytes, type IndexedArticle } from '../../../electron/library/article-entry';
import { listingFromStart } from '../../../electron/library/listing-from-start';
import { readArticleSync, readEntry } from '../../../electron/library/read-article';
import { ReadBuffer } from '../../../electron/library/read-buffer';
import { ScanReader } from '../../../electron/library/scan-reader';
import { randomArticle } from '../../helpers/random-article';
import { useTempDirs, writeFiles } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

describe('reading an article for the listing', () => {
  it('lists every article from its start exactly as from its whole text, or reads the whole', async () => {
    const root = await tempDir();
    const files: Record<string, Buffer> = {};
    for (let seed = 0; seed < 800; seed++) files[`article-${seed}.md`] = randomArticle(seed);
    await writeFiles(root, files);
    const view = (entry: IndexedArticle): IndexedArticle => ({
      summary: entry.summary,
      hash: entry.hash,
      mtimeMs: entry.mtimeMs,
      size: entry.size,
      head: entry.head,
      data: entry.data,
      body: entry.body,
    });
    const workerPlace = { spaceFor: () => null, buffer: new ReadBuffer(), own: (text: string) => text };
    let fromStart = 0;
    for (const [name, bytes] of Object.entries(files)) {
      const absolute = path.join(root, name);
      const info = statSync(absolute);
      // The watcher's read decodes the whole text, always.
      const whole = view(await readEntry(name, absolute, info));
      expect(view(new ScanReader().read(name, absolute)!), name).toEqual(whole);
      // As a scan worker reads it: no own copies, into its reused buffer.
      const sent = readArticleSync(name, absolute, workerPlace)!;
      const kept = sent.readable && sent.bytes ? new Uint8Array(sent.bytes) : null;
      expect(view(entryFromKeptBytes(sent.fields, sent.bodyFrom, kept)), name).toEqual(whole);
      const start = listingFromStart(name, bytes, info);
      if (!start) continue;
      fromStart++;
      expect({ ...start.fields, hash: whole.hash }, name).toEqual({ ...whole, body: undefined });
      expect(start.bodyFrom, name).toBe(whole.head.length);
    }
    // Both ways are taken: most articles list from their start, the odd ones from the whole.
    expect(fromStart).toBeGreaterThan(300);
    expect(fromStart).toBeLessThan(780);
  });
});
