import { footnotesHtml, notesHoldHeadings, patchFootnotes } from './footnotes';
import { ArticleText } from './article-text';
import { editInnerBlock, type InnerContext, type InnerEditChange } from './inner-edit';
import { editTableRow, isLongTable } from './table-row-edit';
import { renderRange, type RangeOptions, type RangeRender } from './render-range';
import { renameHeadings, shiftUnits, unitHtml, type Unit } from './unit';
import { changedSpan, reuseKeys, unchangedEnds } from './unit-patch';
import { windowEffects, type FollowUps } from './window-effects';
import type { BlockHtml, RenderPatch, TextChange } from './render-patch';
import { nestingUnitFrom } from './window-edges';
import { WindowContext } from './window-context';
import { WindowMismatch } from './window-mismatch';
import { staysHeadingLine } from './heading-line';
import { leavesUnitBefore } from './window-start';
import { lastAtMost } from './cut-units';
import { labelMentions } from './label-mentions';
import { probeEnd, probeProves } from './window-probe';

export type { BlockHtml, RenderPatch, TextChange } from './render-patch';

/** A line indented enough to be indented code (four spaces, or a tab within them). */
const indentedCode = /^(?: {0,3}\t| {4})/;

/**
 * The most units outside a window that a label coming to exist or going away renders again one
 * by one; beyond it, a whole render.
 */
const mentionedUnitsMax = 64;

/** How an edit moved the text: the units that start after `editTo` (in the old text) moved by `delta` characters and `lineDelta` lines. */
interface WindowShift {
  readonly delta: number;
  readonly lineDelta: number;
  readonly editTo: number;
}

/**
 * Renders an article block by block and keeps the result, so that a keystroke re-renders only
 * the blocks around the edit. The output of {@link html} is byte-identical to
 * `renderMarkdown(text)`. It re-parses a window of blocks around each edit with the article's
 * link and footnote definitions (the first definition of a label wins), heading slugs and
 * footnote numbers as context, and widens the window when the blocks around it would parse
 * differently (an unclosed fence or `<!--`, a list that now continues, raw HTML left open; see
 * {@link WindowMismatch}). Blocks that raw HTML couples are kept together as one unit (a long
 * HTML block counts as parts, cut at lines that start a block-level tag: html-block-lines.ts); typing
 * in Markdown nested in a long unit renders that block alone (inner-edit.ts). A
 * change to which definition a label resolves to, or to the order of footnote citations,
 * renders everything once; the next edit is incremental again.
 */
export class IncrementalRenderer {
  private text = ArticleText.of('');
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
  /**
   * Whether raw HTML left open in the last unit holds the footnotes section: windows before it
   * render as usual; an edit in it, or one that changes the notes, renders everything.
   */
  private footerInLast = false;
  /** How many units the last edit rendered again (all of them for a whole render). */
  private lastRendered = 0;
  /** How many characters of source the last edit rendered (see {@link renderedChars}). */
  private lastRenderedChars = 0;
  /** What the units around a window tell it, cached (see window-context.ts). */
  private readonly context = new WindowContext();
  /** Units outside the last window that it changed (see {@link FollowUps}), until rendered. */
  private followUps: FollowUps | null = null;
  /** How many blocks the last patches left in the preview (one per unit, unless `exact`). */
  private shownBlocks = 0;
  /** An unclosed frontmatter fence on line 1: the article is parsed as a plain document. */
  private plainFence: '---' | '+++' | null = null;

  /** Renders `text` from scratch. */
  reset(text: string): RenderPatch {
    this.lastRenderedChars = 0;
    this.text = ArticleText.of(text);
    return this.fullPatch();
  }

