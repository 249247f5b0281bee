import {
  EditorSelection,
  EditorState,
  type ChangeSet,
  type ChangeSpec,
  type Extension,
  type Range,
  type Text,
} from '@codemirror/state';
import { Decoration, EditorView, ViewPlugin, type DecorationSet, type ViewUpdate } from '@codemirror/view';
import { parseCriticMarkup, type CriticMark } from '../../../shared/review/critic-markup';

const delimiterMark = Decoration.mark({ class: 'cm-critic-delim' });
const kindMarks = {
  insertion: Decoration.mark({ class: 'cm-critic cm-critic-insertion' }),
  deletion: Decoration.mark({ class: 'cm-critic cm-critic-deletion' }),
  substitution: Decoration.mark({ class: 'cm-critic cm-critic-substitution' }),
  highlight: Decoration.mark({ class: 'cm-critic cm-critic-highlight' }),
  comment: Decoration.mark({ class: 'cm-critic cm-critic-comment' }),
};
const oldPart = Decoration.mark({ class: 'cm-critic-old' });
const newPart = Decoration.mark({ class: 'cm-critic-new' });
const commentPart = Decoration.mark({ class: 'cm-critic-comment' });

/** The editor's CriticMarkup decorations for a whole document. */
export function criticDecorations(doc: string): DecorationSet {
  const ranges: Range<Decoration>[] = [];
  for (const mark of parseCriticMarkup(doc)) {
    ranges.push(kindMarks[mark.kind].range(mark.from, mark.markTo));
    ranges.push(delimiterMark.range(mark.from, mark.bodyFrom));
    ranges.push(delimiterMark.range(mark.bodyTo, mark.markTo));
    if (mark.kind === 'substitution') {
      if (mark.arrowAt > mark.bodyFrom) ranges.push(oldPart.range(mark.bodyFrom, mark.arrowAt));
      ranges.push(delimiterMark.range(mark.arrowAt, mark.arrowAt + 2));
      if (mark.bodyTo > mark.arrowAt + 2) ranges.push(newPart.range(mark.arrowAt + 2, mark.bodyTo));
    }
    if (mark.commentFrom >= 0) ranges.push(commentPart.range(mark.commentFrom, mark.to));
  }
  return Decoration.set(ranges, true);
}

/** Characters that sigils are made of: a change near none of them cannot make or break a mark. */
const sigilChars = /[{}+\-~=<>]/;

/**
 * The decorations after `changes`: moved along when no change is within two characters of a
 * sigil character, before or after it (a sigil is at most three characters, so none can have
 * been made or broken), else read again from the whole document. Typing prose in a long
 * article then costs nothing here instead of a scan of the whole text per keystroke.
 */
export function nextCriticDecorations(
  previous: DecorationSet,
  before: Text,
  changes: ChangeSet,
  after: Text,
): DecorationSet {
  let local = true;
  changes.iterChangedRanges((fromA, toA, fromB, toB) => {
    if (!local) return;
    const old = before.sliceString(Math.max(0, fromA - 2), Math.min(before.length, toA + 2));
    const now = after.sliceString(Math.max(0, fromB - 2), Math.min(after.length, toB + 2));
    if (sigilChars.test(old) || sigilChars.test(now)) local = false;
  });
  return local ? previous.map(changes) : criticDecorations(after.toString());
}

/**
 * Highlights CriticMarkup in the editor: insertions green, deletions struck through in red,
 * substitutions as both, highlights yellow, comments as notes; the `{++ ++}` sigils are dimmed.
 */
export function criticHighlighting(): Extension {
  return [
    ViewPlugin.fromClass(
      class {
        decorations: DecorationSet;
        constructor(view: EditorView) {
          this.decorations = criticDecorations(view.state.doc.toString());
        }
        update(update: ViewUpdate): void {
          if (!update.docChanged) return;
          this.decorations = nextCriticDecorations(
            this.decorations,
            update.startState.doc,
            update.changes,
            update.state.doc,
          );
        }
      },
      { decorations: (plugin) => plugin.decorations },
    ),
  ];
}

interface Rewrite {
  readonly changes: ChangeSpec[];
  /** Cursor position in the new document. */
  readonly cursor: number;
}

const hasDelimiter = /\{\+\+|\+\+\}|\{--|--\}|\{~~|~~\}|\{==|==\}|\{>>|<<\}|~>/;

// The part of a mark where the author's own suggested text lives, which suggest mode edits
// directly (so that typing a word extends one insertion instead of creating one per letter).
function suggestedRange(mark: CriticMark): [number, number] | null {
  if (mark.kind === 'insertion') return [mark.bodyFrom, mark.bodyTo];
  if (mark.kind === 'substitution') return [mark.arrowAt + 2, mark.bodyTo];
  return null;
}

