/**
 * Resolution of the URLs an article writes (`img/a.png`, `../other.md#part`) against the
 * article's own folder, the way the preview resolves them through its `<base>`. Pure string
 * work, so that the export, the checks and the UI agree.
 */

/** What a URL in an article points at. */
export type LinkTarget =
  | { readonly kind: 'external'; readonly url: string }
  | { readonly kind: 'fragment'; readonly fragment: string }
  /** A file of the library; `fragment` is the part after `#`, decoded, or `null`. */
  | { readonly kind: 'library'; readonly path: string; readonly fragment: string | null }
  /** A relative URL that climbs out of the library (`../../x`), or cannot be decoded. */
  | { readonly kind: 'outside'; readonly url: string };

const articleExtension = /\.(md|markdown)$/i;

/** True when a library path names an article (`.md` or `.markdown`). */
export function isArticlePath(path: string): boolean {
  return articleExtension.test(path);
}

/** The export path of an article: the same path with `.html` instead of `.md`. */
export function htmlPathOf(articlePath: string): string {
  return articlePath.replace(articleExtension, '') + '.html';
}

/**
 * Resolves `url`, written in the article at `articlePath` (library-relative, `/`-separated).
 * A leading `/` means the library root. Query strings are ignored for files.
 */
export function resolveLink(articlePath: string, url: string): LinkTarget {
  const trimmed = url.trim();
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(trimmed)) return { kind: 'external', url: trimmed };
  if (trimmed.startsWith('#')) return { kind: 'fragment', fragment: safeDecode(trimmed.slice(1)) ?? '' };
  const hashAt = trimmed.indexOf('#');
  const beforeHash = hashAt === -1 ? trimmed : trimmed.slice(0, hashAt);
  const fragment = hashAt === -1 ? null : (safeDecode(trimmed.slice(hashAt + 1)) ?? '');
  const pathPart = beforeHash.split('?')[0]!;
  if (pathPart === '') return { kind: 'fragment', fragment: fragment ?? '' };
  const base = pathPart.startsWith('/') ? [] : articlePath.split('/').slice(0, -1);
  const segments = [...base];
  for (const raw of pathPart.split('/')) {
    const segment = safeDecode(raw);
    if (segment === null) return { kind: 'outside', url: trimmed };
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (segments.length === 0) return { kind: 'outside', url: trimmed };
      segments.pop();
    } else {
      segments.push(segment);
    }
  }
  if (segments.length === 0) return { kind: 'outside', url: trimmed };
  return { kind: 'library', path: segments.join('/'), fragment };
}

/**
 * The relative URL from the file at `fromPath` to the file at `toPath` (both library paths),
 * with every segment percent-encoded.
 */
export function relativeUrl(fromPath: string, toPath: string): string {
  const from = fromPath.split('/').slice(0, -1);
  const to = toPath.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  const up = from.slice(common).map(() => '..');
  return [...up, ...to.slice(common)].map((s) => (s === '..' ? s : encodeURIComponent(s))).join('/');
}

function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}
