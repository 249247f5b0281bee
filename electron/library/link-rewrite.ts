import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { LinkChange } from '../../shared/library-contract';
import { posixDirname } from './paths';

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).freeze();

/** An inline link or image destination at the end of a node's source: `](dest "title")`. */
const inlineDestination =
  /\]\(\s*(<[^>\n]*>|[^\s)]*(?:\([^\s)]*\)[^\s)]*)*)(\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)$/;
/** A definition's destination: `[label]: dest "title"`. */
const definitionDestination = /^(\s*\[[^\]]*\]:\s*)(<[^>\n]*>|\S+)/;

/** The outcome of rewriting one article's links. */
export interface RewriteOutcome {
  readonly text: string;
  readonly changes: LinkChange[];
}

/**
 * Rewrites the relative links and image paths in `text` (the article at `docPath`) so that
 * those pointing to a moved file follow it. `moves` maps old library paths to new ones; when the
 * article itself moved, pass its new path as `newDocPath` so that its own relative links are
 * re-based too. Code spans, code blocks and external URLs are never touched; each destination
 * keeps its `#fragment`, `?query`, title and `<...>` form. Links are found with remark so that
 * nothing inside code is mistaken for a link.
 *
 * Also rewritten: wiki-links (`[[name]]`, `[[name|label]]`, `[[folder/name#heading]]`, embeds
 * `![[...]]`) that resolve to a moved file, resolved as Obsidian and Zettlr do (by name anywhere
 * in the library, or by path), which is why `articles` (every article path before the move)
 * matters: a bare name stays bare while it still names one article, and becomes a path when it
 * would be ambiguous; and `href` of `<a>` and `src` of `<img>`/`<source>` in raw HTML.
 */
export function rewriteLinks(
  text: string,
  docPath: string,
  moves: ReadonlyMap<string, string>,
  newDocPath: string = docPath,
  articles: readonly string[] = [...new Set([...moves.keys(), docPath])],
): RewriteOutcome {
  const oldDir = posixDirname(docPath);
  const newDir = posixDirname(newDocPath);
  if (oldDir === newDir && ![...moves.keys()].some((from) => mentions(text, lastSegment(from)))) {
    return { text, changes: [] };
  }
  const tree = parser.parse(text) as Root;
  const edits: { from: number; to: number; insert: string; line: number }[] = [];
  // Code, raw HTML and frontmatter are not Markdown text: wiki-links are not looked for there.
  const opaque: [number, number][] = [];
  const quotes: [number, number][] = [];
  visit(tree, 'blockquote', (node) => {
    quotes.push([node.position?.start.offset ?? 0, node.position?.end.offset ?? 0]);
  });
  visit(tree, ['code', 'inlineCode', 'html', 'yaml', 'toml'], (node) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    opaque.push([start, end]);
    if (node.type === 'html') {
      const depth = quotes.filter(([from, to]) => start >= from && start < to).length;
      for (const edit of htmlLinkEdits(text, start, end, depth, oldDir, newDir, moves)) edits.push(edit);
    }
  });
  const wiki = {
    docPath,
    newDocPath,
    moves,
    before: articles,
    after: articles.map((p) => moves.get(p) ?? p),
  };
  for (const edit of wikiLinkEdits(text, opaque, wiki)) edits.push(edit);
  visit(tree, ['link', 'image', 'definition'], (node) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    const source = text.slice(start, end);
    let destFrom: number;
    let raw: string;
    if (node.type === 'definition') {
      const match = definitionDestination.exec(source);
      if (!match) return;
      destFrom = start + match[1]!.length;
      raw = match[2]!;
    } else {
      const match = inlineDestination.exec(source);
      if (!match) return; // reference-style link: its definition is rewritten instead
      raw = match[1]!;
      destFrom = start + match.index + source.slice(match.index).indexOf(raw, 2);
    }
    const next = rewriteDestination(raw, oldDir, newDir, moves);
    if (next !== null && next !== raw) {
      edits.push({
        from: destFrom,
        to: destFrom + raw.length,
        insert: next,
        line: node.position!.start.line,
      });
    }
  });
  if (edits.length === 0) return { text, changes: [] };
  edits.sort((a, b) => a.from - b.from);
  const changes: LinkChange[] = [];
  let out = '';
  let last = 0;
  for (const edit of edits) {
    if (edit.from < last) continue;
    out += text.slice(last, edit.from) + edit.insert;
    last = edit.to;
    changes.push({ line: edit.line, before: text.slice(edit.from, edit.to), after: edit.insert });
  }
  return { text: out + text.slice(last), changes };
}

interface Edit {
  readonly from: number;
  readonly to: number;
  readonly insert: string;
  readonly line: number;
}

interface WikiContext {
  readonly docPath: string;
  readonly newDocPath: string;
  readonly moves: ReadonlyMap<string, string>;
  /** Every article path before the move, and the same list after it. */
  readonly before: readonly string[];
  readonly after: readonly string[];
}

