/**
 * CriticMarkup (http://criticmarkup.com) suggestions stored in the article text itself:
 * `{++added++}`, `{--deleted--}`, `{~~old~>new~~}`, `{==highlight==}` and `{>>comment<<}`.
 *
 * Hand-written because no maintained library parses CriticMarkup with source offsets (which the
 * editor decorations and the review panel need). The rules, kept deliberately strict so that an
 * author's text is never rewritten by accident:
 * - a mark opens with `{` and two sigils and closes with the matching two sigils and `}`;
 * - a mark that contains another opening (a nested mark) is left as text, inner marks included;
 * - a mark without its closing, or a substitution without `~>`, is left as text;
 * - a comment written right after another mark belongs to that mark.
 */

/** The five kinds of CriticMarkup. */
export type CriticKind = 'insertion' | 'deletion' | 'substitution' | 'highlight' | 'comment';

/** One suggestion found in the text, with offsets into it. */
export interface CriticMark {
  readonly kind: CriticKind;
  /** Offset of the opening `{`. */
  readonly from: number;
  /** Offset just after the mark, including an attached comment. */
  readonly to: number;
  /** Offset just after the mark's own closing `}` (before an attached comment). */
  readonly markTo: number;
  /** Offsets of the mark's body (between the sigils). */
  readonly bodyFrom: number;
  readonly bodyTo: number;
  /** For a substitution: the offset of `~>` in the body; otherwise -1. */
  readonly arrowAt: number;
  /** The text before the suggestion ('' for an insertion; the body for a highlight). */
  readonly oldText: string;
  /** The text after the suggestion ('' for a deletion; the body for a highlight). */
  readonly newText: string;
  /** The comment body: a standalone comment's text, or the comment attached to the mark. */
  readonly comment: string | null;
  /** Offset of an attached comment's `{`, or -1. */
  readonly commentFrom: number;
}

/** A replacement of `[from, to)` by `insert`, as a CodeMirror change spec has it. */
export interface TextChange {
  readonly from: number;
  readonly to: number;
  readonly insert: string;
}

const closers: Record<string, { kind: CriticKind; close: string }> = {
  '++': { kind: 'insertion', close: '++}' },
  '--': { kind: 'deletion', close: '--}' },
  '~~': { kind: 'substitution', close: '~~}' },
  '==': { kind: 'highlight', close: '==}' },
  '>>': { kind: 'comment', close: '<<}' },
};

const opening = /\{(\+\+|--|~~|==|>>)/g;
const openingInside = /\{(\+\+|--|~~|==|>>)/;

interface RawMark {
  kind: CriticKind;
  from: number;
  to: number;
  body: string;
}

function scanRaw(text: string): RawMark[] {
  const marks: RawMark[] = [];
  opening.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = opening.exec(text)) !== null) {
    const from = match.index;
    const { kind, close } = closers[match[1]!]!;
    const closeAt = text.indexOf(close, from + 3);
    if (closeAt < 0) continue; // unclosed: text; look for marks after the brace
    const body = text.slice(from + 3, closeAt);
    if (openingInside.test(body)) {
      // Nested: the whole outer span stays text, including what it contains.
      opening.lastIndex = closeAt + 3;
      continue;
    }
    if (kind === 'substitution' && !body.includes('~>')) continue;
    marks.push({ kind, from, to: closeAt + 3, body });
    opening.lastIndex = closeAt + 3;
  }
  return marks;
}

/** Finds every well-formed CriticMarkup mark in `text`, in order. */
export function parseCriticMarkup(text: string): CriticMark[] {
  const raw = scanRaw(text);
  const marks: CriticMark[] = [];
  for (let i = 0; i < raw.length; i++) {
    const mark = raw[i]!;
    const next = raw[i + 1];
    const attached =
      mark.kind !== 'comment' && next?.kind === 'comment' && next.from === mark.to ? next : null;
    if (attached) i++;
    const bodyFrom = mark.from + 3;
    const bodyTo = mark.to - 3;
    const arrow = mark.kind === 'substitution' ? mark.body.indexOf('~>') : -1;
    let oldText = '';
    let newText = '';
    switch (mark.kind) {
      case 'insertion':
        newText = mark.body;
        break;
      case 'deletion':
        oldText = mark.body;
        break;
      case 'substitution':
        oldText = mark.body.slice(0, arrow);
        newText = mark.body.slice(arrow + 2);
        break;
      case 'highlight':
        oldText = newText = mark.body;
        break;
      case 'comment':
        break;
    }
    marks.push({
      kind: mark.kind,
      from: mark.from,
      to: attached ? attached.to : mark.to,
      markTo: mark.to,
      bodyFrom,
      bodyTo,
      arrowAt: arrow < 0 ? -1 : bodyFrom + arrow,
      oldText,
      newText,
      comment: mark.kind === 'comment' ? mark.body : (attached?.body ?? null),
      commentFrom: attached ? attached.from : -1,
    });
  }
  return marks;
}

/** What to do with a suggestion. */
export type CriticDecision = 'accept' | 'reject';

/**
 * The change that accepts or rejects one mark: the suggested text (accept) or the original text
 * (reject) replaces the whole mark and its comment. Highlights keep their text either way;
 * comments disappear either way (resolving them).
 */
export function resolveMark(mark: CriticMark, decision: CriticDecision): TextChange {
  return { from: mark.from, to: mark.to, insert: decision === 'accept' ? mark.newText : mark.oldText };
}

/** Applies one decision to every mark of `text`. */
export function resolveAll(text: string, decision: CriticDecision): string {
  const marks = parseCriticMarkup(text);
  let out = '';
  let at = 0;
  for (const mark of marks) {
    const change = resolveMark(mark, decision);
    out += text.slice(at, change.from) + change.insert;
    at = change.to;
  }
  return out + text.slice(at);
}

/** The text with every suggestion accepted and every comment removed (for export). */
export function acceptAll(text: string): string {
  return resolveAll(text, 'accept');
}

/** The text with every suggestion rejected and every comment removed (for export). */
export function rejectAll(text: string): string {
  return resolveAll(text, 'reject');
}

/** True when the text holds at least one suggestion or comment. */
export function hasCriticMarkup(text: string): boolean {
  opening.lastIndex = 0;
  return opening.test(text) && parseCriticMarkup(text).length > 0;
}
