/** Where a link clicked in the preview leads. */
export type LinkTarget =
  | { readonly kind: 'anchor'; readonly id: string }
  | { readonly kind: 'article'; readonly path: string; readonly fragment: string }
  | { readonly kind: 'external'; readonly url: string; readonly host: string }
  | { readonly kind: 'blocked'; readonly reason: string };

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * Classifies the raw `href` of a preview link, the same rules as the desktop link policy:
 * fragments scroll the preview, relative `.md` links open the article (resolved against
 * `fromArticle` and kept inside the library), `http:`, `https:` and `mailto:` leave Folio after
 * the author confirms, and anything else is refused.
 */
export function linkTarget(href: string, fromArticle: string): LinkTarget {
  const trimmed = href.trim();
  // eslint-disable-next-line no-control-regex -- hidden characters disguise schemes
  if (/[\u0000-\u001f\u007f\\]/.test(trimmed) || trimmed.startsWith('//')) {
    return { kind: 'blocked', reason: 'This link is malformed.' };
  }
  if (trimmed.startsWith('#')) return { kind: 'anchor', id: decode(trimmed.slice(1)) };
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(trimmed)) {
    let url: URL;
    try {
      url = new URL(trimmed);
    } catch {
      return { kind: 'blocked', reason: 'This link is malformed.' };
    }
    if (!['http:', 'https:', 'mailto:'].includes(url.protocol)) {
      return { kind: 'blocked', reason: `Links of type “${url.protocol}” are not opened.` };
    }
    if (url.protocol !== 'mailto:' && !url.hostname)
      return { kind: 'blocked', reason: 'This link has no host.' };
    return { kind: 'external', url: url.href, host: url.protocol === 'mailto:' ? url.pathname : url.host };
  }
  const [pathPart = '', fragment = ''] = trimmed.split('#', 2);
  if (!/\.(md|markdown)$/i.test(decode(pathPart))) {
    return { kind: 'blocked', reason: 'Only links to articles open inside Folio.' };
  }
  const segments = pathPart.startsWith('/') ? [] : fromArticle.split('/').slice(0, -1);
  for (const segment of decode(pathPart).split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (segments.length === 0) return { kind: 'blocked', reason: 'This link leads outside the library.' };
      segments.pop();
    } else segments.push(segment);
  }
  return { kind: 'article', path: segments.join('/'), fragment: decode(fragment) };
}
