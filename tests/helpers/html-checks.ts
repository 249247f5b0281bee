import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { HtmlValidate } from 'html-validate';
import { expect } from 'vitest';
import { isLocalNetworkUrl, isSafeUrl } from '../../shared/markdown';

/** A GitHub slug: no capitals, no punctuation but `-` and `_` (it cannot name a DOM API). */
const slugShape = /^[\p{Ll}\p{Lo}\p{Lm}\p{M}\p{N}_-]+$/u;

// `long-title` judges the author's words, not the markup: Folio's preflight checks warn about
// long titles instead of the export cutting them.
const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: { 'long-title': 'off' },
});

/** Fails the test with every html-validate message (recommended rules) of `html`. */
export async function expectValidHtml(html: string): Promise<void> {
  const report = await validator.validateString(html);
  const messages = report.results.flatMap((r) =>
    r.messages.map((m) => `${m.ruleId} ${m.line}:${m.column} ${m.message}`),
  );
  expect(messages).toEqual([]);
}

/** Every element of a page as a browser would parse it. */
function elementsOf(html: string): Element[] {
  const out: Element[] = [];
  const walk = (node: Root | Element): void => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      out.push(child);
      walk(child);
    }
  };
  walk(fromHtml(html));
  return out;
}

/**
 * What a hostile page must never contain once parsed: scripts, handlers, active elements, bad
 * URLs, resources on local hosts, and ids that are neither prefixed nor a heading's slug.
 */
export function dangerousParts(html: string): string[] {
  const found: string[] = [];
  let styles = 0;
  for (const element of elementsOf(html)) {
    if (
      ['script', 'iframe', 'object', 'embed', 'form', 'base', 'svg', 'noscript', 'frame'].includes(
        element.tagName,
      )
    ) {
      found.push(`<${element.tagName}>`);
    }
    if (element.tagName === 'style' && ++styles > 1) found.push('a second <style>');
    if (
      element.tagName === 'meta' &&
      element.properties.httpEquiv &&
      String(element.properties.httpEquiv).toLowerCase() !== 'content-security-policy'
    ) {
      found.push(`<meta http-equiv=${String(element.properties.httpEquiv)}>`);
    }
    for (const [name, value] of Object.entries(element.properties)) {
      if (/^on/i.test(name)) found.push(`${element.tagName}.${name}`);
      if (['href', 'src', 'action', 'formAction', 'srcSet', 'poster', 'data', 'xLinkHref'].includes(name)) {
        const url = String(value);
        if (!url.startsWith('data:image/') && (!isSafeUrl(url) || url.startsWith('//')))
          found.push(`${element.tagName}.${name}=${url}`);
        if (name !== 'href' && isLocalNetworkUrl(url)) found.push(`${element.tagName}.${name}=${url}`);
      }
      if (name === 'style') found.push(`${element.tagName}.style`);
      const id = String(value);
      const headingSlug = /^h[1-6]$/.test(element.tagName) && slugShape.test(id);
      if (name === 'id' && !id.startsWith('user-content-') && !headingSlug) found.push(`id=${id}`);
    }
  }
  return found;
}
