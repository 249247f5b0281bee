import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast';
import { sanitize } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import type { Nodes as MdastNodes, Root as MdastRoot, RootContent as MdastContent } from 'mdast';
import { normalizeUri } from 'micromark-util-sanitize-uri';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import GithubSlugger from 'github-slugger';
import { definitionsOf, sameDefinitions, winnerChanges, type Definition } from './definitions';
import { plainFenceSource, unclosedFrontmatterFence } from './frontmatter-fence';
import type { HeadingIdContext } from './heading-ids';
import { capNesting } from './nesting-cap';
import { unsafeTreeProcessor } from './pipeline';
import { afterSanitize } from './after-sanitize';
import { sanitizeSchema } from './sanitize-schema';

/** One change to the text, in the coordinates of the text before any of the changes. */
export interface TextChange {
  readonly from: number;
  readonly to: number;
  readonly insert: string;
}

/** The HTML of one preview block (one or more top-level elements rendered together). */
export interface BlockHtml {
  /**
   * Stable identity while the block's HTML (source lines aside) is unchanged, whole renders
   * included; new blocks get new keys.
   */
  readonly key: number;
  /** First and last source line (1-based) of the block. */
  readonly line: number;
  readonly lineEnd: number;
  readonly html: string;
}

/**
 * What changed in the preview: replace `deleteCount` blocks at `start` with `blocks`, move the
 * source lines of every later block by `lineDelta`, and replace the footnotes section when
 * `footer` is a string (`''`: no footnotes).
 */
export interface RenderPatch {
  readonly start: number;
  readonly deleteCount: number;
  readonly blocks: readonly BlockHtml[];
  readonly lineDelta: number;
  readonly footer?: string;
  /**
   * With `footer`, when only some notes' text changed: their new `<li>` items, by element id,
   * so that a preview can replace just those instead of the whole section.
   */
  readonly footnotes?: readonly { readonly id: string; readonly html: string }[];
  /** True when the whole article was rendered again. */
  readonly full: boolean;
  /**
   * How many source blocks (units: a block, or blocks that raw HTML couples) were parsed and
   * rendered again for this patch: the work it took, for benches and tests.
   */
  readonly rendered: number;
}

interface Unit {
  key: number;
  /** Offset of the start of the unit's first line. */
  from: number;
  /** Offset of the end of the unit's last line (before its line break). */
  to: number;
  line: number;
  lineEnd: number;
  /** Whether remark-rehype writes something for it (definitions and frontmatter write nothing). */
  produces: boolean;
  /** HTML around the source-line attributes of its top-level elements. */
  segments: string[];
  /** Source lines of those elements, relative to `line`. */
  rels: [number, number][];
  /** Link and footnote definitions inside it, in source order. */
  defs: Definition[];
  /** Markdown that defines the same labels, to parse other parts of the article against. */
  stubs: string[];
  footnoteRefs: string[];
  /** Source of its top-level footnote definitions, to render the footnotes section alone. */
  footnoteSources: string[];
  /** Whether it holds a footnote definition inside a container (a quote, a list). */
  nestedFootnotes: boolean;
  headings: string[];
  headingIds: string[];
}

/** What the units before a window tell it (see {@link IncrementalRenderer.contextBefore}). */
interface ContextBefore {
  readonly stubs: readonly string[];
  readonly headings: readonly string[];
  /** The heading slugger's occurrences after `headings`. */
  readonly slugs: Readonly<Record<string, number>>;
  readonly footnoteRefs: readonly string[];
}

interface Block {
  from: number;
  to: number;
  line: number;
  lineEnd: number;
  node: MdastContent;
  htmlDepth: number;
  /**
   * The tags of its raw HTML in order (`+div`, `-div`), without void and self-closing ones;
   * `null` when some `<` starts no well-formed tag, comment or text (see {@link htmlTags}).
   */
  tags: string[] | null;
}

/**
 * Thrown while rendering a window when its blocks would not render as they do in the whole
 * article; {@link IncrementalRenderer.edit} then widens the window and tries again.
 *
 * - `start`: the first block depends on what comes before it (no blank line before it, raw
 *   HTML or parser-made text at its edge): take in units before the window.
 * - `end`: the last block runs on or may run on into what follows (raw HTML left open, a list
 *   that now continues, a heading slug that moved the slugs after it): take in units after
 *   it, through `throughUnit` when given.
 * - `all`: the window changed something the whole article depends on (which definition a
 *   label resolves to, the order of footnote citations): render everything once. The next
 *   edit starts from a small window again.
 *
 * Each retry at least doubles the number of units added on the side it widens, so a window
 * reaches any size in a logarithmic number of attempts.
 */
class WindowMismatch extends Error {
  constructor(
    readonly widen: 'start' | 'end' | 'all',
    readonly throughUnit?: number,
    /** The window's last block ran to its end over the blocks after it (an unclosed fence). */
    readonly swallowed = false,
  ) {
    super('window does not line up');
  }
}

const voidElements = new Set(
  'area base br col embed hr img input link meta param source track wbr'.split(' '),
);
const linePlaceholder = ' data-line="0" data-line-end="0"';

/**
 * Renders an article block by block and keeps the result, so that a keystroke re-renders only
 * the blocks around the edit. The output of {@link html} is byte-identical to
 * `renderMarkdown(text)`. It re-parses a window of blocks around each edit with the article's
 * link and footnote definitions (the first definition of a label wins), heading slugs and
 * footnote numbers as context, and widens the window when the blocks around it would parse
 * differently (an unclosed fence or `<!--`, a list that now continues, raw HTML left open; see
 * {@link WindowMismatch}). Blocks that raw HTML couples are kept together as one unit. A
 * change to which definition a label resolves to, or to the order of footnote citations,
 * renders everything once; the next edit is incremental again.
 */
export class IncrementalRenderer {
  private text = '';
  private units: Unit[] = [];
  private footer = '';
  private nextKey = 1;
  /**
   * The whole HTML when the units could not reproduce it (raw HTML leaving text outside every
   * block at the article's edges): the next edit renders everything again.
   */
  private exact: string | null = null;
  /** Whether the footnotes section holds headings (their ids follow every body heading's). */
  private footerHasHeadings = false;
  /** How many units the last edit rendered again (all of them for a whole render). */
  private lastRendered = 0;
  /**
   * Changes whenever a unit's definitions stubs, headings or citations change: what the units
   * before or after a window tell it is cached (see {@link contextBefore}) until then.
   */
  private contextVersion = 0;
  private beforeCache: { version: number; unit: Unit; context: ContextBefore } | null = null;
  private afterCache: { version: number; unit: Unit | undefined; stubs: string[] } | null = null;
  /** An unclosed frontmatter fence on line 1: the article is parsed as a plain document. */
  private plainFence: '---' | '+++' | null = null;

