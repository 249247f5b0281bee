import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { countWords } from '../shared/word-scanner';

/**
 * Real Markdown, not generated: the README files of the packages under `node_modules` (written
 * by hundreds of authors, with duplicate link labels, badges in raw HTML, tables, odd fences)
 * and Folio's own docs. The bench and the tests measure and check long documents on these.
 * Deterministic for one `package-lock.json`: files are taken in sorted path order.
 */

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

/** One real document. */
export interface RealDocument {
  /** Where it came from, relative to the checkout. */
  readonly name: string;
  readonly markdown: string;
}

/** Every `README.md` under `node_modules`, sorted by path, identical copies once. */
function packageReadmes(): RealDocument[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && entry.name.toLowerCase() === 'readme.md') found.push(full);
    }
  };
  walk(path.join(root, 'node_modules'));
  found.sort();
  const seen = new Set<string>();
  const documents: RealDocument[] = [];
  for (const file of found) {
    const markdown = readFileSync(file, 'utf8');
    const digest = createHash('sha1').update(markdown).digest('hex');
    if (seen.has(digest)) continue;
    seen.add(digest);
    documents.push({ name: path.relative(root, file), markdown });
  }
  return documents;
}

/** Folio's own Markdown docs: the README and everything in `docs/`. */
function projectDocs(): RealDocument[] {
  const files = [
    'README.md',
    ...readdirSync(path.join(root, 'docs'))
      .filter((name) => name.endsWith('.md'))
      .sort()
      .map((name) => `docs/${name}`),
  ];
  return files.map((name) => ({ name, markdown: readFileSync(path.join(root, name), 'utf8') }));
}

let documentsCache: RealDocument[] | null = null;

/** The real documents one by one: every package README, then Folio's own docs. */
export function realDocuments(): RealDocument[] {
  documentsCache ??= [...packageReadmes(), ...projectDocs()];
  return documentsCache;
}

const sentinel = 'folio-chapter-end-sentinel';

/**
 * Whether a document ends where it ends: nothing it leaves open (a fence, an HTML block, a
 * comment) runs on into what follows. A book is made of such chapters, as an author would
 * assemble one; a chapter that swallows the rest is a case of its own, tested on its own.
 */
function closesItself(markdown: string): boolean {
  const tree = fromMarkdown(`${markdown}\n\n${sentinel}\n`);
  const last = tree.children[tree.children.length - 1];
  return (
    last?.type === 'paragraph' &&
    last.children.length === 1 &&
    last.children[0]!.type === 'text' &&
    last.children[0].value === sentinel
  );
}

const bookCache = new Map<number, string>();

/**
 * One long book made of real chapters: package READMEs in path order, each under a `#` heading
 * naming it and kept as it was written (its own reference definitions, raw HTML, badges), until
 * the book holds at least `minWords` words (default 180,000). Chapters that leave a block open
 * are skipped (see {@link closesItself}).
 */
export function realBook(minWords = 180_000): string {
  const cached = bookCache.get(minWords);
  if (cached !== undefined) return cached;
  const chapters: string[] = [];
  let words = 0;
  for (const document of realDocuments()) {
    if (words >= minWords) break;
    if (!document.name.startsWith('node_modules/')) continue;
    const text = document.markdown.replace(/\r\n?/g, '\n').trimEnd();
    if (!closesItself(text)) continue;
    const name = path.dirname(document.name).slice('node_modules/'.length);
    const chapter = `# Chapter: ${name}\n\n${text}\n`;
    chapters.push(chapter);
    words += countWords(chapter);
  }
  if (words < minWords) throw new Error(`Only ${words} words of real Markdown under node_modules.`);
  const book = `---\ntitle: A book of package READMEs\nstatus: draft\n---\n\n${chapters.join('\n')}`;
  bookCache.set(minWords, book);
  return book;
}

/**
 * The parser for {@link paragraphLinesNear}: the preview pipeline's block syntax (GFM tables and
 * footnote definitions, YAML or TOML frontmatter, math), so that a line it picks is a paragraph
 * in the preview too, not a table row, a note or the frontmatter's last line.
 */
const blockParser = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkFrontmatter, ['yaml', 'toml'])
  .use(remarkMath)
  .freeze();

/** The last lines of the one-line paragraphs among `nodes` (and, with `nested`, inside them). */
function oneLineParagraphs(nodes: readonly Nodes[], nested: boolean, lines: number[] = []): number[] {
  for (const node of nodes) {
    if (node.type === 'paragraph') {
      const { start, end } = node.position!;
      if (node.children[0]?.type === 'text' && start.line === end.line) lines.push(end.line);
    } else if (nested && 'children' in node) oneLineParagraphs(node.children, nested, lines);
  }
  return lines;
}

/**
 * For each of `fractions` (0 to 1), the last line (1-based) of the one-line prose paragraph
 * nearest to that fraction of `markdown`'s lines: places where an author types, found by
 * parsing the text once rather than by guessing at its lines. Any document: with frontmatter or
 * without, `\n`, `\r\n` or `\r` line ends (lines are counted as the editor counts them).
 * Top-level paragraphs are taken when there are any; otherwise those in lists, quotes and notes
 * (a changelog made of headings and lists). Throws when there is none.
 */
export function paragraphLinesNear(markdown: string, fractions: readonly number[]): number[] {
  const tree = blockParser.parse(markdown);
  let lines = oneLineParagraphs(tree.children, false);
  if (lines.length === 0) lines = oneLineParagraphs(tree.children, true);
  if (lines.length === 0) throw new Error('No one-line paragraph in this text.');
  const total = markdown.split(/\r\n|\r|\n/).length;
  return fractions.map((fraction) =>
    lines.reduce((best, line) =>
      Math.abs(line - fraction * total) < Math.abs(best - fraction * total) ? line : best,
    ),
  );
}