  /** Applies `changes` (sorted, non-overlapping, in the previous text's coordinates). */
  edit(changes: readonly TextChange[]): RenderPatch {
    if (changes.length === 0)
      return { start: 0, deleteCount: 0, blocks: [], lineDelta: 0, full: false, rendered: 0 };
    this.lastRenderedChars = 0;
    const old = this.text;
    const { text: next, lineDelta } = old.replace(changes);
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
      old.startsWithFence() &&
      fromA > head.to + 1;
    if (!pastFrontmatter && this.plainFence !== next.unclosedFrontmatterFence()) return this.fullPatch();

    let first = this.units.findIndex((unit) => unit.to >= fromA);
    if (first === -1) first = this.units.length;
    let last = -1;
    for (let index = this.units.length - 1; index >= 0; index--) {
      if (this.units[index]!.from <= toA) {
        last = index;
        break;
      }
    }
    if (first === last) {
      const change = { old, text: next, fromA, toA, delta, lineDelta };
      const inside = this.editInside(first, change) ?? this.editRow(first, change);
      if (inside) return inside;
    }
    // Typing in a heading's text leaves the blocks around it as they were: no neighbours. More
    // than a probe of the unit after (below) gives: an ATX line interrupts whatever is open above
    // it, so the unit before is not needed either, and nothing continues it, so the unit after
    // needs no probe, even where it opens with a fence or raw HTML, which a probe cannot read.
    const alone =
      first === last && staysHeadingLine(this.units[first]!, { old, text: next, fromA, toA, delta });
    // An edit after the first character of a unit that follows a blank line, when that character
    // opens no list item, leaves the unit before (see window-start.ts).
    // Asked first: the edit then lies after the unit's start, which holds in the new text.
    const apart =
      !alone &&
      first === last &&
      leavesUnitBefore(this.units[first]!, old, fromA, toA) &&
      this.mayStartWindow(first);
    const start = alone || apart ? first : Math.max(0, Math.min(first, last + 1) - 1);
    const end = alone ? first + 1 : Math.min(this.units.length, Math.max(last, first) + 2);
    // The window's last unit lies after the edit, only to show where the edited blocks end: its
    // first line shows that (see window-probe.ts), and a long unit need not be rendered.
    const probe = end - 1 > Math.max(start, last);
    const patch = this.renderAround(start, end, { delta, lineDelta, editTo: toA }, probe);
    return patch.full || this.followUps === null ? patch : this.renderFollowUps(patch);
  }

  /**
   * An edit inside one Markdown block nested in the raw HTML of a large unit: that block alone
   * is rendered and put in place in the unit's HTML (see inner-edit.ts), or `null` when the unit
   * must be rendered again.
   */
  private editInside(index: number, change: InnerEditChange): RenderPatch | null {
    const unit = this.units[index]!;
    if (!unit.inner || (this.footerInLast && index === this.units.length - 1)) return null;
    const shown = unit.key;
    const done = editInnerBlock(unit, change, this.innerContext(index));
    if (!done) return null;
    shiftUnits(this.units, index + 1, change.delta, change.lineDelta);
    const block = done.item ? this.itemBlock(unit, shown, done.item) : this.blockHtml(unit);
    return this.innerPatch(index, block, change.lineDelta);
  }

  /**
   * The patch of an edit that rendered a block inside unit `index` alone: the unit's new `block`
   * replaces its old, and no follow-up renders are due.
   */
  private innerPatch(index: number, block: BlockHtml, lineDelta: number): RenderPatch {
    this.followUps = null;
    this.lastRendered = 1;
    return { start: index, deleteCount: 1, blocks: [block], lineDelta, full: false, rendered: 1 };
  }

  /**
   * `unit`, shown under the key `shown` before the edit, as the preview receives it when one
   * `item` of its list or table changed: the item alone, not the unit's HTML (see
   * `BlockHtml.item`), with whether the unit holds an image or an H1 (a tag's name never
   * straddles two segments, which split tags after their names).
   */
  private itemBlock(unit: Unit, shown: number, item: { index: number; html: string }): BlockHtml {
    const holds = (tag: string): boolean => unit.segments.some((segment) => segment.includes(tag));
    return {
      key: unit.key,
      line: unit.line,
      lineEnd: unit.lineEnd,
      html: '',
      item: { of: shown, ...item, images: holds('<img'), h1: holds('<h1') },
    };
  }

  /** What a block inside unit `index` is rendered alone with: the article around the unit. */
  private innerContext(index: number): InnerContext {
    const unit = this.units[index]!;
    const context = this.context.before(this.units, index);
    return {
      stubsBefore: unit.stubs.length > 0 ? [...context.stubs, ...unit.stubs] : context.stubs,
      stubsAfter: this.context.stubsAfter(this.units, index + 1),
      slugsBefore: context.slugs,
      footnoteRefsBefore: context.footnoteRefs,
      hasFooter: this.footer !== '' || this.footerInLast,
      nextKey: () => this.nextKey++,
      rendered: (chars) => {
        this.lastRenderedChars += chars;
      },
    };
  }

