/**
 * Joins rendered chunks (chunk-render.ts) into the tree the whole article renders to: heading
 * ids in article order, footnote citations renumbered across chunks, one footnotes section.
 */
import GithubSlugger from 'github-slugger';
import type { Element, Root as HastRoot, RootContent as HastContent } from 'hast';
import { sanitize } from 'hast-util-sanitize';
import { toString } from 'hast-util-to-string';
import { neededStubs } from './definitions';
import { footnoteSection, renumberFootnoteLinks } from './footnotes';
import type { RenderedTree } from './pipeline';
import { afterSanitize } from './after-sanitize';
import { clobberPrefix, headingAnchorId } from './heading-anchors';
import { slugText, slugTextNow } from './heading-ids';
import { sanitizeSchema } from './sanitize-schema';
import type { ChunkPlan, FootnotesGuess } from './chunk-plan';
import { dropPositions, renderChunk, type ChunkDefinition, type ChunkResult } from './chunk-render';
import { repairCuts } from './chunk-repair';

/**
 * Joins rendered chunks into the safe tree `renderMarkdownTree` gives for the whole article, or
 * `null` when a chunk reported a problem or the definitions do not line up (a definition stub
 * that was not a definition, one that was missed, a footnote defined twice), or when a heading
 * whose text the sanitizer changed cites a note whose number changes: the caller then renders
 * the article in one piece. Footnote citations are renumbered across chunks (the incremental
 * renderer's code), heading ids are given in article order with one slugger, from the numbers
 * of the notes they cite, and the footnotes section is rendered once from every note and
 * sanitized.
 */
export function joinChunks(
  plan: ChunkPlan,
  results: readonly ChunkResult[],
  footnotesGuess: HastContent[] | null = null,
): RenderedTree | null {
  if (results.length !== plan.chunks.length || results.some((result) => result.problem !== null)) return null;
  const real = new Map<string, ChunkDefinition>();
  for (const def of results.flatMap((result) => result.defs)) {
    if (!plan.stubLabels.has(def.label)) return null;
    // The first definition of a link label wins, later ones are ignored (the chunks were given
    // the earlier ones first); a footnote defined twice is left to a whole render.
    if (real.has(def.key)) {
      if (def.key[0] === 'F') return null;
      continue;
    }
    real.set(def.key, def);
  }
  for (const def of results.flatMap((result) => result.appended)) {
    const known = real.get(def.key);
    if (!known || known.label !== def.label || (def.key[0] === 'L' && known.content !== def.content))
      return null;
  }

  const hadRawHtml = results.some((result) => result.hadRawHtml);
  const children: HastContent[] = [];
  const slugger = new GithubSlugger();
  const before: string[] = [];
  // Whether a chunk before rendered a node, after which the pipeline writes a line break.
  let produced = false;
  for (const result of results) {
    const links: Element[] = [];
    const headings: Element[] = [];
    // The text each heading that cites a note shows before its citations are renumbered.
    const citing = new Map<Element, string>();
    const walk = (nodes: readonly HastContent[], heading: Element | undefined): void => {
      for (const node of nodes) {
        if (node.type !== 'element') continue;
        const slugged = slugText(node) !== undefined;
        if (slugged) headings.push(node);
        if (node.tagName === 'a' && 'dataFootnoteRef' in node.properties) {
          links.push(node);
          if (heading && !citing.has(heading)) citing.set(heading, toString(heading));
        }
        walk(node.children, slugged ? node : heading);
      }
    };
    walk(result.nodes, undefined);
    const ids = links.map((link) => link.properties.id);
    const renumbered = renumberFootnoteLinks(links, result.refs, before);
    for (const heading of headings) {
      let text = slugText(heading)!;
      // A heading that cites a note takes its id from the note's number in the article, which
      // the chunk did not know (see slugHeadingsAgain). The chunk is sanitized already: the text
      // it shows is the one it was slugged from only when the sanitizer took nothing out of it.
      const shown = citing.get(heading);
      if (renumbered && shown !== undefined && toString(heading) !== shown) {
        if (shown !== text) return null;
        text = slugTextNow(heading)!;
      }
      heading.properties.id = headingAnchorId(slugger.slug(text));
    }
    // The renumbering writes ids as the pipeline does before sanitizing: prefix them as it would.
    links.forEach((link, index) => {
      if (link.properties.id !== ids[index]) link.properties.id = clobberPrefix + String(link.properties.id);
    });
    before.push(...result.refs);
    if (!result.produced) continue;
    if (produced) children.push({ type: 'text', value: '\n' });
    children.push(...result.nodes);
    produced = true;
  }
  const sources = results.flatMap((result) => result.footnoteSources);
  const linkStubs = [...real.values()].filter((def) => def.key[0] === 'L').map((def) => def.stub);
  // The section rendered from the guess is the one these inputs give when they are the same.
  const guess = plan.footnotes;
  if (
    footnotesGuess &&
    guess &&
    sameList(guess.refs, before) &&
    sameList(guess.sources, sources) &&
    neededStubs(sources.join('\n\n'), linkStubs).length === 0
  ) {
    children.push({ type: 'text', value: '\n' }, ...footnotesGuess);
    return { tree: { type: 'root', children }, hadRawHtml };
  }
  const section = footnoteSection(before, sources, linkStubs);
  if (section) {
    const safe = sanitize({ type: 'root', children: [section] }, sanitizeSchema) as HastRoot;
    afterSanitize(safe);
    children.push({ type: 'text', value: '\n' }, ...safe.children);
  }
  return { tree: { type: 'root', children }, hadRawHtml };
}

/**
 * The footnotes section from a plan's guess, sanitized: plain data for a worker to send back.
 * `null` without a guess or when nothing is cited.
 */
export function renderFootnotesGuess(guess: FootnotesGuess | null): HastContent[] | null {
  if (!guess) return null;
  const section = footnoteSection(guess.refs, guess.sources, []);
  if (!section) return null;
  dropPositions(section);
  const safe = sanitize({ type: 'root', children: [section] }, sanitizeSchema) as HastRoot;
  afterSanitize(safe);
  return safe.children;
}

/**
 * The whole {@link renderChunk}, {@link repairCuts} and {@link joinChunks} round in this thread
 * (tests, fallbacks).
 */
export function renderChunksInThread(plan: ChunkPlan): RenderedTree | null {
  const repaired = repairCuts(plan, plan.chunks.map(renderChunk));
  if (!repaired) return null;
  return joinChunks(repaired.plan, repaired.results, renderFootnotesGuess(plan.footnotes));
}

/** Whether two lists hold the same strings in the same order. */
function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}
