import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { benchBook, describeBook } from '../../bench/bench-book';

let temp: string;

beforeEach(async () => {
  temp = await mkdtemp(path.join(os.tmpdir(), 'folio-bench-book-'));
});

afterEach(async () => {
  await rm(temp, { recursive: true, force: true });
});

describe('benchBook', () => {
  it('measures the named file, with the text as the editor holds it and the bytes as on disk', async () => {
    const bytes = Buffer.from('\uFEFF---\r\ntitle: Mine\r\n---\r\n\r\nOne line of prose.\r\n', 'utf8');
    await writeFile(path.join(temp, 'mine.md'), bytes);
    const book = benchBook({ FOLIO_BENCH_BOOK: path.join(temp, 'mine.md') });
    expect(book.label).toBe(path.join(temp, 'mine.md'));
    expect(book.bytes.equals(bytes)).toBe(true);
    expect(book.text).toBe('---\ntitle: Mine\n---\n\nOne line of prose.\n');
    expect(describeBook(book)).toContain(path.join(temp, 'mine.md'));
  });

  it('takes a relative path from the directory the bench was started in', async () => {
    await mkdir(path.join(temp, 'docs'));
    await writeFile(path.join(temp, 'docs', 'long.md'), 'Some prose.\n');
    const book = benchBook({ FOLIO_BENCH_BOOK: 'docs/long.md', INIT_CWD: temp });
    expect(book.label).toBe(path.join(temp, 'docs', 'long.md'));
    expect(book.text).toBe('Some prose.\n');
  });

  it.each([
    ['a missing file', 'missing.md', null, 'no such file'],
    ['a folder', 'folder', 'folder', 'not a file'],
    ['an empty file', 'empty.md', Buffer.from(' \n\n'), 'the file is empty'],
    ['a binary file', 'image.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]), 'a binary file'],
    ['a file that is not UTF-8', 'latin1.md', Buffer.from('Caf\xe9 au lait.\n', 'latin1'), 'not valid UTF-8'],
    [
      'a file with nothing to type into',
      'code.md',
      Buffer.from('# Title\n\n```\ncode\n```\n'),
      'no one-line paragraph',
    ],
  ])('refuses %s with a message naming the variable and the file', async (_, name, content, reason) => {
    const file = path.join(temp, name);
    if (content === 'folder') await mkdir(file);
    else if (content !== null) await writeFile(file, content);
    expect(() => benchBook({ FOLIO_BENCH_BOOK: file })).toThrow(`FOLIO_BENCH_BOOK=${file}: ${reason}`);
  });
});