  /** Renders `text` from scratch. */
  reset(text: string): RenderPatch {
    const deleteCount = this.units.length;
    const old = this.units;
    this.text = text;
    this.renderAll();
    this.keepKeys(old);
    return {
      start: 0,
      deleteCount,
      blocks: this.units.map((unit) => this.blockHtml(unit)),
      lineDelta: 0,
      footer: this.footer,
      full: true,
      rendered: this.units.length,
    };
  }

  /** Applies `changes` (sorted, non-overlapping, in the previous text's coordinates). */
  edit(changes: readonly TextChange[]): RenderPatch {
    if (changes.length === 0)
      return { start: 0, deleteCount: 0, blocks: [], lineDelta: 0, full: false, rendered: 0 };
    const old = this.text;
    let next = '';
    let cursor = 0;
    let lineDelta = 0;
    for (const change of changes) {
      next += old.slice(cursor, change.from) + change.insert;
      lineDelta += countLines(change.insert) - countLines(old.slice(change.from, change.to));
      cursor = change.to;
    }
    next += old.slice(cursor);
    this.text = next;
    const fromA = changes[0]!.from;
    const toA = changes[changes.length - 1]!.to;
    const delta = next.length - old.length;
    if (this.exact !== null || this.units.length === 0) return this.fullPatch();
    // Closing or opening the frontmatter changes how the whole article parses. An edit after a
    // closed frontmatter block cannot (and looking for its fence reads the whole text).
    const head = this.units[0];
    const pastFrontmatter =
      this.plainFence === null &&
      head !== undefined &&
      !head.produces &&
      /^(---|\+\+\+)/.test(old) &&
      fromA > head.to + 1;
    if (!pastFrontmatter && this.plainFence !== unclosedFrontmatterFence(next)) return this.fullPatch();

    let first = this.units.findIndex((unit) => unit.to >= fromA);
    if (first === -1) first = this.units.length;
    let last = -1;
    for (let index = this.units.length - 1; index >= 0; index--) {
      if (this.units[index]!.from <= toA) {
        last = index;
        break;
      }
    }
    let start = Math.max(0, Math.min(first, last + 1) - 1);
    let end = Math.min(this.units.length, Math.max(last, first) + 2);
    for (;;) {
      try {
        return this.renderWindow(start, end, delta, lineDelta);
      } catch (error) {
        if (!(error instanceof WindowMismatch)) throw error;
        if (error.widen === 'all') return this.fullPatch();
        if (error.widen === 'start') {
          start = Math.max(0, start - Math.max(1, end - start));
          if (start === 0 && end === this.units.length) return this.fullPatch();
          continue;
        }
        // A block that swallows the rest of the article swallows its definitions too (or, parsed
        // as a window, the definitions appended to it): the window to the end would only fail
        // after parsing most of the article, so render it all at once.
        if (
          error.swallowed &&
          (this.units.slice(start).some((unit) => unit.defs.length > 0) ||
            this.units.slice(0, start).some((unit) => unit.stubs.length > 0))
        ) {
          return this.fullPatch();
        }
        if (end === this.units.length) return this.fullPatch();
        const through = error.throughUnit ?? end + Math.max(1, end - start) - 1;
        end = Math.min(this.units.length, Math.max(end + 1, through + 1));
        if (start === 0 && end === this.units.length) return this.fullPatch();
      }
    }
  }

  /** The whole article's HTML, byte-identical to `renderMarkdown` of the same text. */
  html(): string {
    if (this.exact !== null) return this.exact;
    const body = this.units
      .filter((unit) => unit.produces)
      .map((unit) => this.unitHtml(unit))
      .join('\n');
    return this.footer ? `${body}\n${this.footer}` : body;
  }

  /** The current text. */
  source(): string {
    return this.text;
  }

  /** How many units the last call of {@link edit} or {@link reset} rendered again. */
  renderedUnits(): number {
    return this.lastRendered;
  }

  private fullPatch(): RenderPatch {
    const deleteCount = this.units.length;
    const old = this.units;
    this.renderAll();
    this.keepKeys(old);
    return {
      start: 0,
      deleteCount,
      blocks: this.units.map((unit) => this.blockHtml(unit)),
      lineDelta: 0,
      footer: this.footer,
      full: true,
      rendered: this.units.length,
    };
  }

  /**
   * Gives the units of a whole render the keys of `old` units whose HTML is the same (in order,
   * for repeated blocks), so a preview keeps the DOM of every block a whole render left as it was.
   */
  private keepKeys(old: readonly Unit[]): void {
    const keys = new Map<string, number[]>();
    for (const unit of old) {
      const html = this.unitHtml(unit, 0);
      const list = keys.get(html);
      if (list) list.push(unit.key);
      else keys.set(html, [unit.key]);
    }
    for (const unit of this.units) {
      const key = keys.get(this.unitHtml(unit, 0))?.shift();
      if (key !== undefined) unit.key = key;
    }
  }

  private renderAll(): void {
    this.plainFence = unclosedFrontmatterFence(this.text);
    const rendered = this.renderRange(0, this.text.length, 1, [], [], {}, [], true);
    this.units = rendered.units;
    this.footer = rendered.footer;
    this.footerHasHeadings = rendered.footerHasHeadings;
    this.exact = null;
    if (rendered.irregular || this.html() !== rendered.exact) this.exact = rendered.exact;
    this.lastRendered = this.units.length;
    this.contextVersion++;
  }

  /**
   * What the units before `units[start]` tell a window starting there, cached by the unit just
   * before the window: it stays while typing in the window replaces the window's own units.
   */
  private contextBefore(start: number): ContextBefore {
    const unit = this.units[start - 1]!;
    const cached = this.beforeCache;
    if (cached && cached.version === this.contextVersion && cached.unit === unit) return cached.context;
    const before = this.units.slice(0, start);
    const headings = before.flatMap((each) => each.headings);
    const slugger = new GithubSlugger();
    for (const text of headings) slugger.slug(text);
    const context: ContextBefore = {
      stubs: before.flatMap((each) => each.stubs),
      headings,
      slugs: slugger.occurrences,
      footnoteRefs: before.flatMap((each) => each.footnoteRefs),
    };
    this.beforeCache = { version: this.contextVersion, unit, context };
    return context;
  }

