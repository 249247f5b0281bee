import type { Element, ElementContent, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { escapeHtml } from './escape';
import { htmlPathOf, isArticlePath, relativeUrl, resolveLink } from './library-links';
import { idPrefix, type ArticleHeading, type PreparedArticle } from './prepare';
import { showsTitleBlock, titleBlockHtml, type TitleBlockMode } from './title-block';

/** How local images are written into an export. */
export type ImageMode = 'inline' | 'copy';

/** Options of {@link buildHtmlDocument}. */
export interface HtmlDocumentOptions {
  /** The whole stylesheet: the article theme, the export theme and any custom CSS, in order. */
  readonly css: string;
  /**
   * Extra stylesheets added only when the article uses them: KaTeX's (for its HTML output; the
   * MathML output needs none), a highlight theme (empty when the article theme colours tokens
   * itself, as the preview's does), and the review marks' (CriticMarkup).
   */
  readonly mathCss?: string;
  readonly highlightCss?: string;
  readonly reviewCss?: string;
  /**
   * New `src` for each local image, keyed by the `src` as rendered (a data URI in inline mode,
   * an `assets/…` URL in copy mode). A local image missing from the map is removed (it was
   * missing or outside the library) and its alt text stays as text.
   */
  readonly images: ReadonlyMap<string, string>;
  /** Copy mode: files beside the HTML may load (CSP `'self'`). Default: `inline`. */
  readonly imageMode?: ImageMode;
  /**
   * Title block above the body (title, description, author, date): `auto` (default) shows it
   * when the frontmatter has a title and the body no H1 of its own, so it never shows twice.
   */
  readonly titleBlock?: TitleBlockMode;
  /** Table of contents of the H2 and H3 headings. Default: false. */
  readonly toc?: boolean;
  /**
   * Library export: links to other articles point to their `.html` export. Default: false
   * (a single export keeps links as written).
   */
  readonly linkArticlesAsHtml?: boolean;
  /** Whether the exported color scheme follows the reader (`auto`, default) or is fixed. */
  readonly colorScheme?: 'auto' | 'light' | 'dark';
}

/**
 * The Content Security Policy of every export: no scripts at all, no plugins, no forms, no
 * base change, nothing fetched but images (and, in copy mode, files beside the page).
 */
export function exportCsp(imageMode: ImageMode): string {
  const self = imageMode === 'copy' ? " 'self'" : '';
  return [
    "default-src 'none'",
    "script-src 'none'",
    "style-src 'unsafe-inline'",
    `img-src data: https: http:${self}`,
    `font-src data:${self}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * Builds one standalone HTML5 document from a prepared article: the preview's body inside
 * `<article class="folio-article">` with the preview's theme, metadata in `<head>` (every
 * value escaped), an optional title block and table of contents, and a CSP without scripts.
 * Pure: images and stylesheets are handed in. Changes `article.body`.
 */
export function buildHtmlDocument(article: PreparedArticle, options: HtmlDocumentOptions): string {
  const { meta } = article;
  finishBody(article, options);
  const hasH1 = article.headings.some((h) => h.depth === 1);
  const titleBlock = showsTitleBlock(options.titleBlock ?? 'auto', meta, hasH1);
  const head: string[] = [
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(exportCsp(options.imageMode ?? 'inline'))}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="color-scheme" content="${options.colorScheme === 'light' ? 'light' : options.colorScheme === 'dark' ? 'dark' : 'light dark'}">`,
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(meta.title)}</title>`,
    '<meta name="generator" content="Folio">',
  ];
  const metaTag = (name: string, content: string | null): void => {
    if (content) head.push(`<meta name="${name}" content="${escapeHtml(content)}">`);
  };
  const property = (name: string, content: string | null): void => {
    if (content) head.push(`<meta property="${name}" content="${escapeHtml(content)}">`);
  };
  metaTag('description', meta.description);
  metaTag('author', meta.authors.join(', ') || null);
  metaTag('keywords', meta.tags.join(', ') || null);
  if (meta.canonical) head.push(`<link rel="canonical" href="${escapeHtml(meta.canonical)}">`);
  property('og:type', 'article');
  property('og:title', meta.title);
  property('og:description', meta.description);
  property('og:url', meta.canonical);
  property('og:image', meta.image);
  property('article:published_time', meta.date);
  property('article:modified_time', meta.updated);
  for (const author of meta.authors) property('article:author', author);
  for (const tag of meta.tags) property('article:tag', tag);
  const styles = [options.css];
  if (article.usesKatexHtml && options.mathCss) styles.push(options.mathCss);
  if (article.usesHighlight && options.highlightCss) styles.push(options.highlightCss);
  if (article.usesCriticMarkup && options.reviewCss) styles.push(options.reviewCss);
  head.push(`<style>\n${styles.map(safeCss).join('\n')}\n</style>`);

  const parts: string[] = [];
  if (titleBlock) parts.push(titleBlockHtml(meta));
  if (options.toc) parts.push(renderToc(article.headings));
  parts.push(toHtml(article.body));
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(meta.lang)}">`,
    '<head>',
    ...head,
    '</head>',
    '<body>',
    `<article class="folio-article">\n${parts.join('\n')}\n</article>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The body of an article as the clipboard and `<article>` get it (no `<head>`). */
export function bodyHtml(article: PreparedArticle, options: Pick<HtmlDocumentOptions, 'images'>): string {
  finishBody(article, { ...options, css: '' });
  return toHtml(article.body);
}

function finishBody(article: PreparedArticle, options: HtmlDocumentOptions): void {
  const anchors = pageAnchors(article);
  const visit = (parent: Root | Element): void => {
    // A new list of children only once an image is replaced or dropped (rare): until then, the
    // children stay where they are.
    const children = parent.children;
    let kept: (Root['children'][number] | ElementContent)[] | null = null;
    for (let index = 0; index < children.length; index++) {
      const child = children[index]!;
      if (child.type !== 'element') {
        kept?.push(child);
        continue;
      }
      delete child.properties.dataLine;
      delete child.properties.dataLineEnd;
      if (child.tagName === 'img') {
        const replacement = rewriteImage(article, child, options);
        if (replacement !== child) kept ??= children.slice(0, index);
        if (replacement) kept?.push(replacement);
        continue;
      }
      if (child.tagName === 'a' && typeof child.properties.href === 'string') {
        child.properties.href = rewriteHref(child.properties.href, options, anchors);
      }
      if (child.tagName === 'input' && child.properties.type === 'checkbox') {
        child.properties.ariaLabel = child.properties.checked ? 'Done' : 'Not done';
      }
      visit(child);
      kept?.push(child);
    }
    if (kept) parent.children = kept as ElementContent[];
  };
  visit(article.body);
  // The preview keeps the footnotes in their own container after the blocks (so that it can
  // patch them separately); the export does the same so that spacing matches to the pixel.
  const body = article.body;
  const index = body.children.findIndex(
    (node) => node.type === 'element' && node.tagName === 'section' && 'dataFootnotes' in node.properties,
  );
  if (index !== -1) {
    const footnotes = body.children[index] as Element;
    body.children.splice(index, 1);
    body.children.push({
      type: 'element',
      tagName: 'div',
      properties: { className: ['folio-footnotes'] },
      children: [footnotes],
    });
  }
}

function rewriteImage(
  article: PreparedArticle,
  img: Element,
  options: HtmlDocumentOptions,
): ElementContent | null {
  const src = typeof img.properties.src === 'string' ? img.properties.src : null;
  const alt = typeof img.properties.alt === 'string' ? img.properties.alt : '';
  if (src !== null) {
    const target = resolveLink(article.path, src);
    if (target.kind === 'external') {
      // Remote images stay remote: nothing is fetched at export time.
      img.properties.alt = alt;
      return img;
    }
    const replaced = options.images.get(src);
    if (replaced !== undefined) {
      img.properties.src = replaced;
      img.properties.alt = alt;
      return img;
    }
  }
  // Missing, outside the library or refused by the pipeline: keep the words, not a broken image.
  return alt ? { type: 'text', value: alt } : null;
}

function rewriteHref(href: string, options: HtmlDocumentOptions, anchors: PageAnchors): string {
  const target = resolveLink(anchors.articlePath, href);
  if (target.kind === 'fragment') return target.fragment ? `#${anchors.resolve(target.fragment)}` : href;
  if (target.kind !== 'library' || !options.linkArticlesAsHtml || !isArticlePath(target.path)) return href;
  const url = relativeUrl(anchors.articlePath, htmlPathOf(target.path));
  // Headings of the other article carry their plain slugs: the fragment reaches them as written.
  return target.fragment ? `${url}#${encodeURIComponent(target.fragment)}` : url;
}

/** Where the in-page links of one article lead (see {@link pageAnchors}). */
interface PageAnchors {
  readonly articlePath: string;
  /** The id a `#fragment` of this page should name. */
  resolve(fragment: string): string;
}

/**
 * In-page links of `article`: `#introduction` stays when a heading has that id (headings carry
 * their plain slugs); a fragment that names an id the article's own HTML gave (`<a
 * name="top">`, which the sanitizer prefixed) is pointed at the prefixed id, as GitHub's page
 * script does, since an export runs no script. The page's ids are collected only when a link
 * needs them.
 */
function pageAnchors(article: PreparedArticle): PageAnchors {
  const headingIds = new Set(article.headings.map((heading) => heading.id));
  let allIds: Set<string> | null = null;
  const collect = (parent: Root | Element, into: Set<string>): Set<string> => {
    for (const child of parent.children) {
      if (child.type !== 'element') continue;
      for (const name of ['id', 'name'] as const) {
        const value = child.properties[name];
        if (typeof value === 'string') into.add(value);
      }
      collect(child, into);
    }
    return into;
  };
  return {
    articlePath: article.path,
    resolve(fragment) {
      if (headingIds.has(fragment) || fragment.startsWith(idPrefix)) return fragment;
      allIds ??= collect(article.body, new Set());
      return !allIds.has(fragment) && allIds.has(idPrefix + fragment) ? idPrefix + fragment : fragment;
    },
  };
}

function renderToc(headings: readonly ArticleHeading[]): string {
  const groups: { heading: ArticleHeading; children: ArticleHeading[] }[] = [];
  for (const heading of headings) {
    if (heading.depth === 3 && groups.length > 0) groups[groups.length - 1]!.children.push(heading);
    else if (heading.depth === 2 || heading.depth === 3) groups.push({ heading, children: [] });
  }
  if (groups.length === 0) return '';
  const link = (h: ArticleHeading): string => `<a href="#${escapeHtml(h.id)}">${escapeHtml(h.text)}</a>`;
  const items = groups.map(({ heading, children }) =>
    children.length
      ? `<li>${link(heading)}\n<ol>\n${children.map((c) => `<li>${link(c)}</li>`).join('\n')}\n</ol>\n</li>`
      : `<li>${link(heading)}</li>`,
  );
  return `<nav class="folio-toc" aria-label="Contents">\n<p class="folio-toc-title">Contents</p>\n<ol>\n${items.join('\n')}\n</ol>\n</nav>`;
}

/** CSS goes inside `<style>`: a `</style` in a custom stylesheet must not end the element. */
function safeCss(css: string): string {
  return css.replace(/<\/(style)/gi, '<\\/$1');
}
