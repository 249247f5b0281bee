import { EditorState, type Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';

/**
 * Typewriter mode: the line being written stays in the vertical middle of the editor. Every
 * typing, deleting or cursor-moving transaction also scrolls the cursor to the centre; the
 * content gets enough padding above and below that the first and last lines can get there too.
 */
export function typewriterMode(): Extension {
  return [
    EditorState.transactionExtender.of((tr) => {
      if (!tr.selection && !tr.docChanged) return null;
      if (
        !tr.isUserEvent('input') &&
        !tr.isUserEvent('delete') &&
        !tr.isUserEvent('select') &&
        !tr.isUserEvent('undo') &&
        !tr.isUserEvent('redo')
      ) {
        return null;
      }
      return { effects: EditorView.scrollIntoView(tr.newSelection.main.head, { y: 'center' }) };
    }),
    // More specific than the draft theme's padding, whatever order the styles mount in.
    EditorView.theme({ '&.cm-editor .cm-content': { paddingTop: '45vh', paddingBottom: '45vh' } }),
  ];
}
