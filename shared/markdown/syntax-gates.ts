import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import type {
  Construct,
  ConstructRecord,
  Effects,
  Event,
  Extension,
  State,
  TokenizeContext,
} from 'micromark-util-types';
import type { Plugin, Processor } from 'unified';

/**
 * What one document allows each gated construct to do: `false` when it cannot match anywhere
 * (the construct is then left out of the parse), else a test of the place where it is tried.
 */
interface DocumentGates {
  email: false | ((offset: number) => boolean);
  www: false | ((offset: number) => boolean);
  protocol: false | ((offset: number) => boolean);
  table: false | ((line: number) => boolean);
}

type GateName = keyof DocumentGates;

/** The GFM constructs gated here, by their micromark names. */
const gated: Readonly<Record<string, GateName>> = {
  emailAutolink: 'email',
  wwwAutolink: 'www',
  protocolAutolink: 'protocol',
  table: 'table',
};
const gateNames: readonly GateName[] = ['email', 'www', 'protocol', 'table'];

/** The document being parsed (a parse is synchronous, so one at a time per thread). */
let current: DocumentGates | null = null;

/**
 * remark-parse's parser with four GFM constructs gated by what the document's text allows.
 * micromark tries a construct at every place its first character occurs and undoes the attempt
 * when it fails; three of GFM's are tried very often and almost always fail: the e-mail
 * autolink literal at the start of every word (it looks for the `@` only after the word), the
 * `www.` and `http://` literals at every word starting with `w` or `h`, and the table at every
 * line of every paragraph (it reads the whole line as a head row before looking for the
 * delimiter row under it). Those attempts took about a quarter of the parse of a long article.
 *
 * A cheap look at the source decides instead, and only ever says no where the construct itself
 * would fail: an e-mail literal needs a run of `[A-Za-z0-9+._-]` ending in `@` where it starts;
 * `www.` and `http(s)://` literals need those letters there (any case); a table head row needs
 * a next line made only of delimiter-row characters (`| : -`, blanks, container markers) with a
 * `-` in it, unless it continues a table. A construct that cannot match anywhere in the document
 * is left out of the parse; otherwise it runs behind its test. Left-out constructs also change
 * where micromark ends its `data` tokens, which it merges again into the same text nodes, so
 * the tree is the same, positions included (the tests parse with and without the gates). Use it
 * right after remark-parse; it reads the syntax extensions other plugins register when it parses.
 */
const syntaxGates: Plugin<[], Root> = function (this: Processor) {
  // eslint-disable-next-line @typescript-eslint/no-this-alias -- the parser reads the processor's data when called
  const processor = this;
  // The extension lists for each combination of gates left in or out, built on first use.
  let registered: Extension[] | null = null;
  const variants = new Map<string, Extension[]>();
  processor.parser = (document: string): Root => {
    const extensions = (processor.data('micromarkExtensions') ?? []) as Extension[];
    if (extensions !== registered) {
      registered = extensions;
      variants.clear();
    }
    const gates = documentGates(document);
    const key = gateNames.map((name) => (gates[name] ? '1' : '0')).join('');
    let chosen = variants.get(key);
    if (!chosen) {
      chosen = extensions.map((extension) => gateExtension(extension, gates));
      variants.set(key, chosen);
    }
    current = gates;
    try {
      return fromMarkdown(document, {
        ...(processor.data('settings') as object | undefined),
        extensions: chosen,
        mdastExtensions: processor.data('fromMarkdownExtensions') ?? [],
      });
    } finally {
      current = null;
    }
  };
};

/** What each gated construct may do in `document` (see {@link syntaxGates}). */
export function documentGates(document: string): DocumentGates {
  // micromark skips a byte order mark: its offsets count from the character after it.
  const source = document.charCodeAt(0) === 0xfeff ? document.slice(1) : document;
  return {
    email: source.includes('@') ? emailStarts(source) : false,
    www: /www\./i.test(source) ? stickyTest(/www\./iy, source) : false,
    protocol: /https?:\/\//i.test(source) ? stickyTest(/https?:\/\//iy, source) : false,
    table: delimiterRowsAfter(source),
  };
}

function stickyTest(pattern: RegExp, source: string): (offset: number) => boolean {
  return (offset) => {
    pattern.lastIndex = offset;
    return pattern.test(source);
  };
}