/** `[[target#heading|label]]`; the target holds no brackets, pipes, hashes or line breaks. */
const wikiLink = /\[\[([^[\]|#\n]+)(#[^[\]|\n]*)?(\|[^[\]\n]*)?\]\]/g;

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) line++;
  return line;
}

/** Edits for the wiki-links outside `opaque` ranges that resolve to a moved file. */
function wikiLinkEdits(text: string, opaque: readonly [number, number][], wiki: WikiContext): Edit[] {
  if (!text.includes('[[')) return [];
  const edits: Edit[] = [];
  for (const match of text.matchAll(wikiLink)) {
    const from = match.index;
    if (text[from - 1] === '\\') continue; // `\[[x]]` is escaped text
    if (opaque.some(([start, end]) => from >= start && from < end)) continue;
    const target = match[1]!;
    const resolved = resolveWikiTarget(target, wiki.docPath, wiki.before);
    if (resolved === null) continue;
    const movedTo = wiki.moves.get(resolved) ?? resolved;
    // Still right after the move (a bare name of a file that only changed folder): keep it.
    if (resolveWikiTarget(target, wiki.newDocPath, wiki.after) === movedTo) continue;
    const next = newWikiTarget(target, movedTo, wiki);
    if (next === null || next === target) continue;
    // The whole link is the edit, so that the plan shows `[[old|label]]` → `[[new|label]]`.
    const whole = match[0];
    edits.push({
      from,
      to: from + whole.length,
      insert: `[[${next}${whole.slice(2 + target.length)}`,
      line: lineAt(text, from),
    });
  }
  return edits;
}

const articleExt = /\.(md|markdown)$/i;

/**
 * The article a wiki-link target names, or `null` when it names none or several: a path
 * (`folder/name`) is looked up from the library root, then from the article's folder, then as
 * the unique path ending so; a bare name is the article of that name in the article's folder,
 * else the only one in the library. Case is ignored; the extension is optional.
 */
export function resolveWikiTarget(
  target: string,
  docPath: string,
  articles: readonly string[],
): string | null {
  const wanted = target.trim().replace(articleExt, '').toLowerCase();
  if (!wanted) return null;
  const bare = (p: string) => p.replace(articleExt, '').toLowerCase();
  if (wanted.includes('/')) {
    const exact = articles.find((p) => bare(p) === wanted);
    if (exact) return exact;
    const fromDoc = posixNormalize(`${posixDirname(docPath)}/${wanted}`);
    const relative = fromDoc === null ? undefined : articles.find((p) => bare(p) === fromDoc);
    if (relative) return relative;
    const ending = articles.filter((p) => bare(p).endsWith(`/${wanted}`));
    return ending.length === 1 ? ending[0]! : null;
  }
  const named = articles.filter((p) => bare(p.slice(p.lastIndexOf('/') + 1)) === wanted);
  if (named.length <= 1) return named[0] ?? null;
  const here = posixDirname(docPath);
  const sibling = named.filter((p) => posixDirname(p) === here);
  return sibling.length === 1 ? sibling[0]! : null;
}

/**
 * The new target text for a wiki-link whose file is now at `movedTo`: the bare new name when it
 * names that file unambiguously (and the link was bare), else the path from the library root;
 * the `.md` extension is kept only when the link had one.
 */
function newWikiTarget(target: string, movedTo: string, wiki: WikiContext): string | null {
  const keepExt = articleExt.test(target.trim());
  const withoutExt = keepExt ? movedTo : movedTo.replace(articleExt, '');
  const candidates = target.includes('/')
    ? [withoutExt]
    : [withoutExt.slice(withoutExt.lastIndexOf('/') + 1), withoutExt];
  for (const candidate of candidates) {
    if (resolveWikiTarget(candidate, wiki.newDocPath, wiki.after) === movedTo) return candidate;
  }
  return null;
}

/** An `<a>`, `<img>` or `<source>` start tag; quoted attribute values may hold `>`. */
const htmlTag = /<(a|img|source)\b((?:[^>"']|"[^"]*"|'[^']*')*)>/gi;
/** One `href`/`src` attribute inside a tag's attribute text. */
const htmlUrlAttribute = /(\s)(href|src)(\s*=\s*)(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi;
const htmlComment = /<!--[\s\S]*?(?:-->|$)/g;

/**
 * Edits for `href` (on `<a>`) and `src` (on `<img>`, `<source>`) in one raw-HTML node, found in
 * the source text (so that a node inside a blockquote keeps its offsets) with comments skipped.
 * Hand-written rather than parsed with parse5: start-tag attribute syntax is regular, and a
 * parser would not map offsets through the `> ` prefixes of a quoted block.
 */
function htmlLinkEdits(
  text: string,
  start: number,
  end: number,
  quoteDepth: number,
  oldDir: string,
  newDir: string,
  moves: ReadonlyMap<string, string>,
): Edit[] {
  const source = maskQuoteMarkers(text.slice(start, end), quoteDepth);
  const comments = [...source.matchAll(htmlComment)].map((m) => [m.index, m.index + m[0].length] as const);
  const edits: Edit[] = [];
  for (const tag of source.matchAll(htmlTag)) {
    if (comments.some(([from, to]) => tag.index >= from && tag.index < to)) continue;
    const element = tag[1]!.toLowerCase();
    const attributesAt = tag.index + 1 + tag[1]!.length;
    for (const attribute of tag[2]!.matchAll(htmlUrlAttribute)) {
      const name = attribute[2]!.toLowerCase();
      if ((name === 'href') !== (element === 'a')) continue;
      const value = attribute[4] ?? attribute[5] ?? attribute[6] ?? '';
      // Entities would need decoding to compare paths; such values are left as written.
      if (!value || value.includes('&')) continue;
      const quote = attribute[4] !== undefined || attribute[5] !== undefined ? 1 : 0;
      const valueAt =
        start +
        attributesAt +
        attribute.index +
        attribute[1]!.length +
        name.length +
        attribute[3]!.length +
        quote;
      const next = rewriteDestination(value, oldDir, newDir, moves);
      if (next === null || next === value) continue;
      const safe = quote
        ? next.replace(/"/g, '%22').replace(/'/g, '%27')
        : next.replace(/[\s"'=<>`]/g, encodeURIComponent);
      edits.push({ from: valueAt, to: valueAt + value.length, insert: safe, line: lineAt(text, valueAt) });
    }
  }
  return edits;
}

/**
 * Blanks the `>` markers that a blockquote puts at the start of each continuation line, so that
 * an HTML tag spanning lines inside a quote is not cut short; offsets stay the same.
 */
function maskQuoteMarkers(source: string, depth: number): string {
  if (depth === 0) return source;
  return source.replace(/\n([ \t]*>)+/g, (run) => {
    let left = depth;
    return run.replace(/>/g, (marker) => (left-- > 0 ? ' ' : marker));
  });
}

/**
 * The new form of one destination, or `null` to leave it: external URLs, absolute paths,
 * pure fragments and links to files that did not move (when the article stayed put) are kept.
 */
function rewriteDestination(
  raw: string,
  oldDir: string,
  newDir: string,
  moves: ReadonlyMap<string, string>,
): string | null {
  const angle = raw.startsWith('<') && raw.endsWith('>');
  const inner = angle ? raw.slice(1, -1) : raw;
  if (!inner || inner.startsWith('#') || inner.startsWith('/') || /^[a-z][a-z0-9+.-]*:/i.test(inner))
    return null;
  const cut = inner.search(/[?#]/);
  const pathPart = cut === -1 ? inner : inner.slice(0, cut);
  const suffix = cut === -1 ? '' : inner.slice(cut);
  let decoded: string;
  try {
    decoded = decodeURI(pathPart);
  } catch {
    decoded = pathPart;
  }
  const target = posixNormalize(oldDir ? `${oldDir}/${decoded}` : decoded);
  if (target === null) return null;
  const movedTo = moves.get(target);
  if (movedTo === undefined && oldDir === newDir) return null;
  const relative = posixRelative(newDir, movedTo ?? target);
  const encoded = angle ? relative : encodePath(relative, pathPart !== decoded);
  const result = `${encoded}${suffix}`;
  return angle ? `<${result}>` : result;
}

/** Encodes what a bare Markdown destination cannot hold (spaces, parentheses, `<>`). */
function encodePath(value: string, wasEncoded: boolean): string {
  const encoded = value.replace(/[ <>()]/g, (char) =>
    encodeURIComponent(char).replace('(', '%28').replace(')', '%29'),
  );
  return wasEncoded ? encodeURI(value).replace(/[()]/g, (c) => (c === '(' ? '%28' : '%29')) : encoded;
}

/** Cheap pre-check before parsing: does the text mention the name at all (plain or encoded)? */
function mentions(text: string, name: string): boolean {
  // Case-insensitive: wiki-links ignore case (`[[Guide]]` names guide.md).
  const lower = text.toLowerCase();
  return [name, encodeURI(name), encodeURIComponent(name)].some((form) => lower.includes(form.toLowerCase()));
}

function lastSegment(relative: string): string {
  const name = relative.slice(relative.lastIndexOf('/') + 1);
  return name.replace(/\.(md|markdown)$/i, '');
}

/** Resolves `.` and `..`; `null` when the path climbs above the library root. */
function posixNormalize(value: string): string | null {
  const out: string[] = [];
  for (const segment of value.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (out.length === 0) return null;
      out.pop();
    } else out.push(segment);
  }
  return out.join('/');
}

/** The relative path from folder `fromDir` to library path `to`. */
function posixRelative(fromDir: string, to: string): string {
  const from = fromDir ? fromDir.split('/') : [];
  const target = to.split('/');
  let common = 0;
  while (common < from.length && common < target.length - 1 && from[common] === target[common]) common++;
  const up = from.length - common;
  return [...Array<string>(up).fill('..'), ...target.slice(common)].join('/');
}