/**
 * Turns one user change of the original document into CriticMarkup. Exported for tests; the
 * rules are described on {@link suggestMode}. Returns `null` to refuse the change (an edit
 * across existing marks, which cannot be expressed without nesting).
 */
export function suggestChange(
  doc: string,
  from: number,
  to: number,
  inserted: string,
  backward: boolean,
): Rewrite | null {
  const marks = parseCriticMarkup(doc);
  for (const mark of marks) {
    const own = suggestedRange(mark);
    if (own && from >= own[0] && to <= own[1]) {
      if (mark.kind === 'insertion' && inserted === '' && from === own[0] && to === own[1]) {
        return { changes: [{ from: mark.from, to: mark.markTo }], cursor: mark.from };
      }
      return { changes: [{ from, to, insert: inserted }], cursor: from + inserted.length };
    }
  }
  const overlapping = marks.find((mark) => mark.from < to && mark.to > from);
  if (inserted === '') {
    if (overlapping && from >= overlapping.from && to <= overlapping.to) {
      const own = suggestedRange(overlapping);
      if (own && backward && from >= own[1] && own[1] > own[0]) {
        // Backspace over the closing sigils of one's own insertion deletes its last letter.
        return suggestChange(doc, own[1] - 1, own[1], '', true);
      }
      // Deleting a sigil or deleted text: step over the mark and delete what lies beyond it.
      const size = to - from;
      if (backward)
        return overlapping.from === 0
          ? null
          : suggestChange(doc, Math.max(0, overlapping.from - size), overlapping.from, '', true);
      return overlapping.to >= doc.length
        ? null
        : suggestChange(doc, overlapping.to, Math.min(doc.length, overlapping.to + size), '', false);
    }
    if (overlapping) return null;
    const deleted = doc.slice(from, to);
    if (hasDelimiter.test(deleted)) return null;
    const after = marks.find((mark) => mark.kind === 'deletion' && mark.from === to && mark.comment === null);
    if (after) {
      return {
        changes: [{ from, to: after.markTo, insert: `{--${deleted}${after.oldText}--}` }],
        cursor: from,
      };
    }
    const before = marks.find(
      (mark) => mark.kind === 'deletion' && mark.markTo === from && mark.comment === null,
    );
    if (before) {
      const insert = `{--${before.oldText}${deleted}--}`;
      return { changes: [{ from: before.from, to, insert }], cursor: before.from + insert.length };
    }
    const insert = `{--${deleted}--}`;
    return { changes: [{ from, to, insert }], cursor: backward ? from : from + insert.length };
  }
  if (from === to) {
    let at = from;
    if (overlapping && at > overlapping.from) at = overlapping.to; // never type inside a sigil
    const previous = marks.find(
      (mark) => mark.kind === 'insertion' && mark.markTo === at && mark.comment === null,
    );
    if (previous) {
      return {
        changes: [{ from: previous.bodyTo, insert: inserted }],
        cursor: previous.bodyTo + inserted.length,
      };
    }
    return { changes: [{ from: at, insert: `{++${inserted}++}` }], cursor: at + 3 + inserted.length };
  }
  const replaced = doc.slice(from, to);
  if (overlapping || hasDelimiter.test(replaced)) return null;
  const insert = `{~~${replaced}~>${inserted}~~}`;
  return { changes: [{ from, to, insert }], cursor: from + insert.length - 3 };
}

/**
 * Suggest mode: typing inserts `{++text++}`, deleting wraps the text in `{--text--}`, and
 * replacing a selection writes `{~~old~>new~~}`, so that an editor's changes stay proposals the
 * author accepts or rejects. Typing at the end of one's own insertion extends it; deleting next
 * to a deletion extends that deletion; editing inside one's own suggested text edits it
 * directly. Only typing and deleting are rewritten: undo, accept/reject and other commands pass.
 */
export function suggestMode(): Extension {
  return [
    EditorState.transactionFilter.of((tr) => {
      if (!tr.docChanged || !(tr.isUserEvent('input') || tr.isUserEvent('delete'))) return tr;
      const doc = tr.startState.doc.toString();
      let single: { from: number; to: number; text: string } | null = null;
      let count = 0;
      tr.changes.iterChanges((fromA, toA, _fromB, _toB, inserted) => {
        count++;
        single = { from: fromA, to: toA, text: inserted.toString() };
      });
      if (count !== 1 || single === null) return []; // multi-cursor edits are not suggested
      const change = single as { from: number; to: number; text: string };
      const rewrite = suggestChange(
        doc,
        change.from,
        change.to,
        change.text,
        tr.isUserEvent('delete.backward'),
      );
      if (rewrite === null) return [];
      return {
        changes: rewrite.changes,
        selection: EditorSelection.cursor(rewrite.cursor),
        scrollIntoView: true,
        userEvent: 'input.suggest',
      };
    }),
    EditorView.editorAttributes.of({ class: 'cm-suggest-mode' }),
  ];
}
