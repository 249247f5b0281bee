import type { Element, Root } from 'hast';
import type { Plugin } from 'unified';
import { eachElement } from './each-element';

const urlAttributes = ['href', 'src', 'cite', 'longDesc', 'poster', 'action', 'formAction'] as const;

/**
 * True when `url` may appear in the preview or an export: relative paths and fragments, or
 * absolute `http:`, `https:` and `mailto:` URLs. Protocol-relative `//host`, backslashes
 * (UNC and Windows paths) and control characters are refused.
 */
export function isSafeUrl(url: string): boolean {
  // eslint-disable-next-line no-control-regex -- control characters hide schemes from parsers
  if (/[\u0000-\u001f\u007f\\]/.test(url)) return false;
  const trimmed = url.trim();
  if (trimmed.startsWith('//')) return false;
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(trimmed);
  if (!scheme) return !/^[a-zA-Z]:/.test(trimmed);
  return ['http', 'https', 'mailto'].includes(scheme[1]!.toLowerCase());
}

/**
 * Removes every URL attribute that {@link isSafeUrl} refuses, and drops `srcset` outright (its
 * candidates are not checked). Runs after sanitize, as a second, stricter gate.
 */
export function removeUnsafeUrls(tree: Root): void {
  eachElement(tree, (node: Element) => {
    const props = node.properties;
    for (const name of urlAttributes) {
      const value = props[name];
      if (typeof value === 'string' && !isSafeUrl(value)) delete props[name];
    }
    delete props.srcSet;
  });
}

/** The unified plugin form of {@link removeUnsafeUrls}. */
const safeUrls: Plugin<[], Root> = () => removeUnsafeUrls;

export default safeUrls;
