import GithubSlugger from 'github-slugger';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { parseFrontmatter } from '../frontmatter';
import {
  clobberPrefix,
  headingAnchorId,
  listDroppedResources,
  renderMarkdownTree,
  type DroppedResource,
  type RenderedTree,
} from '../markdown';
import { resolveLink, type LinkTarget } from './library-links';
import { asParsedFromHtml } from './parsed-body';
import { readExportMetadata, type ExportMetadata } from './metadata';

/**
 * The prefix the sanitizer gives every id and name written in the article's HTML, and footnote
 * ids (DOM clobbering). Headings carry their plain slug (see `headingAnchorId`).
 */
export const idPrefix = clobberPrefix;

/** One heading of the article body. */
export interface ArticleHeading {
  readonly depth: number;
  /** The element id (the plain slug for a generated one), for the table of contents and anchors. */
  readonly id: string;
  readonly text: string;
  /** 1-based source line of the block holding it, when known. */
  readonly line: number | null;
}

/** One `<img>` of the body. */
export interface ArticleImage {
  /** The `src` as rendered (absent when the pipeline refused the URL). */
  readonly src: string | null;
  readonly target: LinkTarget | null;
  readonly alt: string | null;
  readonly line: number | null;
}

/** One `<a href>` of the body. */
export interface ArticleLink {
  readonly href: string;
  readonly target: LinkTarget;
  readonly line: number | null;
}

/** An article rendered by the shared pipeline and analysed for export and checks. */
export interface PreparedArticle {
  /** Library-relative path of the article. */
  readonly path: string;
  readonly meta: ExportMetadata;
  /** Problems with the frontmatter itself (invalid YAML), in words. */
  readonly frontmatterProblems: readonly string[];
  /** The body as the preview shows it (a fresh tree: the document builder changes it). */
  readonly body: Root;
  readonly headings: readonly ArticleHeading[];
  readonly images: readonly ArticleImage[];
  readonly links: readonly ArticleLink[];
  /**
   * Resources (`src`, `poster`, ...) the pipeline dropped because they would load from the
   * reader's own machine or network, with their lines.
   */
  readonly droppedResources: readonly DroppedResource[];
  /** True when KaTeX output is present. */
  readonly usesMath: boolean;
  /** True when KaTeX's HTML output is present: only that needs KaTeX's stylesheet and fonts. */
  readonly usesKatexHtml: boolean;
  /** True when CriticMarkup review marks are shown (their stylesheet is then needed). */
  readonly usesCriticMarkup: boolean;
  /** True when highlight.js classes are present. */
  readonly usesHighlight: boolean;
  /** Frontmatter data, for checks against the library schema. */
  readonly data: Readonly<Record<string, unknown>>;
}

/** Options of {@link prepareArticle}. */
export interface PrepareOptions {
  /**
   * Always read the whole body back from the preview's HTML (default false). By default the
   * body is the pipeline's own tree, with only the top-level nodes that parsing its HTML would
   * give differently parsed again (see {@link renderBody}); the equivalence tests compare both
   * ways.
   */
  readonly reparse?: boolean;
  /**
   * The article already rendered by `renderMarkdownTree` (or its split, multi-threaded form,
   * which gives the same tree), so that it is not rendered again. Ignored with `reparse`.
   */
  readonly rendered?: RenderedTree;
}

/**
 * Renders an article with the preview's own pipeline (`renderMarkdown`) and reads what export
 * and preflight checks need from the result: headings (giving ids to headings that have none,
 * their GitHub slug), images, links, resources dropped for their host and whether math or
 * highlighting was used.
 */
export function prepareArticle(
  path: string,
  markdown: string,
  options: PrepareOptions = {},
): PreparedArticle {
  const frontmatter = parseFrontmatter(markdown);
  const { body, droppedResources } = renderBody(markdown, options.reparse ?? false, options.rendered);
  const headings: ArticleHeading[] = [];
  const images: ArticleImage[] = [];
  const links: ArticleLink[] = [];
  const slugger = new GithubSlugger();

  const walk = (node: Element, line: number | null): void => {
    const depth = /^h([1-6])$/.exec(node.tagName);
    if (depth) {
      const text = textOf(node).trim();
      let id = typeof node.properties.id === 'string' ? node.properties.id : null;
      if (!id) {
        id = headingAnchorId(slugger.slug(text || 'section'));
        node.properties.id = id;
      } else {
        slugger.slug(id.startsWith(idPrefix) ? id.slice(idPrefix.length) : id);
      }
      headings.push({ depth: Number(depth[1]), id, text, line });
    } else if (node.tagName === 'img') {
      const src = typeof node.properties.src === 'string' ? node.properties.src : null;
      const alt = typeof node.properties.alt === 'string' ? node.properties.alt : null;
      images.push({ src, target: src === null ? null : resolveLink(path, src), alt, line });
    } else if (node.tagName === 'a' && typeof node.properties.href === 'string') {
      links.push({ href: node.properties.href, target: resolveLink(path, node.properties.href), line });
    }
    for (const child of node.children) if (child.type === 'element') walk(child, line);
  };

  for (const node of body.children) {
    if (node.type !== 'element') continue;
    walk(node, lineOf(node));
  }
  const firstH1 = headings.find((h) => h.depth === 1) ?? headings[0];
  return {
    path,
    meta: readExportMetadata(frontmatter.data, { heading: firstH1?.text || null, path }),
    frontmatterProblems: frontmatter.problems,
    body,
    headings,
    images,
    links,
    droppedResources,
    ...usedFeatures(body),
    data: frontmatter.data,
  };
}