  /** The definition stubs of the units from `units[end]` on, cached by that first unit. */
  private stubsAfter(end: number): string[] {
    const unit = this.units[end];
    const cached = this.afterCache;
    if (cached && cached.version === this.contextVersion && cached.unit === unit) return cached.stubs;
    const stubs = this.units.slice(end).flatMap((each) => each.stubs);
    this.afterCache = { version: this.contextVersion, unit, stubs };
    return stubs;
  }

  private renderWindow(start: number, end: number, delta: number, lineDelta: number): RenderPatch {
    const units = this.units;
    const old = units.slice(start, end);
    const from = start === 0 ? 0 : units[start]!.from;
    const oldTo = end === units.length ? this.text.length - delta : units[end - 1]!.to;
    const to = oldTo + delta;
    const line = start === 0 ? 1 : units[start]!.line;
    // Start after a blank line: micromark lets an open paragraph above change how the next
    // line's blocks start (an ordered list not starting at 1 cannot interrupt it).
    if (start > 0 && !precededByBlankLine(this.text, from)) throw new WindowMismatch('start');
    const context: ContextBefore =
      start === 0 ? { stubs: [], headings: [], slugs: {}, footnoteRefs: [] } : this.contextBefore(start);
    // Text never serializes starting with `<`: a unit that does starts with an element.
    let following: Unit | undefined;
    for (let index = end; index < units.length && !following; index++) {
      if (units[index]!.produces) following = units[index];
    }
    const textMayFollow = following !== undefined && !this.unitHtml(following).startsWith('<');
    const rendered = this.renderRange(
      from,
      to,
      line,
      context.stubs,
      this.stubsAfter(end),
      { slugsBefore: context.slugs },
      context.footnoteRefs,
      false,
      textMayFollow,
    );
    const fresh = rendered.units;
    if (end < units.length) {
      const lastOld = units[end - 1]!;
      const lastNew = fresh[fresh.length - 1];
      if (!lastNew || lastNew.from !== lastOld.from + delta || lastNew.to !== to || rendered.openAtEnd) {
        const swallowed = !!lastNew && lastNew.to === to && lastNew.from < lastOld.from + delta;
        throw new WindowMismatch('end', undefined, swallowed);
      }
    }
    if (start > 0 && fresh[0]?.from !== from) throw new WindowMismatch('all');
    const oldDefs = old.flatMap((unit) => unit.defs);
    const freshDefs = fresh.flatMap((unit) => unit.defs);
    // The window was parsed with the winning definitions of the rest of the article, so its
    // own blocks are right; the rest changes only if a label now resolves differently. When
    // only the text of winning notes changed, the blocks that cite them stay the same (a
    // citation shows the note's number, not its text): the footnotes section is redone.
    let footerChanged = false;
    const notes: [string, string, string][] = [];
    if (!sameDefinitions(oldDefs, freshDefs)) {
      if (old.some((unit) => unit.nestedFootnotes) || fresh.some((unit) => unit.nestedFootnotes)) {
        throw new WindowMismatch('all');
      }
      const changes = winnerChanges(
        units.slice(0, start).flatMap((unit) => unit.defs),
        oldDefs,
        freshDefs,
        units.slice(end).flatMap((unit) => unit.defs),
      );
      for (const change of changes) {
        if (change.kind === 'link' || change.before === undefined || change.after === undefined) {
          throw new WindowMismatch('all');
        }
        footerChanged = true;
        notes.push([change.id, change.before, change.after]);
      }
    }
    if (
      old.flatMap((unit) => unit.footnoteRefs).join('\u0001') !==
      fresh.flatMap((unit) => unit.footnoteRefs).join('\u0001')
    ) {
      throw new WindowMismatch('all');
    }
    // The footnotes section is rendered from the top-level notes' sources: a note inside a
    // quote or a list (which may be the one that wins its label) needs a whole render.
    const redoFooter = footerChanged || (this.footerHasHeadings && headingsDiffer(old, fresh));
    if (
      redoFooter &&
      [...units.slice(0, start), ...fresh, ...units.slice(end)].some((unit) => unit.nestedFootnotes)
    ) {
      throw new WindowMismatch('all');
    }
    const oldHeadings = old.flatMap((unit) => unit.headings).join('\u0001');
    const headingsChanged = oldHeadings !== fresh.flatMap((unit) => unit.headings).join('\u0001');
    if (headingsChanged && end < units.length) {
      const slugger = new GithubSlugger();
      for (const text of [...context.headings, ...fresh.flatMap((unit) => unit.headings)]) slugger.slug(text);
      // Take in every later unit whose heading ids moved at once: widening to the first one
      // only would find the next one after rendering again, once per duplicate heading.
      let through = -1;
      for (let index = end; index < units.length; index++) {
        const unit = units[index]!;
        const ids = unit.headings.map((text) => slugger.slug(text));
        if (ids.some((id, at) => id !== unit.headingIds[at])) through = index;
      }
      if (through >= 0) throw new WindowMismatch('end', through);
    }
    if (
      headingsChanged ||
      old.flatMap((unit) => unit.stubs).join('\n') !== fresh.flatMap((unit) => unit.stubs).join('\n')
    )
      this.contextVersion++;
    // Keys of blocks whose HTML did not change survive, so the preview leaves them alone.
    const reused = new Map<string, number[]>();
    for (const unit of old) {
      const id = this.unitHtml(unit, 0);
      reused.set(id, [...(reused.get(id) ?? []), unit.key]);
    }
    for (const unit of fresh) {
      const key = reused.get(this.unitHtml(unit, 0))?.shift();
      if (key !== undefined) unit.key = key;
    }
    for (let index = end; index < units.length; index++) {
      const unit = units[index]!;
      unit.from += delta;
      unit.to += delta;
      unit.line += lineDelta;
      unit.lineEnd += lineDelta;
    }
    units.splice(start, end - start, ...fresh);
    // Send only what differs: unchanged leading and trailing blocks of the window stay.
    let head = 0;
    while (
      head < old.length &&
      head < fresh.length &&
      old[head]!.key === fresh[head]!.key &&
      old[head]!.line === fresh[head]!.line
    ) {
      head++;
    }
    let tail = 0;
    while (
      tail < old.length - head &&
      tail < fresh.length - head &&
      old[old.length - 1 - tail]!.key === fresh[fresh.length - 1 - tail]!.key
    ) {
      tail++;
    }
    const changed = fresh.slice(head, fresh.length - tail);
    let footnotes: { id: string; html: string }[] | undefined;
    // Headings inside notes take their ids after every heading of the body.
    if (headingsChanged && this.footerHasHeadings) {
      footerChanged = true;
      this.footer = this.renderFooter();
    } else if (footerChanged) {
      const patched = this.footerHasHeadings ? null : this.patchFooter(notes);
      this.footer = patched?.footer ?? this.renderFooter();
      footnotes = patched?.items;
    }
    if (footerChanged) this.footerHasHeadings = notesHoldHeadings(this.footer);
    this.lastRendered = fresh.length;
    return {
      start: start + head,
      deleteCount: old.length - head - tail,
      blocks: changed.map((unit) => this.blockHtml(unit)),
      lineDelta,
      ...(footerChanged ? { footer: this.footer, ...(footnotes ? { footnotes } : {}) } : {}),
      full: false,
      rendered: fresh.length,
    };
  }

