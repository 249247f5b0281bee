import type { Nodes as MdastNodes, RootContent as MdastContent } from 'mdast';
import { visit } from 'unist-util-visit';
import { noteSource } from './open-blocks';

/**
 * A link or footnote definition as the incremental renderer tracks it. CommonMark lets the
 * first definition of a label win and ignores later ones; labels match case-folded, with runs
 * of white space collapsed (mdast's `identifier`, upper-cased here as mdast-util-to-hast does).
 */
export interface Definition {
  /** `link` for `[label]: url`, `note` for `[^label]: text`. */
  readonly kind: 'link' | 'note';
  /** The label as it matches: mdast's identifier, upper case. */
  readonly id: string;
  /** What a reference shows of it: destination and title of a link, the source of a note. */
  readonly content: string;
  /** The label as written in the source (what a stub writes between the brackets). */
  readonly label: string;
  /**
   * Markdown that defines the same label, for other parts of the article to be parsed against:
   * the destination and title of a link (escaped), `x` for a note (a citation shows only the
   * note's number).
   */
  readonly stub: string;
}

/** A string that names a definition's kind and label together, to key maps by. */
export function definitionKey(definition: Definition): string {
  return `${definition.kind === 'link' ? 'L' : 'F'}${definition.id}`;
}

/**
 * The definitions inside a top-level block, in source order (a note's own before those inside
 * it). `text` is the source the block's offsets point into (a note's content is its source text).
 * `interrupts`: the block is a note that interrupts the block before it, which its content then
 * says (see open-blocks.ts): the same text reads differently there.
 */
export function definitionsOf(node: MdastContent, text: string, interrupts = false): Definition[] {
  const found: Definition[] = [];
  visit(node as MdastNodes, (child) => {
    if (child.type === 'definition') {
      const label = child.label ?? child.identifier;
      const title = child.title === null || child.title === undefined ? '' : ` "${escapeAll(child.title)}"`;
      found.push({
        kind: 'link',
        id: child.identifier.toUpperCase(),
        content: `${child.url}\u0000${child.title ?? ''}`,
        label,
        stub: `[${label}]: <${escapeAll(child.url)}>${title}`,
      });
    } else if (child.type === 'footnoteDefinition') {
      const start = child.position?.start.offset ?? 0;
      const end = child.position?.end.offset ?? start;
      const label = child.label ?? child.identifier;
      found.push({
        kind: 'note',
        id: child.identifier.toUpperCase(),
        content: noteSource(text.slice(start, end), interrupts && child === node),
        label,
        stub: `[^${label}]: x`,
      });
      // A link definition inside a note defines its label for the whole article, as any other.
    }
    return undefined;
  });
  return found;
}

/**
 * The identifiers of a top-level block's footnote citations in order (upper case, as
 * mdast-util-to-hast numbers them); citations inside footnote definitions are not counted.
 */
export function citationsOf(node: MdastContent): string[] {
  const found: string[] = [];
  visit(node as MdastNodes, (child) => {
    if (child.type === 'footnoteDefinition') return 'skip';
    if (child.type === 'footnoteReference') found.push(child.identifier.toUpperCase());
    if (child.type !== 'table') return undefined;
    // A row's cells past the table's columns are not rendered: what they cite is never cited.
    const columns = child.align?.length;
    for (const row of child.children)
      for (const cell of row.children.slice(0, columns ?? row.children.length))
        for (const inline of cell.children) found.push(...citationsOf(inline));
    return 'skip';
  });
  return found;
}

/**
 * The definition stubs a window can use: those whose label the window writes in brackets
 * (`[label]`, `[text][label]`, `[^note]`), compared the way labels match. Parsing every definition of a long article with each keystroke would
 * cost more than the window itself, and so did matching labels anywhere in its text: a label of
 * one letter (`[d]: …`) is in every window. `source` is the window's text, or its
 * {@link WindowLabels} when stubs are picked for it more than once.
 */
export function neededStubs(source: string | WindowLabels, stubs: readonly string[]): string[] {
  if (stubs.length === 0) return [];
  const labels = typeof source === 'string' ? new WindowLabels(source) : source;
  if (!labels.anyBracket) return [];
  const index = stubIndexes.get(stubs);
  if (index) return index.pick(labels.all());
  // A list asked about a second time (the article's definitions before and after the window
  // being typed in, cached between keystrokes) is indexed by label: a long article has
  // thousands, and reading each one's label again with every keystroke cost more than the rest
  // of a paragraph's render.
  if (stubs.length >= indexedFrom) {
    if (askedOnce.has(stubs)) {
      const built = new StubIndex(stubs);
      stubIndexes.set(stubs, built);
      return built.pick(labels.all());
    }
    askedOnce.add(stubs);
  }
  return stubs.filter((stub) => {
    const label = stubLabel(stub);
    return label === null || labels.has(label);
  });
}

/** Lists of stubs shorter than this are filtered, never indexed. */
const indexedFrom = 64;
const askedOnce = new WeakSet<readonly string[]>();
const stubIndexes = new WeakMap<readonly string[], StubIndex>();

/** The label a stub defines, as labels match; `null` for one that is not a definition. */
function stubLabel(stub: string): string | null {
  const match = /^\[(\^?[\s\S]*?)\]: /.exec(stub);
  return match ? normalizeLabel(match[1]!) : null;
}

/** A list of stubs by label, for {@link neededStubs}. The list must not change once indexed. */
class StubIndex {
  private readonly byLabel = new Map<string, number[]>();
  /** Stubs that define no label: always needed. */
  private readonly always: number[] = [];

  constructor(private readonly stubs: readonly string[]) {
    stubs.forEach((stub, at) => {
      const label = stubLabel(stub);
      if (label === null) this.always.push(at);
      else {
        const list = this.byLabel.get(label);
        if (list) list.push(at);
        else this.byLabel.set(label, [at]);
      }
    });
  }

