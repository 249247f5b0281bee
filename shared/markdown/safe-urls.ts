import type { Element, Root } from 'hast';
import { eachElement } from './each-element';
import { isLocalNetworkUrl } from './local-network-urls';

/** Attributes that only lead somewhere when the reader follows them. */
const linkAttributes = ['href', 'cite', 'longDesc', 'action', 'formAction'] as const;

/**
 * Attributes whose URL the browser loads by itself, as soon as the page opens: every one that
 * any element may carry, whether or not the sanitize schema allows it today, so that a wider
 * schema cannot let one through unchecked. `srcset` is dropped outright (its candidates are not
 * parsed here), so none of its candidates can load either.
 */
const resourceAttributes = ['src', 'poster', 'data', 'background', 'codeBase', 'manifest'] as const;

/** The schemes an URL may have (lower case, without the colon). */
const allowedSchemes: ReadonlySet<string> = new Set(['http', 'https', 'mailto']);

/**
 * A scheme as the WHATWG URL parser reads one: an ASCII letter, then letters, digits, `+`, `-`
 * or `.`, then a colon. Anything else before the first colon (`foo):`, `a b:`) makes the URL
 * relative, as a browser resolves it.
 */
const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/;

/**
 * True when `url` may appear in the preview or an export: relative paths and fragments, or
 * absolute `http:`, `https:` and `mailto:` URLs. A colon makes a scheme only after a valid
 * scheme name (so `foo):` is a relative path, CommonMark example 500). Protocol-relative
 * `//host`, backslashes (UNC and Windows paths), drive letters and control characters are
 * refused.
 */
export function isSafeUrl(url: string): boolean {
  // eslint-disable-next-line no-control-regex -- control characters hide schemes from parsers
  if (/[\u0000-\u001f\u007f\\]/.test(url)) return false;
  const trimmed = url.trim();
  if (trimmed.startsWith('//')) return false;
  const found = scheme.exec(trimmed);
  if (!found) return true;
  if (found[1]!.length === 1) return false;
  return allowedSchemes.has(found[1]!.toLowerCase());
}

/** One resource URL that {@link removeUnsafeUrls} took away because it loads from a local host. */
export interface DroppedResource {
  /** The element's tag name (`img`, `source`, ...). */
  readonly tagName: string;
  /** The attribute as written in HTML (`src`, `poster`, ...). */
  readonly attribute: string;
  /** The URL as the article wrote it. */
  readonly url: string;
  /** 1-based source line of the top-level block holding it, when known. */
  readonly line: number | null;
}

/** What {@link removeUnsafeUrls} leaves in an element's `data` when it drops a local resource. */
interface DroppedData {
  folioDroppedResources?: Omit<DroppedResource, 'line'>[];
}

/**
 * Removes every URL attribute that {@link isSafeUrl} refuses, every resource URL (`src`,
 * `poster`, ...: see `resourceAttributes`) that {@link isLocalNetworkUrl} finds pointing into
 * the reader's machine or network, and `srcset` outright. Links (`href`) to local hosts stay:
 * they load nothing until the reader follows them. Runs after sanitize, as a second, stricter
 * gate. Each resource dropped for its host is noted in its element's `data` (which no HTML
 * shows), for {@link listDroppedResources}.
 */
export function removeUnsafeUrls(tree: Root): void {
  eachElement(tree, (node: Element) => {
    const props = node.properties;
    for (const name of linkAttributes) {
      const value = props[name];
      if (typeof value === 'string' && !isSafeUrl(value)) delete props[name];
    }
    for (const name of resourceAttributes) {
      const value = props[name];
      if (value === undefined || value === null) continue;
      const url = String(value);
      if (isLocalNetworkUrl(url)) {
        delete props[name];
        const data = (node.data ?? {}) as DroppedData;
        const dropped = { tagName: node.tagName, attribute: name.toLowerCase(), url };
        data.folioDroppedResources = [...(data.folioDroppedResources ?? []), dropped];
        node.data = data as Element['data'];
      } else if (!isSafeUrl(url)) {
        delete props[name];
      }
    }
    delete props.srcSet;
  });
}

/**
 * The resources {@link removeUnsafeUrls} dropped from `tree` for their host, in document order,
 * each with the source line of its top-level block (`data-line`).
 */
export function listDroppedResources(tree: Root): DroppedResource[] {
  const found: DroppedResource[] = [];
  for (const child of tree.children) {
    if (child.type !== 'element') continue;
    const line = typeof child.properties.dataLine === 'number' ? child.properties.dataLine : null;
    const note = (element: Element): void => {
      for (const dropped of (element.data as DroppedData | undefined)?.folioDroppedResources ?? []) {
        found.push({ ...dropped, line });
      }
    };
    note(child);
    eachElement(child, (element) => note(element));
  }
  return found;
}