  /**
   * Replaces the items of notes whose text changed in the footnotes section, rendering each
   * note alone: an item depends only on the note's text, its identifier, how often the body
   * cites it and its number (in the back-reference labels). `null` when that does not hold
   * (a note citing notes, a note cited only from notes) or the old item is not found once.
   */
  private patchFooter(
    notes: readonly [string, string, string][],
  ): { footer: string; items: { id: string; html: string }[] } | null {
    const order: string[] = [];
    const counts = new Map<string, number>();
    for (const id of this.units.flatMap((unit) => unit.footnoteRefs)) {
      if (!counts.has(id)) order.push(id);
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    let footer = this.footer;
    const items: { id: string; html: string }[] = [];
    for (const [identifier, before, after] of notes) {
      if (citesNotes(before) || citesNotes(after)) return null;
      const id = identifier;
      const number = order.indexOf(id) + 1;
      if (number === 0) return null;
      const oldItem = this.footnoteItem(id, before, counts.get(id)!, number);
      const newItem = this.footnoteItem(id, after, counts.get(id)!, number);
      if (!oldItem || !newItem) return null;
      const at = footer.indexOf(oldItem.html);
      if (at < 0 || footer.indexOf(oldItem.html, at + 1) >= 0) return null;
      footer = footer.slice(0, at) + newItem.html + footer.slice(at + oldItem.html.length);
      items.push(newItem);
    }
    return { footer, items };
  }

  /** The footnotes-section item of one note, rendered alone (see {@link patchFooter}). */
  private footnoteItem(
    id: string,
    source: string,
    count: number,
    number: number,
  ): { id: string; html: string } | null {
    const links = neededStubs(
      source,
      this.units.flatMap((unit) => unit.stubs).filter((stub) => !stub.startsWith('[^')),
    );
    const cites = Array.from({ length: count }, () => `[^${id}]`).join(' ');
    const file = new VFile({ value: capNesting([cites, source, ...links].join('\n\n')) });
    const hast = unsafeTreeProcessor.runSync(unsafeTreeProcessor.parse(file), file) as HastRoot;
    const section = hast.children[hast.children.length - 1];
    if (section?.type !== 'element' || section.tagName !== 'section') return null;
    const list = section.children.find(
      (node): node is Element => node.type === 'element' && node.tagName === 'ol',
    );
    const items = list?.children.filter((node): node is Element => node.type === 'element') ?? [];
    if (items.length !== 1) return null;
    // Alone it is note 1: give its back-references the number it has in the article.
    visit(items[0]!, 'element', (node: Element) => {
      const label = node.properties.ariaLabel;
      if (typeof label === 'string' && 'dataFootnoteBackref' in node.properties) {
        node.properties.ariaLabel = label.replace(
          /^Back to reference 1(?=-|$)/,
          `Back to reference ${number}`,
        );
      }
    });
    const safe = sanitize({ type: 'root', children: [items[0]!] }, sanitizeSchema) as HastRoot;
    afterSanitize(safe);
    const item = safe.children[0];
    if (item?.type !== 'element') return null;
    const html = toHtml(safe);
    // Alone, a heading in the note would take its id without the body's headings before it.
    if (/<h[1-6][\s>]/.test(html)) return null;
    return { id: String(item.properties.id ?? ''), html };
  }

  /**
   * The footnotes section on its own: every citation of the article in order (numbering and
   * back-references depend on nothing else), then every footnote definition's source and the
   * link definitions they use, rendered as one small document.
   */
  private renderFooter(): string {
    const last = footnoteSection(
      this.units.flatMap((unit) => unit.footnoteRefs),
      this.units.flatMap((unit) => unit.footnoteSources),
      this.units.flatMap((unit) => unit.stubs),
      this.units.flatMap((unit) => unit.headings),
    );
    if (!last) return '';
    const safe = sanitize({ type: 'root', children: [last] }, sanitizeSchema) as HastRoot;
    afterSanitize(safe);
    return toHtml(safe);
  }

  private blockHtml(unit: Unit): BlockHtml {
    return { key: unit.key, line: unit.line, lineEnd: unit.lineEnd, html: this.unitHtml(unit) };
  }

  private unitHtml(unit: Unit, line = unit.line): string {
    let html = unit.segments[0]!;
    for (let index = 0; index < unit.rels.length; index++) {
      const [start, end] = unit.rels[index]!;
      html += ` data-line="${line + start}" data-line-end="${line + end}"${unit.segments[index + 1]!}`;
    }
    return html;
  }

  /**
   * Renders `text[from, to)`, which starts at line `line`, as a standalone document with the
   * rest of the article's definitions appended, and cuts the result into units.
   */
  private renderRange(
    from: number,
    to: number,
    line: number,
    stubsBefore: readonly string[],
    stubsAfter: readonly string[],
    headingsBefore: HeadingIdContext,
    footnoteRefsBefore: readonly string[],
    whole: boolean,
    textMayFollow = false,
  ): {
    units: Unit[];
    footer: string;
    openAtEnd: boolean;
    footerHasHeadings: boolean;
    firstType?: string;
    exact: string | null;
    irregular: boolean;
  } {
    const windowText = capNesting(this.text.slice(from, to));
    const neededBefore = neededStubs(windowText, stubsBefore);
    const needed = [...neededBefore, ...neededStubs(windowText, stubsAfter)];
    const source = needed.length > 0 ? `${windowText}\n\n${needed.join('\n\n')}\n` : windowText;
    // Where the stubs of definitions before the window end in the source.
    const beforeEnd = windowText.length + 2 + neededBefore.join('\n\n').length;
    // An unclosed frontmatter fence is read as plain Markdown, as renderMarkdown does.
    const file = from === 0 && this.plainFence ? plainFenceSource(source) : new VFile({ value: source });
    file.data.folioLineOffset = line - 1;
    file.data.folioHeadings = headingsBefore;
    const mdast = unsafeTreeProcessor.parse(file);
    if (neededBefore.length > 0) {
      // The first definition of a label wins: definitions before the window must come before
      // the window's own. Parsing only needs to know which labels exist, so moving their nodes
      // to the front of the tree is enough (definitions render nothing where they stand).
      const isBefore = (node: MdastContent): boolean => {
        const offset = node.position?.start.offset ?? 0;
        return offset >= windowText.length && offset < beforeEnd;
      };
      mdast.children = [
        ...mdast.children.filter(isBefore),
        ...mdast.children.filter((node) => !isBefore(node)),
      ];
    }
    const blocks = this.blocksOf(mdast, windowText, from, line);
    if (
      !whole &&
      mdast.children.some(
        (node) =>
          (node.position?.end.offset ?? 0) > windowText.length &&
          (node.position?.start.offset ?? 0) < windowText.length,
      )
    ) {
      // An unclosed fence, math block or HTML block ran into the appended definitions.
      throw new WindowMismatch('all');
    }
    if (from > 0 && /^(---|\+\+\+)[ \t]*(\n|$)/.test(windowText)) {
      // Parsed alone, a window starting with `---` would read it as frontmatter.
      throw new WindowMismatch('start');
    }
    if (
      !whole &&
      from === 0 &&
      /^(---|\+\+\+)[ \t]*(\n|$)/.test(windowText) &&
      !['yaml', 'toml'].includes(blocks[0]?.node.type ?? '')
    ) {
      // Frontmatter is all or nothing: its closing fence may lie past the window.
      throw new WindowMismatch('all');
    }
    const footerHasHeadings = whole && hasFootnoteHeading(mdast);
    const hast = unsafeTreeProcessor.runSync(mdast, file) as HastRoot;

    // Group blocks whose raw HTML stays open into one unit, as the HTML parser nests them.
    const groups: Block[][] = [];
    let depth = 0;
    for (const block of blocks) {
      if (depth > 0) groups[groups.length - 1]!.push(block);
      else groups.push([block]);
      depth = Math.max(0, depth + block.htmlDepth);
    }
    const openAtEnd = depth > 0;
    // Raw HTML left open runs into whatever follows the window (other blocks, the appended
    // definitions, the footnotes): take in the blocks after it until it is closed.
    // At the end of the article, it runs to the end as it does in a whole render, unless it
    // runs into what a whole render has after it and a window does not (the definitions
    // appended to the window, the footnotes section): its source lines would differ.
    const toEnd = whole || (to >= this.text.length && needed.length === 0 && this.footer === '');
    if (openAtEnd && !toEnd) throw new WindowMismatch(to >= this.text.length ? 'all' : 'end');

    const children = hast.children;
    let footerNode: HastContent | undefined;
    const last = children[children.length - 1];
    if (
      last?.type === 'element' &&
      last.tagName === 'section' &&
      'dataFootnotes' in last.properties &&
      !last.position
    ) {
      footerNode = last;
    }
    // The HTML parser may nest blocks differently than the raw HTML's tags suggest (a `</p>`
    // inside a paragraph, an element closed by the end of the text): merge the groups that a
    // top-level node spans, as the tree says.
    let groupStarts = groups.map((group) => group[0]!.from - from);
    const reach = groups.map((_, index) => index);
    let irregular = false;
    for (const node of children) {
      if (node === footerNode) break;
      if (node.type === 'element' && node.tagName === 'section' && 'dataFootnotes' in node.properties)
        irregular = true;
      const start = node.position?.start?.offset;
      if (start === undefined || start >= windowText.length || groups.length === 0) continue;
      const first = Math.max(0, lastIndexAtMost(groupStarts, start));
      const end = node.position?.end?.offset;
      const lastGroup =
        end === undefined ? groups.length - 1 : Math.max(first, lastIndexAtMost(groupStarts, end - 1));
      reach[first] = Math.max(reach[first]!, lastGroup);
    }
    if (!footerNode && hasNestedFooter(children)) irregular = true;
    // The footnotes section ended up inside raw HTML left open: only a whole render places it.
    if (irregular && !whole) throw new WindowMismatch('all');
    // An element that spans into the window's last block may have been closed by the end of
    // the window rather than where the article closes it.
    if (
      !toEnd &&
      groups.length > 1 &&
      reach.some((last, index) => last !== index && last === groups.length - 1)
    )
      throw new WindowMismatch(to >= this.text.length ? 'all' : 'end');
    const merged: Block[][] = [];
    for (let index = 0; index < groups.length;) {
      let last = reach[index]!;
      const blocksOfGroup = [...groups[index]!];
      for (let next = index + 1; next <= last; next++) {
        blocksOfGroup.push(...groups[next]!);
        last = Math.max(last, reach[next]!);
      }
      merged.push(blocksOfGroup);
      index = last + 1;
    }
    groups.splice(0, groups.length, ...merged);
    groupStarts = groups.map((group) => group[0]!.from - from);

    // Top-level nodes go to the group their source starts in; nodes without a source position
    // (the line breaks remark-rehype puts between blocks, text and elements the HTML parser
    // made up) lie between groups, in `gaps[index]` before group `index` (`gaps[groups.length]`:
    // after the last one).
    const nodesPerGroup: HastContent[][] = groups.map(() => []);
    const gaps: HastContent[][] = [...groups.map(() => []), []];
    let pending: HastContent[] = [];
    let current = -1;
    for (const node of children) {
      if (node === footerNode) break;
      const offset = node.position?.start?.offset;
      if (offset === undefined) {
        pending.push(node);
        continue;
      }
      if (offset >= windowText.length) continue;
      const index = Math.max(0, lastIndexAtMost(groupStarts, offset));
      if (index === current) nodesPerGroup[index]!.push(...pending);
      else gaps[index] = pending;
      pending = [];
      current = index;
      nodesPerGroup[index]!.push(node);
    }
    gaps[groups.length] = pending;
    if (!whole) renumberFootnotes([...nodesPerGroup.flat(), ...gaps.flat()], blocks, footnoteRefsBefore);

    // Units are joined with one line break. The HTML parser merges that line break into text
    // that raw HTML left at the edge of a block: such text gives it back to the join. Where a
    // gap holds anything else (indentation before raw HTML, an element the parser made up),
    // the blocks on either side are one unit, with the gap inside it.
    const text = (nodes: readonly HastContent[]): string | null =>
      nodes.every((node) => node.type === 'text')
        ? nodes.map((node) => (node as { value: string }).value).join('')
        : null;
    const leadsWithBreak = (nodes: readonly HastContent[]): boolean =>
      nodes[0]?.type === 'text' && nodes[0].value.startsWith('\n');
    const endsWithBreak = (nodes: readonly HastContent[]): boolean => {
      const tail = nodes[nodes.length - 1];
      return tail?.type === 'text' && tail.value.endsWith('\n');
    };
    const producing = groups.map((_, index) => index).filter((index) => nodesPerGroup[index]!.length > 0);
    const gapBetween = (a: number, b: number): HastContent[] => gaps.slice(a + 1, b + 1).flat();
    const leading = producing.length > 0 ? gaps.slice(0, producing[0]! + 1).flat() : [];
    const trailing =
      producing.length > 0 ? gaps.slice(producing[producing.length - 1]! + 1).flat() : gaps.flat();
    if (!whole) {
      const first = producing[0];
      const lastProducing = producing[producing.length - 1];
      // The window's edges must be where the article's blocks part: nothing made up by the
      // HTML parser before the first block or after the last, and no bare text there that
      // could merge with a neighbour's.
      if (
        from > 0 &&
        (leading.length > 0 || (first !== undefined && nodesPerGroup[first]![0]?.type === 'text'))
      )
        throw new WindowMismatch('start');
      const tailText = text(trailing);
      const endsWithText =
        textMayFollow &&
        lastProducing !== undefined &&
        nodesPerGroup[lastProducing]![nodesPerGroup[lastProducing]!.length - 1]?.type === 'text';
      if (!(tailText === '' || (tailText === '\n' && footerNode)) || endsWithText)
        throw new WindowMismatch(to < this.text.length ? 'end' : 'all');
      // Raw HTML in the last block that renders may leave an element open that its tags do not
      // show (a mistyped end tag, an end tag the parser implies): unless its tags nest, take in
      // a rendering block after it, into which the tree then shows the element spanning (see
      // `reach` above).
      if (to < this.text.length && lastProducing !== undefined && !wellNested(groups[lastProducing]!))
        throw new WindowMismatch('end');
      if (from === 0 && leading.length > 0) throw new WindowMismatch('all');
    }
    // Merge groups across gaps that are not a clean join.
    const joinedGroups: Block[][] = [];
    const joinedNodes: HastContent[][] = [];
    let previous = -1;
    let previousJoined = -1;
    groups.forEach((group, index) => {
      const nodes = nodesPerGroup[index]!;
      if (nodes.length === 0 || previous < 0) {
        joinedGroups.push([...group]);
        joinedNodes.push([...nodes]);
        if (nodes.length > 0) {
          previous = index;
          previousJoined = joinedGroups.length - 1;
        }
        return;
      }
      const gap = gapBetween(previous, index);
      const between = text(gap);
      const tailBreak = endsWithBreak(nodesPerGroup[previous]!);
      const headBreak = leadsWithBreak(nodes);
      const clean =
        (between === '' && Number(tailBreak) + Number(headBreak) === 1) ||
        (between === '\n' && !tailBreak && !headBreak);
      if (clean) {
        joinedGroups.push([...group]);
        joinedNodes.push([...nodes]);
      } else {
        // Fold the previous producing group and the silent ones after it into this one.
        const folded = joinedGroups.splice(previousJoined).flat();
        const foldedNodes = joinedNodes.splice(previousJoined).flat();
        joinedGroups.push([...folded, ...group]);
        joinedNodes.push([...foldedNodes, ...gap, ...nodes]);
      }
      previous = index;
      previousJoined = joinedGroups.length - 1;
    });
    groups.splice(0, groups.length, ...joinedGroups);
    const unitNodes = joinedNodes;
    const firstProducing = unitNodes.findIndex((nodes) => nodes.length > 0);
    unitNodes.forEach((nodes, index) => {
      const head = nodes[0];
      if (index !== firstProducing && head?.type === 'text' && head.value.startsWith('\n')) {
        nodes[0] = { ...head, value: head.value.slice(1) };
      }
      const tail = nodes[nodes.length - 1];
      if (tail?.type === 'text' && tail.value.endsWith('\n')) {
        nodes[nodes.length - 1] = { ...tail, value: tail.value.slice(0, -1) };
      }
    });
    // Each top-level node is sanitized and serialized once, with its source lines as a
    // placeholder to cut around. Sanitizing and serializing work node by node, so the whole
    // article's HTML is these pieces joined (sanitizing the tree a second time cost a quarter
    // of a full render).
    const serialized = new Map<HastContent, { out: string; lines: [number, number] | null }>();
    const serialize = (node: HastContent): { out: string; lines: [number, number] | null } => {
      const known = serialized.get(node);
      if (known) return known;
      let lines: [number, number] | null = null;
      if (node.type === 'element' && typeof node.properties.dataLine === 'number') {
        lines = [node.properties.dataLine, Number(node.properties.dataLineEnd)];
        node.properties.dataLine = 0;
        node.properties.dataLineEnd = 0;
      }
      const safe = sanitize({ type: 'root', children: [node] }, sanitizeSchema) as HastRoot;
      afterSanitize(safe);
      const result = { out: toHtml(safe), lines };
      serialized.set(node, result);
      return result;
    };
    let exact: string | null = null;
    if (whole) {
      // Kept to check the blocks against: raw HTML can leave text between them that no block owns.
      exact = children
        .map((node) => {
          const { out, lines } = serialize(node);
          const at = lines ? out.indexOf(linePlaceholder) : -1;
          if (!lines || at < 0) return out;
          return `${out.slice(0, at)} data-line="${lines[0]}" data-line-end="${lines[1]}"${out.slice(at + linePlaceholder.length)}`;
        })
        .join('');
    }

    const units = groups.map((group, index): Unit => {
      const nodes = unitNodes[index]!;
      const unitLine = group[0]!.line;
      const segments: string[] = [];
      const rels: [number, number][] = [];
      let html = '';
      const headings: string[] = [];
      const headingIds: string[] = [];
      visit({ type: 'root', children: nodes } as HastRoot, 'element', (node: Element) => {
        const text = (node.data as { folioSlugText?: string } | undefined)?.folioSlugText;
        if (text !== undefined) {
          headings.push(text);
          headingIds.push(String(node.properties.id));
        }
      });
      for (const node of nodes) {
        const { out, lines } = serialize(node);
        const at = lines ? out.indexOf(linePlaceholder) : -1;
        if (lines && at >= 0) {
          segments.push(html + out.slice(0, at));
          rels.push([lines[0] - unitLine, lines[1] - unitLine]);
          html = out.slice(at + linePlaceholder.length);
        } else {
          html += out;
        }
      }
      segments.push(html);
      const defs: Definition[] = [];
      const unitStubs: string[] = [];
      const footnoteRefs: string[] = [];
      const footnoteSources: string[] = [];
      let nestedFootnotes = false;
      for (const block of group) {
        collectContext(block.node, windowText, from, [], unitStubs, footnoteRefs);
        defs.push(...definitionsOf(block.node, windowText));
        if (block.node.type === 'footnoteDefinition') {
          footnoteSources.push(windowText.slice(block.from - from, block.to - from));
        } else {
          visit(block.node as MdastNodes, 'footnoteDefinition', () => {
            nestedFootnotes = true;
          });
        }
      }
      return {
        key: this.nextKey++,
        from: group[0]!.from,
        to: group[group.length - 1]!.to,
        line: unitLine,
        lineEnd: group[group.length - 1]!.lineEnd,
        produces: nodes.length > 0,
        segments,
        rels,
        defs,
        stubs: unitStubs,
        footnoteRefs,
        footnoteSources,
        nestedFootnotes,
        headings,
        headingIds,
      };
    });
    // A unit joins its neighbours with exactly one line break: check what the tree had.
    let footer = '';
    if (footerNode) footer = serialize(footerNode).out;
    return { units, footer, openAtEnd, footerHasHeadings, firstType: blocks[0]?.node.type, exact, irregular };
  }

  private blocksOf(mdast: MdastRoot, windowText: string, from: number, line: number): Block[] {
    const blocks: Block[] = [];
    for (const node of mdast.children) {
      const position = node.position;
      if (!position || (position.start.offset ?? 0) >= windowText.length) continue;
      const startOffset = position.start.offset ?? 0;
      let endOffset = position.end.offset ?? windowText.length;
      let endLine = position.end.line;
      if (endOffset > startOffset && windowText[endOffset - 1] === '\n') {
        endOffset--;
        endLine--;
      }
      const lineStart = windowText.lastIndexOf('\n', startOffset - 1) + 1;
      let lineEnd = windowText.indexOf('\n', endOffset);
      if (lineEnd === -1) lineEnd = windowText.length;
      blocks.push({
        from: from + lineStart,
        to: from + lineEnd,
        line: position.start.line + line - 1,
        lineEnd: endLine + line - 1,
        node,
        htmlDepth: htmlBalance(node),
        tags: htmlTags(node),
      });
    }
    return blocks;
  }
}

/**
 * The definitions a window can use: those whose label occurs in it (compared the way labels
 * match, ignoring case and runs of white space). Parsing every definition of a long article
 * with each keystroke would cost more than the window itself.
 */
export function neededStubs(windowText: string, stubs: readonly string[]): string[] {
  if (stubs.length === 0 || !windowText.includes('[')) return [];
  let haystack: string | null = null;
  let cited: Set<string> | null = null;
  return stubs.filter((stub) => {
    const label = /^\[\^?([\s\S]*?)\]: /.exec(stub)?.[1];
    if (label === undefined) return true;
    // A note can only be cited as `[^label]`: look its label up among the window's citations
    // instead of searching the window once per note (a long article has hundreds of notes).
    if (stub.startsWith('[^') && !/[[\\\]]/.test(label)) {
      cited ??= citedNotes(windowText);
      return cited.has(foldLabel(label).trim());
    }
    haystack ??= foldLabel(windowText);
    return haystack.includes(foldLabel(label).trim());
  });
}

/** The labels of every `[^…]` in a text, folded as {@link neededStubs} compares them. */
function citedNotes(text: string): Set<string> {
  const labels = new Set<string>();
  for (const match of text.matchAll(/\[\^((?:[^[\]\\]|\\.)*)\]/g)) labels.add(foldLabel(match[1]!).trim());
  return labels;
}

/**
 * The footnotes section of an article on its own, unsanitized: every citation of the article in
 * order (numbering and back-references depend on nothing else), then the source of every
 * top-level footnote definition and the link definitions they use, rendered as one small
 * document. `null` when nothing is cited. `stubs` are the article's definition stubs (see
 * {@link collectContext}); footnote stubs among them are ignored.
 */
export function footnoteSection(
  refs: readonly string[],
  footnoteSources: readonly string[],
  stubs: readonly string[],
  headingsBefore: readonly string[] = [],
): Element | null {
  if (refs.length === 0) return null;
  const notes = footnoteSources.join('\n\n');
  const links = neededStubs(
    notes,
    stubs.filter((stub) => !stub.startsWith('[^')),
  );
  const source = [refs.map((id) => `[^${id}]`).join(' '), notes, ...links].join('\n\n');
  const file = new VFile({ value: capNesting(source) });
  // Headings inside notes take their slugs after every heading of the article's body.
  file.data.folioHeadings = { headingsBefore };
  const hast = unsafeTreeProcessor.runSync(unsafeTreeProcessor.parse(file), file) as HastRoot;
  const last = hast.children[hast.children.length - 1];
  if (last?.type !== 'element' || last.tagName !== 'section' || !('dataFootnotes' in last.properties))
    return null;
  return last;
}

/** Whether a footnote definition's text (after its label) may cite notes. */
function citesNotes(definition: string): boolean {
  return definition.replace(/^[ \t]*\[\^(?:\\.|[^\]\\])*\]:/, '').includes('[^');
}

