import { spawnSync } from 'node:child_process';
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { metaGet, metaSet, parseCliValue, type MetaOutput } from '../../../electron/cli/meta';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

function capture(): MetaOutput & { out: string; err: string } {
  const sink = {
    out: '',
    err: '',
    write: (t: string) => void (sink.out += t),
    warn: (t: string) => void (sink.err += t),
  };
  return sink;
}

let dir: string;
beforeEach(async () => {
  dir = await tempDir();
  process.env.FOLIO_DATA_DIR = path.join(await tempDir(), 'data');
});

describe('folio meta', () => {
  it('parses values as YAML scalars or flow lists, keeping typed numbers as written', () => {
    expect(parseCliValue('[a, "b c"]')).toEqual(['a', 'b c']);
    expect(parseCliValue('"Hello: world"')).toBe('Hello: world');
    expect(parseCliValue('1.10')).toEqual({ yaml: '1.10' });
    expect(parseCliValue('yes')).toBe('yes');
    expect(() => parseCliValue('{a: 1}')).toThrow(/single value/);
    expect(() => parseCliValue('[a, [b]]')).toThrow(/flow list/);
  });

  it('gets one value or all of them, as text or JSON', async () => {
    const file = path.join(dir, 'a.md');
    await writeFile(file, '---\ntitle: Hello\ntags: [a, b]\nversion: 1.10\n---\nBody\n');
    const text = capture();
    await metaGet(file, 'tags', {}, text);
    expect(text.out).toBe('a\nb\n');
    const version = capture();
    await metaGet(file, 'version', {}, version);
    expect(version.out).toBe('1.10\n');
    const json = capture();
    await metaGet(file, undefined, { json: true }, json);
    expect(JSON.parse(json.out)).toEqual({ title: 'Hello', tags: ['a', 'b'], version: 1.1 });
    await expect(metaGet(file, 'missing', {}, capture())).rejects.toThrow(/no “missing”/);
  });

  it('sets values with minimal edits and the CRLF and comments of the file', async () => {
    const file = path.join(dir, 'a.md');
    await writeFile(file, '---\r\n# keep\r\ntitle: "Old"\r\ntags:\r\n  - a\r\n---\r\nBody\r\n');
    const sink = capture();
    await metaSet(file, ['title=New', 'tags=[a, b]', 'version=1.10'], {}, sink);
    expect(await readFile(file, 'utf8')).toBe(
      '---\r\n# keep\r\ntitle: "New"\r\ntags:\r\n  - a\r\n  - b\r\nversion: 1.10\r\n---\r\nBody\r\n',
    );
    expect(sink.out).toMatch(/Updated a\.md/);
  });

  it('leaves the file untouched on invalid YAML or an unsupported node', async () => {
    const broken = path.join(dir, 'broken.md');
    const bytes = '---\ntitle: a\ntitle: b\n---\nBody\n';
    await writeFile(broken, bytes);
    const before = await stat(broken);
    await expect(metaSet(broken, ['title=x'], {}, capture())).rejects.toThrow(
      /broken\.md:3:1: Duplicate key/,
    );
    const anchored = path.join(dir, 'anchored.md');
    await writeFile(anchored, '---\nbase: &b x\ncopy: *b\n---\n');
    await expect(metaSet(anchored, ['copy=y'], {}, capture())).rejects.toThrow(/alias/);
    expect(await readFile(broken, 'utf8')).toBe(bytes);
    expect((await stat(broken)).mtimeMs).toBe(before.mtimeMs);
    expect(await readFile(anchored, 'utf8')).toBe('---\nbase: &b x\ncopy: *b\n---\n');
  });

  it('exits non-zero from the real command on an error', async () => {
    const file = path.join(dir, 'a.md');
    await writeFile(file, '---\ntitle: [unclosed\n---\n');
    const result = spawnSync(process.execPath, ['bin/folio.js', 'meta', 'set', file, 'title=x'], {
      encoding: 'utf8',
      env: { ...process.env },
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/a\.md:\d+:\d+: Flow sequence/);
    expect(await readFile(file, 'utf8')).toBe('---\ntitle: [unclosed\n---\n');
  });
});
