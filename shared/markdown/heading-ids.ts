import GithubSlugger, { slug } from 'github-slugger';
import type { Element, Root, RootContent } from 'hast';
import { headingRank } from 'hast-util-heading-rank';
import { toString } from 'hast-util-to-string';
import type { Plugin } from 'unified';
import { eachElement } from './each-element';

/** What the incremental renderer tells this plugin through `file.data`. */
export interface HeadingIdContext {
  /** Texts of the headings before this part of the document, in order (they take slugs first). */
  readonly headingsBefore?: readonly string[];
  /**
   * The slugs the headings before this part took, as a slugger's `occurrences` after them: given
   * instead of `headingsBefore`, so that a caller that renders the same part again and again
   * need not slug every heading before it each time. Copied, never changed.
   */
  readonly slugsBefore?: Readonly<Record<string, number>>;
}

declare module 'vfile' {
  interface DataMap {
    folioHeadings: HeadingIdContext;
    /** Heading texts this render saw, in order (for the incremental renderer). */
    folioHeadingTexts: string[];
  }
}

/**
 * GitHub's slugger (`github-slugger`'s `slug` method, step for step) counting on from the
 * counts of the headings before a part, which it reads without copying: a long article has
 * thousands, and copying them for each keystroke's window cost more than the window.
 */
export class SluggerAfter {
  private readonly own = new Map<string, number>();
  constructor(private readonly before: Readonly<Record<string, number>>) {}

  /** The id of a heading with text `value`, counted as taken. */
  slug(value: string): string {
    let result = slug(value);
    const original = result;
    while (this.has(result)) {
      const count = this.count(original) + 1;
      this.own.set(original, count);
      result = `${original}-${count}`;
    }
    this.own.set(result, 0);
    return result;
  }

  private has(key: string): boolean {
    return this.own.has(key) || Object.hasOwn(this.before, key);
  }

  /** The count of `key` (`NaN` when it has none, as the slugger's `undefined + 1` gives). */
  private count(key: string): number {
    return this.own.get(key) ?? this.before[key] ?? Number.NaN;
  }
}

/**
 * Gives headings GitHub-style ids, exactly as `rehype-slug` does (same slugger, same text),
 * but can start from the headings that come before a re-rendered part of the document, so the
 * incremental renderer numbers duplicates (`intro`, `intro-1`) the same as a full render. The
 * sanitizer adds the `user-content-` prefix afterwards.
 */
const headingIds: Plugin<[], Root> = () => (tree, file) => {
  const slugger = sluggerAfter(file.data.folioHeadings);
  const texts: string[] = [];
  eachElement(tree, (node: Element) => {
    if (headingRank(node) && !node.properties.id) {
      const text = toString(node);
      texts.push(text);
      node.properties.id = slugger.slug(text);
      // The incremental renderer reads which headings took a slug, and from which text.
      node.data = { ...node.data, folioSlugText: text } as Element['data'];
    }
  });
  file.data.folioHeadingTexts = texts;
};

/** A slugger that counts on after the headings before a part (see {@link HeadingIdContext}). */
function sluggerAfter(context: HeadingIdContext | undefined): { slug(value: string): string } {
  if (context?.slugsBefore) return new SluggerAfter(context.slugsBefore);
  const slugger = new GithubSlugger();
  for (const text of context?.headingsBefore ?? []) slugger.slug(text);
  return slugger;
}

/**
 * Slugs again, in order, the headings of `nodes` that {@link headingIds} slugged, from their text
 * as it is now: a window's footnote citations are numbered within it first and given their
 * article's numbers afterwards, and a heading that cites a note takes its id from the number
 * too (`Intro[^b]` is `intro2` when the note is the article's second).
 */
export function slugHeadingsAgain(nodes: readonly RootContent[], context: HeadingIdContext): void {
  const slugger = sluggerAfter(context);
  eachElement({ type: 'root', children: [...nodes] }, (node: Element) => {
    const text = slugTextNow(node);
    if (text !== undefined) node.properties.id = slugger.slug(text);
  });
}

/**
 * The text a heading that {@link headingIds} slugged takes its id from as it is now, kept as its
 * slug text (see {@link slugHeadingsAgain}); `undefined` for any other element.
 */
export function slugTextNow(node: Element): string | undefined {
  if (slugText(node) === undefined) return undefined;
  const text = toString(node);
  node.data = { ...node.data, folioSlugText: text } as Element['data'];
  return text;
}

/** The text {@link headingIds} slugged an element's id from, or `undefined` when it did not. */
export function slugText(node: Element): string | undefined {
  return (node.data as { folioSlugText?: string } | undefined)?.folioSlugText;
}

export default headingIds;
