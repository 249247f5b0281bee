import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { decodeArticle } from '../electron/library/article-codec';
import { countWords } from '../shared/word-scanner';
import { paragraphLinesNear, realBook } from './real-documents';

/** The environment variable naming a Markdown file for the benches to measure instead of the real book. */
export const benchBookVariable = 'FOLIO_BENCH_BOOK';

/** The long document that the `render`, `preview-dom` and `export` benches type into and export. */
export interface BenchBook {
  /** What was measured, for the report: the file's absolute path, or the default real book. */
  readonly label: string;
  /** The file as it is on disk (CRLF, BOM and all): what an export and Pandoc read. */
  readonly bytes: Buffer;
  /** The text as the editor holds it: decoded as the app decodes it (`\n` line ends, no BOM). */
  readonly text: string;
  readonly words: number;
}

/**
 * The book the benches measure: the file named by `FOLIO_BENCH_BOOK` when it is set (a relative
 * path is taken from the directory `npm run bench` was started in), otherwise {@link realBook}.
 * Throws a message naming the variable and the file when the file cannot be measured: missing,
 * not a file, empty, binary, not UTF-8, or without a one-line paragraph to type into.
 */
export function benchBook(environment: NodeJS.ProcessEnv = process.env): BenchBook {
  const named = environment[benchBookVariable];
  if (named === undefined || named.trim() === '') {
    const text = realBook();
    return bookOf('the real book of package READMEs (bench/real-documents.ts)', Buffer.from(text), text);
  }
  const file = path.resolve(environment.INIT_CWD ?? process.cwd(), named);
  const fail = (reason: string): never => {
    throw new Error(`${benchBookVariable}=${named}: ${reason} (${file}).`);
  };
  let bytes: Buffer;
  try {
    if (!statSync(file).isFile()) fail('not a file');
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === undefined) throw error;
    return fail(code === 'ENOENT' ? 'no such file' : `cannot read it (${code})`);
  }
  const decoded = decodeArticle(bytes);
  if (decoded.binary) fail('a binary file, not Markdown');
  if (decoded.text === null) fail('not valid UTF-8');
  const text = decoded.text!;
  if (text.trim() === '') fail('the file is empty');
  try {
    paragraphLinesNear(text, [0.5]);
  } catch {
    fail('no one-line paragraph of plain text to type into');
  }
  return bookOf(file, bytes, text);
}

function bookOf(label: string, bytes: Buffer, text: string): BenchBook {
  return { label, bytes, text, words: countWords(text) };
}

/** One line for a bench's report: which book was measured and how long it is. */
export function describeBook(book: BenchBook): string {
  return `book measured: ${book.label} (${book.words.toLocaleString('en')} words, ${book.text.length.toLocaleString('en')} characters)`;
}