/** Offsets where a run of e-mail characters (atext) starts that reaches an `@`. */
function emailStarts(source: string): (offset: number) => boolean {
  const starts = new Uint8Array(source.length);
  const run = /[A-Za-z0-9+\-._]+@/g;
  for (let match = run.exec(source); match; match = run.exec(source)) {
    starts.fill(1, match.index, match.index + match[0].length - 1);
  }
  return (offset) => starts[offset] === 1;
}

/**
 * Lines (1-based, as micromark counts them) followed by a line that could be a table's
 * delimiter row, or `false` when no line could be one.
 */
function delimiterRowsAfter(source: string): false | ((line: number) => boolean) {
  const lines = source.split(/\r\n|\r|\n/);
  const before = new Uint8Array(lines.length + 1);
  let any = false;
  for (let index = 1; index < lines.length; index++) {
    const line = lines[index]!;
    // Delimiter cells and pipes, blanks, and anything a container could put before them.
    if (line.includes('-') && /^[ \t|:\-*+.)0-9>]*$/.test(line)) {
      before[index] = 1; // lines[index] is line index + 1, so it follows line `index`.
      any = true;
    }
  }
  return any ? (line) => before[line] === 1 : false;
}

/** A copy of `extension` with the gated constructs left out or wrapped in their test. */
function gateExtension(extension: Extension | Extension[], gates: DocumentGates): Extension {
  if (Array.isArray(extension)) {
    return extension.map((part) => gateExtension(part, gates)) as unknown as Extension;
  }
  const copy: Record<string, unknown> = {};
  for (const [hook, value] of Object.entries(extension)) {
    copy[hook] = hook === 'text' || hook === 'flow' ? gateRecord(value as ConstructRecord, gates) : value;
  }
  return copy as Extension;
}

function gateRecord(record: ConstructRecord, gates: DocumentGates): ConstructRecord {
  const copy: ConstructRecord = {};
  for (const key of Object.keys(record)) {
    const value = record[key as unknown as number];
    const list: Construct[] = Array.isArray(value) ? value : value ? [value as Construct] : [];
    const kept: Construct[] = [];
    for (const construct of list) {
      const gate = construct.name ? gated[construct.name] : undefined;
      if (!gate) kept.push(construct);
      else if (gates[gate]) kept.push(guarded(construct, gate));
    }
    if (kept.length > 0) (copy as Record<string, Construct[]>)[key] = kept;
  }
  return copy;
}

const guardedConstructs = new WeakMap<Construct, Construct>();

/**
 * `construct` behind its gate's test of the current document. The same wrapper object for the
 * same construct, so that micromark runs its `resolveAll` once.
 */
function guarded(construct: Construct, gate: GateName): Construct {
  const known = guardedConstructs.get(construct);
  if (known) return known;
  const tokenize = construct.tokenize;
  const wrapper: Construct = {
    ...construct,
    tokenize(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
      return (code) => {
        const allowed = gate === 'table' ? tableMayStart(this) : offsetAllowed(gate, this.now().offset);
        return allowed ? tokenize.call(this, effects, ok, nok)(code) : nok(code);
      };
    },
  };
  guardedConstructs.set(construct, wrapper);
  return wrapper;
}

function offsetAllowed(gate: 'email' | 'www' | 'protocol', offset: number): boolean {
  const test = current?.[gate];
  // Outside a gated parse (it does not happen): let the construct try.
  return test ? test(offset) : current === null;
}

/** A table starts at a head row with a delimiter row under it, or continues after a row. */
function tableMayStart(context: TokenizeContext): boolean {
  const test = current?.table;
  if (!test) return current === null;
  return test(context.now().line) || followsTableRow(context.events);
}

/** The same look back micromark's table takes to decide whether this line is a body row. */
function followsTableRow(events: readonly Event[]): boolean {
  let index = events.length - 1;
  while (index > -1) {
    const type: string = events[index]![1].type;
    if (type === 'lineEnding' || type === 'linePrefix') index--;
    else break;
  }
  const tail: string | null = index > -1 ? events[index]![1].type : null;
  return tail === 'tableHead' || tail === 'tableRow';
}

export default syntaxGates;
