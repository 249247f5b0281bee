/** What to do with a link the author clicked. */
export type LinkDecision =
  | { readonly kind: 'external'; readonly url: string; readonly host: string }
  | { readonly kind: 'article'; readonly path: string; readonly fragment: string }
  | { readonly kind: 'blocked'; readonly reason: string };

const externalProtocols = new Set(['http:', 'https:', 'mailto:']);

/**
 * The one link policy. `http:`, `https:` and `mailto:` go to the system browser (after the
 * caller asks the author, showing the host); relative links to `.md` files open in Folio,
 * resolved against the current article and confined to the library; everything else is blocked.
 */
export function classifyLink(href: string, fromArticle = ''): LinkDecision {
  const trimmed = href.trim();
  // eslint-disable-next-line no-control-regex -- hidden characters disguise schemes
  if (/[\u0000-\u001f\u007f\\]/.test(trimmed) || trimmed.startsWith('//')) {
    return { kind: 'blocked', reason: 'This link is malformed.' };
  }
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(trimmed)) {
    let url: URL;
    try {
      url = new URL(trimmed);
    } catch {
      return { kind: 'blocked', reason: 'This link is malformed.' };
    }
    if (!externalProtocols.has(url.protocol)) {
      return { kind: 'blocked', reason: `Links of type “${url.protocol}” are not opened.` };
    }
    if (url.protocol !== 'mailto:' && !url.hostname) {
      return { kind: 'blocked', reason: 'This link has no host.' };
    }
    const host = url.protocol === 'mailto:' ? url.pathname : url.host;
    return { kind: 'external', url: url.href, host };
  }
  const [pathPart = '', fragment = ''] = trimmed.split('#', 2);
  if (!/\.(md|markdown)$/i.test(decodeSafe(pathPart))) {
    return { kind: 'blocked', reason: 'Only links to articles open inside Folio.' };
  }
  const base = fromArticle.includes('/') ? fromArticle.slice(0, fromArticle.lastIndexOf('/')).split('/') : [];
  const segments = pathPart.startsWith('/') ? [] : [...base];
  for (const segment of decodeSafe(pathPart).split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (segments.length === 0) return { kind: 'blocked', reason: 'This link leads outside the library.' };
      segments.pop();
    } else segments.push(segment);
  }
  return { kind: 'article', path: segments.join('/'), fragment };
}

function decodeSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