/**
 * The article body as a hast tree, as if parsed from `renderMarkdown`'s HTML. Parsing that HTML
 * again took a tenth of an export, so the pipeline's tree is used as it is when nothing in it
 * can come out of an HTML parser differently: no raw HTML (parse5 already shaped such a tree,
 * and the sanitizer may have unwrapped elements since) and no carriage return or NUL in any
 * text or attribute (the parser turns CR LF into LF and drops NUL). Otherwise only the top-level
 * nodes not known to come back unchanged are written and parsed again ({@link asParsedFromHtml});
 * with `reparse`, all of the tree's own HTML (`toHtml(tree)` is `renderMarkdown`'s output) is.
 * Either way the article is rendered once.
 */
function renderBody(
  markdown: string,
  reparse: boolean,
  rendered?: RenderedTree,
): { body: Root; droppedResources: DroppedResource[] } {
  const { tree, hadRawHtml } = rendered && !reparse ? rendered : renderMarkdownTree(markdown);
  // Read from the pipeline's tree: the notes of what it dropped are not in its HTML.
  const droppedResources = listDroppedResources(tree);
  if (reparse) return { body: fromHtml(toHtml(tree), { fragment: true }), droppedResources };
  if (!hadRawHtml && !hasParserSensitiveText(tree)) return { body: tree, droppedResources };
  return { body: asParsedFromHtml(tree), droppedResources };
}

function hasParserSensitiveText(node: Root | Element): boolean {
  for (const child of node.children) {
    if (child.type === 'text' || child.type === 'comment') {
      if (/[\r\0]/.test(child.value)) return true;
    } else if (child.type === 'element') {
      const properties = child.properties;
      for (const key in properties) {
        const value = properties[key];
        const text = Array.isArray(value) ? value.join(' ') : value;
        if (typeof text === 'string' && /[\r\0]/.test(text)) return true;
      }
      if (hasParserSensitiveText(child)) return true;
    }
  }
  return false;
}

/** Which optional stylesheets a rendered body needs, read from the class names it carries. */
export function usedFeatures(
  tree: Root,
): Pick<PreparedArticle, 'usesMath' | 'usesKatexHtml' | 'usesHighlight' | 'usesCriticMarkup'> {
  const found = { usesMath: false, usesKatexHtml: false, usesHighlight: false, usesCriticMarkup: false };
  const walk = (node: Root | Element): void => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      // Most elements have no class: nothing to allocate for them.
      if (child.properties.className !== undefined) {
        const classes = classList(child);
        if (classes.some((c) => c === 'katex' || c === 'katex-display')) found.usesMath = true;
        if (classes.includes('katex-html')) found.usesKatexHtml = true;
        if (classes.some((c) => c === 'hljs' || c.startsWith('hljs-'))) found.usesHighlight = true;
        if (classes.includes('critic')) found.usesCriticMarkup = true;
      }
      walk(child);
    }
  };
  walk(tree);
  return found;
}

/** The plain text of a node, as a reader sees it. */
export function textOf(node: Element | Root | RootContent | ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element' || node.type === 'root') return node.children.map(textOf).join('');
  return '';
}

/** The ids a heading link may name: the prefixed id and the bare slug an author writes. */
export function anchorNames(headings: readonly ArticleHeading[]): Set<string> {
  const names = new Set<string>();
  for (const heading of headings) {
    names.add(heading.id);
    if (heading.id.startsWith(idPrefix)) names.add(heading.id.slice(idPrefix.length));
  }
  return names;
}

function classList(node: Element): string[] {
  const value = node.properties.className;
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' ? (value as string).split(/\s+/) : [];
}

function lineOf(node: Element): number | null {
  const line = Number(node.properties.dataLine);
  return Number.isInteger(line) && line > 0 ? line : null;
}