/** Whether the notes of a footnotes section's HTML hold headings (besides its own label). */
function notesHoldHeadings(footer: string): boolean {
  return /<h[1-6][\s>]/.test(footer.slice(footer.indexOf('<ol')));
}

/** Whether two runs of units hold different headings. */
function headingsDiffer(a: readonly Unit[], b: readonly Unit[]): boolean {
  return (
    a.flatMap((unit) => unit.headings).join('\u0001') !== b.flatMap((unit) => unit.headings).join('\u0001')
  );
}

function foldLabel(value: string): string {
  return value.replace(/[\t\n\r ]+/g, ' ').toLowerCase();
}

function precededByBlankLine(text: string, offset: number): boolean {
  if (offset === 0) return true;
  const lineStart = text.lastIndexOf('\n', offset - 2) + 1;
  return /^[ \t]*$/.test(text.slice(lineStart, offset - 1));
}

function countLines(text: string): number {
  let count = 0;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) count++;
  return count;
}

function lastIndexAtMost(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (sorted[mid]! <= value) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

/**
 * Elements that inline HTML can leave open past the end of the paragraph, heading or cell that
 * holds it: formatting elements (the HTML parser opens them again in the next paragraph),
 * elements that close a paragraph and stay open, and elements whose content is raw text. Any
 * other element inside a paragraph is closed with the paragraph.
 */
const couplingElements = new Set(
  (
    'a b big code em font i nobr s small strike strong tt u ' +
    'address article aside blockquote center details dialog dir div dl dd dt fieldset figcaption ' +
    'figure footer form h1 h2 h3 h4 h5 h6 header hgroup li listing main menu nav ol p pre search ' +
    'section summary table tbody thead tfoot tr td th caption colgroup ul ' +
    'applet button iframe marquee math noembed noframes noscript object plaintext script select ' +
    'style svg template textarea title xmp'
  ).split(' '),
);

const tagPattern =
  /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)(?:\s[^<>]*?)?(\/?)>|<!--[\s\S]*?-->|<![^<>]*>|<\?[^<>]*>|<(?=[\s\d=<]|$)/g;

