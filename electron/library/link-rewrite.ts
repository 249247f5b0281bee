import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { LinkChange } from '../../shared/library-contract';

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
 */
export function rewriteLinks(
  text: string,
  docPath: string,
  moves: ReadonlyMap<string, string>,
  newDocPath: string = docPath,
): RewriteOutcome {
  const oldDir = posixDirname(docPath);
  const newDir = posixDirname(newDocPath);
  if (oldDir === newDir && ![...moves.keys()].some((from) => mentions(text, lastSegment(from)))) {
    return { text, changes: [] };
  }
  const tree = parser.parse(text) as Root;
  const edits: { from: number; to: number; insert: string; line: number }[] = [];
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
  return text.includes(name) || text.includes(encodeURI(name)) || text.includes(encodeURIComponent(name));
}

function lastSegment(relative: string): string {
  const name = relative.slice(relative.lastIndexOf('/') + 1);
  return name.replace(/\.(md|markdown)$/i, '');
}

/** The folder of a library path (`''` for the root). */
export function posixDirname(relative: string): string {
  const at = relative.lastIndexOf('/');
  return at === -1 ? '' : relative.slice(0, at);
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