  /** The stubs whose label is among `labels`, in the list's order. */
  pick(labels: ReadonlySet<string>): string[] {
    const picked = [...this.always];
    for (const label of labels) {
      const at = this.byLabel.get(label);
      if (at) picked.push(...at);
    }
    return picked.sort((a, b) => a - b).map((at) => this.stubs[at]!);
  }
}

/**
 * What a window's text writes between brackets (see {@link neededStubs}), read from the text
 * once, when first asked: a window that takes stubs from before it and from after it reads its
 * labels once for both.
 */
export class WindowLabels {
  private labels: Set<string> | null = null;
  private bracket: boolean | null = null;

  /** `text`: the window's text. */
  constructor(private readonly text: string) {}

  /** Whether the text holds a `[` at all (no stub is needed otherwise). */
  get anyBracket(): boolean {
    return (this.bracket ??= this.text.includes('['));
  }

  /** Whether the text writes `label` (normalized as labels match) between brackets. */
  has(label: string): boolean {
    return this.all().has(label);
  }

  /** Every label the text writes between brackets, normalized as labels match. */
  all(): ReadonlySet<string> {
    return (this.labels ??= bracketedLabels(this.text));
  }
}

/**
 * What a text writes between brackets (innermost pairs, escapes kept), as labels match. Inside a
 * quote or a list a label may run over lines that start with `>` or indentation, which are not
 * part of it: such text counts both with those line starts and without them.
 */
function bracketedLabels(text: string): Set<string> {
  const labels = new Set<string>();
  for (const match of text.matchAll(/\[((?:[^[\]\\]|\\.)*)\]/g)) {
    labels.add(normalizeLabel(match[1]!));
    if (match[1]!.includes('\n')) labels.add(normalizeLabel(withoutLineStarts(match[1]!)));
  }
  return labels;
}

/** `text` without the quote markers and indentation at the start of its lines after the first. */
export function withoutLineStarts(text: string): string {
  return text.replace(/\n[ \t>]*/g, '\n');
}

/** A label as CommonMark matches it: white space collapsed and trimmed, case folded. */
export function normalizeLabel(value: string): string {
  return value
    .replace(/[\t\n\r ]+/g, ' ')
    .replace(/^ | $/g, '')
    .toLowerCase()
    .toUpperCase();
}

const punctuation = /[!-/:-@[-`{-~]/g;

function escapeAll(value: string): string {
  return value.replace(punctuation, (char) => `\\${char}`);
}

/** Whether two lists of definitions are the same, in the same order. */
export function sameDefinitions(a: readonly Definition[], b: readonly Definition[]): boolean {
  return (
    a.length === b.length &&
    a.every((def, index) => {
      const other = b[index]!;
      return def.kind === other.kind && def.id === other.id && def.content === other.content;
    })
  );
}

/** How an edit changed the definition that wins for one label (see {@link winnerChanges}). */
export interface WinnerChange {
  readonly kind: 'link' | 'note';
  readonly id: string;
  /** The winning definition's content before and after the edit; `undefined`: no definition. */
  readonly before: string | undefined;
  readonly after: string | undefined;
}

/**
 * Which labels now resolve differently after a window of the article was rendered again:
 * for every label whose definitions inside the window changed, the first definition in the
 * whole article (before the window, in the window, after it) before and after the edit. A
 * label defined before the window keeps its winner whatever the window does, and a changed
 * duplicate that still loses changes nothing, so neither is listed.
 */
export function winnerChanges(
  before: readonly Definition[],
  oldWindow: readonly Definition[],
  freshWindow: readonly Definition[],
  after: readonly Definition[],
): WinnerChange[] {
  const firstOf = (list: readonly Definition[]): Map<string, Definition> => {
    const map = new Map<string, Definition>();
    for (const def of list) if (!map.has(definitionKey(def))) map.set(definitionKey(def), def);
    return map;
  };
  const contentsOf = (list: readonly Definition[]): Map<string, string[]> => {
    const map = new Map<string, string[]>();
    for (const def of list)
      map.set(definitionKey(def), [...(map.get(definitionKey(def)) ?? []), def.content]);
    return map;
  };
  const oldContents = contentsOf(oldWindow);
  const freshContents = contentsOf(freshWindow);
  const touched = new Set<string>();
  for (const key of new Set([...oldContents.keys(), ...freshContents.keys()])) {
    if ((oldContents.get(key) ?? []).join('\u0000') !== (freshContents.get(key) ?? []).join('\u0000'))
      touched.add(key);
  }
  if (touched.size === 0) return [];
  const earlier = new Set(before.map(definitionKey));
  const oldFirst = firstOf(oldWindow);
  const freshFirst = firstOf(freshWindow);
  const laterFirst = firstOf(after);
  const changes: WinnerChange[] = [];
  for (const key of touched) {
    if (earlier.has(key)) continue;
    const was = oldFirst.get(key) ?? laterFirst.get(key);
    const is = freshFirst.get(key) ?? laterFirst.get(key);
    if (was?.content === is?.content && (was === undefined) === (is === undefined)) continue;
    const def = (was ?? is)!;
    changes.push({ kind: def.kind, id: def.id, before: was?.content, after: is?.content });
  }
  return changes;
}

/** The stubs of the first definition of each label (the one that wins), in order. */
export function winningStubs(definitions: readonly Definition[]): string[] {
  const seen = new Set<string>();
  const stubs: string[] = [];
  for (const definition of definitions) {
    const key = definitionKey(definition);
    if (seen.has(key)) continue;
    seen.add(key);
    stubs.push(definition.stub);
  }
  return stubs;
}