/**
 * The tags of a block's raw HTML in order (see {@link Block.tags}). Inline HTML counts only with
 * the elements that can stay open past its paragraph ({@link couplingElements}).
 */
function htmlTags(node: MdastContent): string[] | null {
  const tags: string[] = [];
  let wellFormed = true;
  visit(node as MdastNodes, 'html', (html) => {
    const inline = html !== node;
    let covered = 0;
    for (const match of html.value.matchAll(tagPattern)) {
      if (html.value.slice(covered, match.index).includes('<')) wellFormed = false;
      covered = match.index + match[0].length;
      const name = match[2]?.toLowerCase();
      if (!name || voidElements.has(name) || match[3]) continue;
      if (inline && !couplingElements.has(name)) continue;
      tags.push(`${match[1] ? '-' : '+'}${name}`);
    }
    if (html.value.slice(covered).includes('<')) wellFormed = false;
  });
  return wellFormed ? tags : null;
}

/** Whether the raw HTML of some blocks closes every element it opens, in order. */
function wellNested(blocks: readonly Block[]): boolean {
  const open: string[] = [];
  for (const block of blocks) {
    if (block.tags === null) return false;
    for (const tag of block.tags) {
      if (tag.startsWith('+')) open.push(tag.slice(1));
      else if (open.pop() !== tag.slice(1)) return false;
    }
  }
  return open.length === 0;
}