  /**
   * An edit inside one body row of a long table: that row alone is rendered and put in place in
   * the table's HTML (see table-row-edit.ts), or `null` when the table must be rendered again.
   */
  private editRow(index: number, change: InnerEditChange): RenderPatch | null {
    const unit = this.units[index]!;
    // Checked before the context is read: reading it for the unit evicts the window's.
    if (!isLongTable(unit) || (this.footerInLast && index === this.units.length - 1)) return null;
    const shown = unit.key;
    const done = editTableRow(unit, change, this.innerContext(index));
    if (!done) return null;
    shiftUnits(this.units, index + 1, change.delta, 0);
    return this.innerPatch(index, this.itemBlock(unit, shown, done), 0);
  }

  /**
   * Renders units `[start, end)` again after an edit that moved the text after it by `shift`,
   * widening the window as each {@link WindowMismatch} asks. `probe`: the last unit lies after
   * the edit and may be probed by its first line rather than rendered (see window-probe.ts);
   * where the probe proves nothing, the unit is rendered.
   */
  private renderAround(start: number, end: number, shift: WindowShift, probe = false): RenderPatch {
    this.followUps = null;
    start = this.windowStartAtOrBefore(start);
    const through = this.windowEndAtOrAfter(end, shift.delta);
    if (through !== end) [end, probe] = [through, false];
    const windowFrom = start === 0 ? 0 : this.units[start]!.from;
    let probeTo = probe ? probeEnd(this.text, this.units[end - 1]!, shift.delta, windowFrom) : null;
    for (;;) {
      try {
        return this.renderWindow(start, end, shift, probeTo);
      } catch (error) {
        if (!(error instanceof WindowMismatch)) throw error;
        if (probeTo !== null && error.widen !== 'start') {
          probeTo = null;
          continue;
        }
        if (error.widen === 'all') return this.fullPatch();
        if (error.widen === 'start') {
          start = this.windowStartAtOrBefore(Math.max(0, start - Math.max(1, end - start)));
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
        end = this.windowEndAtOrAfter(
          Math.min(this.units.length, Math.max(end + 1, through + 1)),
          shift.delta,
        );
        if (start === 0 && end === this.units.length) return this.fullPatch();
      }
    }
  }

  /**
   * The nearest unit at or after `end` that a window may end before (see
   * {@link goesOnFromUnitBefore}). `delta`: how far the edit moved the units from `end` on.
   */
  private windowEndAtOrAfter(end: number, delta: number): number {
    while (end < this.units.length && this.goesOnFromUnitBefore(end, this.units[end]!.from + delta)) end++;
    return end;
  }

  /**
   * The nearest unit at or before `start` that a window may start with (see
   * {@link mayStartWindow}). Runs of blocks with no blank line between them (reference
   * definitions, one unit per line) are stepped over at once, not by doubling the window, which
   * could double a window of one section into half the article.
   */
  private windowStartAtOrBefore(start: number): number {
    while (!this.mayStartWindow(start)) start--;
    return start;
  }

  /**
   * Whether a window may start with `units[index]`: the first unit; one after a blank line that
   * nothing holds open (micromark lets an open paragraph above, or indented code through blank
   * lines, change how the next line's blocks start: an ordered list not starting at 1 cannot
   * interrupt it; see open-blocks.ts), and not indented code after a list (see `Unit.endsWithList`);
   * or a part of an HTML block, which reads alone as it does
   * after the block's earlier lines. Units before a window are never moved by its edit, so their
   * offsets hold in the edited text.
   */
  private mayStartWindow(index: number): boolean {
    const unit = this.units[index]!;
    if (index === 0 || unit.continues) return true;
    if (this.goesOnFromUnitBefore(index, unit.from)) return false;
    return this.text.precededByBlankLine(unit.from) && !this.units[index - 1]!.openThroughBlankLines;
  }

  /**
   * Whether `units[index]`, which now starts at `from`, opens with indented code after a list or
   * indented code: micromark may read it as going on from the unit before, or not (see
   * `Unit.endsWithList`), so no window starts or ends between the two.
   */
  private goesOnFromUnitBefore(index: number, from: number): boolean {
    const before = this.units[index - 1]!;
    return (
      (before.endsWithList || before.openThroughBlankLines) &&
      indentedCode.test(this.text.slice(from, from + 4))
    );
  }

  /**
   * Renders again, one by one, the units outside the edited window that it changed without
   * touching their text (see {@link FollowUps}), and answers one patch for the edit and them:
   * from the first block that changed to the last (blocks in between keep their keys, so the
   * preview keeps their DOM).
   */
  private renderFollowUps(patch: RenderPatch): RenderPatch {
    const { units, renamed, shownBefore, footer } = this.followUps!;
    this.followUps = null;
    let rendered = patch.rendered;
    let footerChanged = patch.footer !== undefined;
    for (const unit of units) {
      const ids = renamed.get(unit);
      // Only its heading ids moved: they are changed in its HTML, which nothing else changes.
      if (ids && renameHeadings(unit, ids)) {
        unit.key = this.nextKey++;
        continue;
      }
      const index = this.units.indexOf(unit);
      if (index < 0) continue;
      const again = this.renderAround(index, index + 1, { delta: 0, lineDelta: 0, editTo: -1 });
      // The preview never saw the edited window's patch: it still shows what it showed before.
      if (again.full) return { ...again, deleteCount: shownBefore.length };
      rendered += again.rendered;
      footerChanged ||= again.footer !== undefined;
    }
    if (footer) {
      this.footer = this.renderFooter();
      footerChanged = true;
    }
    this.lastRendered = rendered;
    return {
      ...changedSpan(shownBefore, this.units, patch.lineDelta, (unit) => this.blockHtml(unit)),
      lineDelta: patch.lineDelta,
      ...(footerChanged ? { footer: this.footer } : {}),
      full: false,
      rendered,
    };
  }

  /** The whole article's HTML, byte-identical to `renderMarkdown` of the same text. */
  html(): string {
    if (this.exact !== null) return this.exact;
    const body = this.units
      .filter((unit) => unit.produces)
      .map((unit) => unitHtml(unit))
      .join('\n');
    return this.footer ? `${body}\n${this.footer}` : body;
  }

  /** The current text. */
  source(): string {
    return this.text.toString();
  }

  /** How many units the last call of {@link edit} or {@link reset} rendered again. */
  renderedUnits(): number {
    return this.lastRendered;
  }

  /**
   * How many characters of source the last call of {@link edit} or {@link reset} rendered to
   * HTML (windows, blocks or list items rendered alone, retries included; the checks that only
   * parse a few lines aside): the work a keystroke took, for tests and benches.
   */
  renderedChars(): number {
    return this.lastRenderedChars;
  }

  private fullPatch(): RenderPatch {
    const deleteCount = this.shownBlocks;
    const old = this.units;
    this.renderAll();
    // A whole render keeps the keys of blocks whose HTML it left as it was: the preview keeps
    // their DOM.
    reuseKeys(old, this.units);
    // Units that cannot reproduce the article's HTML (text that raw HTML leaves outside every
    // block) would not show it: the preview then gets the whole HTML as one block.
    const blocks =
      this.exact === null
        ? this.units.map((unit) => this.blockHtml(unit))
        : [{ key: this.nextKey++, line: 1, lineEnd: this.text.lines, html: this.exact }];
    this.shownBlocks = blocks.length;
    return {
      start: 0,
      deleteCount,
      blocks,
      lineDelta: 0,
      footer: this.exact === null ? this.footer : '',
      full: true,
      rendered: this.units.length,
    };
  }

  private renderAll(): void {
    this.plainFence = this.text.unclosedFrontmatterFence();
    const rendered = this.renderPart({
      from: 0,
      to: this.text.length,
      line: 1,
      stubsBefore: [],
      stubsAfter: [],
      headings: {},
      footnoteRefsBefore: [],
      whole: true,
      textMayFollow: false,
    });
    this.units = rendered.units;
    this.footer = rendered.footer;
    this.footerHasHeadings = rendered.footerHasHeadings;
    this.footerInLast = rendered.footerInLast;
    this.exact = null;
    if (rendered.irregular || this.html() !== rendered.exact) this.exact = rendered.exact;
    this.lastRendered = this.units.length;
    this.context.clear();
  }

  /**
   * Renders units `[start, end)` again, or, given `probeTo`, units `[start, end - 1)` with the
   * text up to `probeTo` after them, the first line of `units[end - 1]`: that unit's HTML stays
   * when the probe proves it unchanged (see window-probe.ts), otherwise a mismatch asks for the
   * window without the probe.
   */
  private renderWindow(
    start: number,
    windowEnd: number,
    shift: WindowShift,
    probeTo: number | null,
  ): RenderPatch {
    const { delta, lineDelta } = shift;
    const units = this.units;
    const end = probeTo === null ? windowEnd : windowEnd - 1;
    const old = units.slice(start, end);
    const from = start === 0 ? 0 : units[start]!.from;
    const oldTo = end === units.length ? this.text.length - delta : units[end - 1]!.to;
    const to = probeTo ?? oldTo + delta;
    const line = start === 0 ? 1 : units[start]!.line;
    const continues = start > 0 && units[start]!.continues;
    if (!this.mayStartWindow(start)) throw new WindowMismatch('start');
    if (this.footerInLast && end === units.length) throw new WindowMismatch('all');
    const context = this.context.before(units, start);
    // Text never serializes starting with `<`: a unit that does starts with an element.
    let following: Unit | undefined;
    for (let index = end; index < units.length && !following; index++) {
      if (units[index]!.produces) following = units[index];
    }
    const textMayFollow = following !== undefined && !unitHtml(following).startsWith('<');
    const rendered = this.renderPart({
      from,
      to,
      line,
      stubsBefore: context.stubs,
      stubsAfter: this.context.stubsAfter(units, end),
      headings: { slugsBefore: context.slugs },
      footnoteRefsBefore: context.footnoteRefs,
      whole: false,
      textMayFollow,
      throughNesting: nestingUnitFrom(units, end),
      nextProduces: units[end]?.produces === true,
      afterElement: elementBefore(units, start),
    });
    const fresh = rendered.units;
    if (probeTo !== null) {
      if (!probeProves(fresh, units[end]!.from + delta, probeTo)) throw new WindowMismatch('end');
      fresh.pop();
      // The probed unit keeps its HTML only if the window's last block stays open as it was (see
      // below): whether its first line interrupts that block may change how it reads.
      const lastNew = fresh[fresh.length - 1];
      if (lastNew && lastNew.endsOpen !== units[end - 1]!.endsOpen) throw new WindowMismatch('end');
    } else if (end < units.length) {
      const lastOld = units[end - 1]!;
      const lastNew = fresh[fresh.length - 1];
      // The window's last unit starts where it did (moved by the edit when it lies after it).
      const lastFrom = lastOld.from > shift.editTo ? lastOld.from + delta : lastOld.from;
      if (
        !lastNew ||
        lastNew.from !== lastFrom ||
        lastNew.to !== to ||
        rendered.openAtEnd ||
        rendered.runsOn
      ) {
        const swallowed = !!lastNew && lastNew.to === to && lastNew.from < lastFrom;
        throw new WindowMismatch('end', undefined, swallowed);
      }
      // The block on the next line reads its first line as interrupting the window's last block
      // when micromark holds that one open (see open-blocks.ts): when that changed, the block
      // after the window is rendered again too. (Indented code, held open through blank lines,
      // can only become or stop being the window's last unit by taking in or leaving the lines
      // after it, which moves where that unit starts or ends.)
      const next = units[end]!;
      if (next.line + lineDelta === lastNew.lineEnd + 1 && lastNew.endsOpen !== lastOld.endsOpen)
        throw new WindowMismatch('end', end);
    }
    if (start > 0 && fresh[0]?.from !== from) throw new WindowMismatch('all');
    if (continues && fresh[0]) fresh[0].continues = true;
    const effects = windowEffects({
      units,
      start,
      end,
      fresh,
      slugsBefore: context.slugs,
      hasFooter: this.footer !== '' || this.footerInLast,
      footerHasHeadings: this.footerHasHeadings,
      mentioning: (id) => this.unitsMentioning(id, start, end, delta),
    });
    // A note with raw HTML is parsed with the whole section around it (an end tag may move
    // what follows it): only a whole render places it.
    if (effects.notes.some((note) => note.before.includes('<') || note.after.includes('<')))
      throw new WindowMismatch('all');
    // The footnotes section lives in the last unit's HTML: a change to it renders everything.
    if (
      this.footerInLast &&
      (effects.notes.length > 0 ||
        effects.footerUsesRelinked ||
        (effects.headingsChanged && this.footerHasHeadings))
    )
      throw new WindowMismatch('all');
    if (effects.followUps.length > 0 || effects.footerUsesRelinked) {
      this.followUps = {
        units: effects.followUps,
        renamed: effects.renamed,
        shownBefore: units.map((unit) => ({ key: unit.key, line: unit.line })),
        footer: effects.footerUsesRelinked,
      };
    }
    if (effects.contextChanged) {
      // What the units before the window and after it tell a window is as it was: the caches
      // read around this window stay (typing in a heading changes the window's context only).
      this.context.windowChanged(units, start, end);
    }
    reuseKeys(old, fresh);
    shiftUnits(units, end, delta, lineDelta);
    units.splice(start, end - start, ...fresh);
    const { head, tail } = unchangedEnds(old, fresh, lineDelta);
    let footerChanged = effects.notes.length > 0;
    let footnotes: { id: string; html: string }[] | undefined;
    // Headings inside notes take their ids after every heading of the body.
    if (effects.headingsChanged && this.footerHasHeadings) {
      footerChanged = true;
      this.footer = this.renderFooter();
    } else if (footerChanged) {
      const patched = this.footerHasHeadings
        ? null
        : patchFootnotes(
            this.footer,
            effects.notes,
            this.units.flatMap((unit) => unit.footnoteRefs),
            this.units.flatMap((unit) => unit.stubs).filter((stub) => !stub.startsWith('[^')),
          );
      this.footer = patched?.footer ?? this.renderFooter();
      footnotes = patched?.items;
    }
    if (footerChanged) this.footerHasHeadings = notesHoldHeadings(this.footer);
    this.lastRendered = fresh.length;
    this.shownBlocks = units.length;
    return {
      start: start + head,
      deleteCount: old.length - head - tail,
      blocks: fresh.slice(head, fresh.length - tail).map((unit) => this.blockHtml(unit)),
      lineDelta,
      ...(footerChanged ? { footer: this.footer, ...(footnotes ? { footnotes } : {}) } : {}),
      full: false,
      rendered: fresh.length,
    };
  }

  /**
   * The units outside the window `units[start, end)`, rendered again after an edit that moved
   * the text after it by `delta`, whose text may write a reference to the link label `id` (see
   * label-mentions.ts); `null` when a mention lies outside every unit, or when the units are so
   * many or so long that rendering the whole article costs less than rendering them one by one.
   */
  private unitsMentioning(id: string, start: number, end: number, delta: number): Unit[] | null {
    const units = this.units;
    const text = this.text.slice(0, this.text.length);
    const mentions = labelMentions(text, id);
    if (!mentions) return null;
    // The window's span in the new text; units after it still have their offsets before the edit.
    const windowFrom = start === 0 ? 0 : units[start]!.from;
    const windowTo = end === units.length ? text.length : units[end]!.from + delta;
    const found = new Set<Unit>();
    let chars = 0;
    for (const at of mentions) {
      if (at >= windowFrom && at < windowTo) continue;
      const offset = at < windowFrom ? at : at - delta;
      const unit = units[lastAtMost(units, offset, (each) => each.from)];
      if (!unit || offset > unit.to) return null;
      if (found.has(unit)) continue;
      found.add(unit);
      chars += unit.to - unit.from;
      if (found.size > mentionedUnitsMax || chars > text.length / 4) return null;
    }
    return [...found];
  }

  private blockHtml(unit: Unit): BlockHtml {
    return { key: unit.key, line: unit.line, lineEnd: unit.lineEnd, html: unitHtml(unit) };
  }

  /**
   * The footnotes section on its own, from every citation, note and definition of the article,
   * with every body heading before it (headings inside notes take their ids after them).
   */
  private renderFooter(): string {
    return footnotesHtml(
      this.units.flatMap((unit) => unit.footnoteRefs),
      this.units.flatMap((unit) => unit.footnoteSources),
      this.units.flatMap((unit) => unit.stubs),
      this.units.flatMap((unit) => unit.headings),
    );
  }

  /** Renders `text[from, to)` with what the renderer knows of the rest (see {@link renderRange}). */
  private renderPart(
    part: Pick<
      RangeOptions,
      | 'from'
      | 'to'
      | 'line'
      | 'stubsBefore'
      | 'stubsAfter'
      | 'headings'
      | 'footnoteRefsBefore'
      | 'whole'
      | 'textMayFollow'
      | 'throughNesting'
      | 'nextProduces'
      | 'afterElement'
    >,
  ): RangeRender {
    this.lastRenderedChars += part.to - part.from;
    return renderRange({
      ...part,
      text: this.text,
      plainFence: this.plainFence !== null,
      hasFooter: this.footer !== '' || this.footerInLast,
      nextKey: () => this.nextKey++,
    });
  }
}

/**
 * Whether a unit before `units[start]` holds an element in its HTML (text and comments alone
 * leave the HTML parser's mode as it is). Usually the first unit does: the loop stops there.
 */
function elementBefore(units: readonly Unit[], start: number): boolean {
  for (let index = 0; index < start; index++) {
    const unit = units[index]!;
    if (unit.rels.length > 0 || unit.segments.some((segment) => segment.includes('<'))) return true;
  }
  return false;
}
