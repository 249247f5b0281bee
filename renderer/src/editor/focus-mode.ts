import { RangeSetBuilder, type EditorState, type Extension } from '@codemirror/state';
import { Decoration, type DecorationSet, EditorView, ViewPlugin, type ViewUpdate } from '@codemirror/view';

/**
 * The paragraph (run of non-blank lines) around `pos`, as line numbers. A blank line is its
 * own paragraph.
 */
export function paragraphAt(state: EditorState, pos: number): { first: number; last: number } {
  const doc = state.doc;
  const line = doc.lineAt(pos);
  if (line.text.trim() === '') return { first: line.number, last: line.number };
  let first = line.number;
  while (first > 1 && doc.line(first - 1).text.trim() !== '') first--;
  let last = line.number;
  while (last < doc.lines && doc.line(last + 1).text.trim() !== '') last++;
  return { first, last };
}

const dimmed = Decoration.line({ class: 'cm-folio-dimmed' });

function build(view: EditorView): DecorationSet {
  const { first, last } = paragraphAt(view.state, view.state.selection.main.head);
  const builder = new RangeSetBuilder<Decoration>();
  for (const { from, to } of view.visibleRanges) {
    for (let pos = from; pos <= to;) {
      const line = view.state.doc.lineAt(pos);
      if (line.number < first || line.number > last) builder.add(line.from, line.from, dimmed);
      pos = line.to + 1;
    }
  }
  return builder.finish();
}

const focusTheme = EditorView.baseTheme({
  '.cm-folio-dimmed': { opacity: '0.32', transition: 'opacity 120ms' },
  '.cm-line': { transition: 'opacity 120ms' },
});

/**
 * Focus mode: every line outside the paragraph being written is dimmed. Only visible lines
 * are decorated.
 */
export function focusMode(): Extension {
  return [
    focusTheme,
    ViewPlugin.fromClass(
      class {
        decorations: DecorationSet;
        constructor(view: EditorView) {
          this.decorations = build(view);
        }
        update(update: ViewUpdate): void {
          if (update.docChanged || update.selectionSet || update.viewportChanged) {
            this.decorations = build(update.view);
          }
        }
      },
      { decorations: (plugin) => plugin.decorations },
    ),
  ];
}