/** Net count of elements the block's raw HTML leaves open (negative: closes earlier ones). */
function htmlBalance(node: MdastContent): number {
  let balance = 0;
  visit(node as MdastNodes, 'html', (html) => {
    const inline = html !== node;
    for (const match of html.value.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)(?:\s[^>]*?)?(\/?)>/g)) {
      const name = match[2]!.toLowerCase();
      if (voidElements.has(name) || match[3]) continue;
      if (inline && !couplingElements.has(name)) continue;
      balance += match[1] ? -1 : 1;
    }
    if (/<!--/.test(html.value) && !/-->/.test(html.value)) balance += 1;
  });
  return balance;
}

function hasNestedFooter(children: readonly HastContent[]): boolean {
  let found = false;
  visit({ type: 'root', children: [...children] } as HastRoot, 'element', (node: Element) => {
    if (node.tagName === 'section' && 'dataFootnotes' in node.properties) found = true;
  });
  return found;
}

/** Whether a footnote definition holds a heading (its slug would depend on the footnotes order). */
export function hasFootnoteHeading(tree: MdastRoot): boolean {
  let found = false;
  visit(tree, 'footnoteDefinition', (definition) => {
    visit(definition, 'heading', () => {
      found = true;
    });
  });
  return found;
}

const punctuation = /[!-/:-@[-`{-~]/g;

function escapeAll(value: string): string {
  return value.replace(punctuation, (char) => `\\${char}`);
}

/**
 * Collects what a top-level block tells the rest of the article: its link and footnote
 * definitions (`defs`, as comparable strings: `L` or `F`, the identifier, then the content),
 * the Markdown stubs that define the same labels for other parts (`stubs`) and the identifiers
 * of its footnote citations in order (`footnoteRefs`, upper case).
 */
export function collectContext(
  node: MdastContent,
  text: string,
  from: number,
  defs: string[],
  stubs: string[],
  footnoteRefs: string[],
): void {
  visit(node as MdastNodes, (child) => {
    if (child.type === 'definition') {
      defs.push(`L${child.identifier}\u0000${child.url}\u0000${child.title ?? ''}`);
      const title = child.title === null || child.title === undefined ? '' : ` "${escapeAll(child.title)}"`;
      stubs.push(`[${child.label ?? child.identifier}]: <${escapeAll(child.url)}>${title}`);
    } else if (child.type === 'footnoteDefinition') {
      const start = (child.position?.start.offset ?? 0) - 0;
      const end = child.position?.end.offset ?? start;
      defs.push(`F${child.identifier}\u0000${text.slice(start, end)}\u0000${from === -1 ? '' : ''}`);
      stubs.push(`[^${child.label ?? child.identifier}]: x`);
      return 'skip';
    } else if (child.type === 'footnoteReference') {
      footnoteRefs.push(child.identifier.toUpperCase());
    }
    return undefined;
  });
}

/**
 * Gives the footnote references of a re-rendered window the numbers and ids a full render
 * gives them: numbered by first reference in the whole article, `-2`, `-3` for repeats.
 */
function renumberFootnotes(
  nodes: readonly HastContent[],
  blocks: readonly Block[],
  before: readonly string[],
): void {
  const ids: string[] = [];
  for (const block of blocks) collectContext(block.node, '', -1, [], [], ids);
  const links: Element[] = [];
  visit({ type: 'root', children: [...nodes] } as HastRoot, 'element', (node: Element) => {
    if (node.tagName === 'a' && 'dataFootnoteRef' in node.properties) links.push(node);
  });
  renumberFootnoteLinks(links, ids, before);
}

/**
 * {@link renumberFootnotes} given the window's citation links (`a[data-footnote-ref]`, in
 * order) and the identifiers they cite (`ids`, as {@link collectContext} gives them).
 */
export function renumberFootnoteLinks(
  links: readonly Element[],
  ids: readonly string[],
  before: readonly string[],
): void {
  const order: string[] = [];
  const counts = new Map<string, number>();
  for (const id of before) {
    if (!counts.has(id)) order.push(id);
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  links.forEach((link, index) => {
    const id = ids[index];
    if (id === undefined) return;
    const reuse = (counts.get(id) ?? 0) + 1;
    if (!counts.has(id)) order.push(id);
    counts.set(id, reuse);
    const safeId = normalizeUri(id.toLowerCase());
    link.properties.id = `fnref-${safeId}${reuse > 1 ? `-${reuse}` : ''}`;
    link.children = [{ type: 'text', value: String(order.indexOf(id) + 1) }] as ElementContent[];
  });
}
