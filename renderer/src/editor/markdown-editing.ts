import { closeBrackets, closeBracketsKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { markdownLanguage } from '@codemirror/lang-markdown';
import { indentUnit } from '@codemirror/language';
import { highlightSelectionMatches } from '@codemirror/search';
import { EditorSelection, EditorState, type Extension } from '@codemirror/state';
import {
  crosshairCursor,
  drawSelection,
  dropCursor,
  EditorView,
  highlightActiveLine,
  keymap,
  rectangularSelection,
} from '@codemirror/view';
import { listHangingIndent } from './list-indent';
import { markdownWithFrontmatter } from './markdown-language';

/** Characters that wrap a selection instead of replacing it when typed (emphasis, code, …). */
const wrappingMarkers = new Set(['*', '_', '~', '`', '=']);

/**
 * Typing an emphasis marker (`*`, `_`, `~`, `` ` ``, `=`) while text is selected wraps the
 * selection instead of replacing it, and keeps it selected, so `*` twice makes it bold.
 * Brackets and quotes pair through `closeBrackets`. Markers are not auto-closed at an empty
 * cursor: a `*` at a line start is a list bullet, not emphasis.
 */
export const markerWrapping: Extension = EditorView.inputHandler.of((view, _from, _to, text) => {
  if (!wrappingMarkers.has(text) || view.state.readOnly) return false;
  const { state } = view;
  if (state.selection.ranges.every((range) => range.empty)) return false;
  view.dispatch(
    state.changeByRange((range) =>
      range.empty
        ? { changes: { from: range.from, insert: text }, range: EditorSelection.cursor(range.from + 1) }
        : {
            changes: [
              { from: range.from, insert: text },
              { from: range.to, insert: text },
            ],
            range: EditorSelection.range(range.anchor + 1, range.head + 1),
          },
    ),
    { userEvent: 'input.type', scrollIntoView: true },
  );
  return true;
});

/**
 * Markdown editing: CommonMark + GFM with YAML frontmatter, fenced code highlighted in its own
 * language (grammars load lazily from `@codemirror/language-data` the first time a fence names
 * them), list and quote continuation on Enter (from `@codemirror/lang-markdown`), history,
 * bracket pairing, marker wrapping, multiple cursors and soft-wrapped lines with hanging
 * indentation for list items.
 */
export function markdownEditing(): Extension {
  return [
    markdownWithFrontmatter(),
    markdownLanguage.data.of({ closeBrackets: { brackets: ['(', '[', '{', '"'] } }),
    history(),
    drawSelection(),
    dropCursor(),
    EditorState.allowMultipleSelections.of(true),
    rectangularSelection(),
    crosshairCursor(),
    highlightActiveLine(),
    highlightSelectionMatches(),
    closeBrackets(),
    markerWrapping,
    indentUnit.of('  '),
    EditorView.lineWrapping,
    listHangingIndent(),
    keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, indentWithTab]),
  ];
}
