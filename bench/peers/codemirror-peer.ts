/**
 * The bench's CodeMirror peer: CodeMirror 6 as it comes (its minimal setup, the Markdown language
 * and line wrapping), holding the page's `window.peerText` with the cursor at its end. Nothing of
 * Folio is in it, so its keystroke-to-paint time is what the fixed stack costs in this Chromium.
 */
import { markdown } from '@codemirror/lang-markdown';
import { EditorState } from '@codemirror/state';
import { EditorView, minimalSetup } from 'codemirror';

const text = (window as unknown as { peerText: string }).peerText;
const view = new EditorView({
  state: EditorState.create({ doc: text, extensions: [minimalSetup, markdown(), EditorView.lineWrapping] }),
  parent: document.body,
});
view.focus();
view.dispatch({ selection: { anchor: text.length }, scrollIntoView: true });
// Puts the cursor at the start of a line (1-based), as the app's go-to-line panel does.
(window as unknown as { peerGoTo: (line: number) => void }).peerGoTo = (line) => {
  view.dispatch({ selection: { anchor: view.state.doc.line(line).from }, scrollIntoView: true });
  view.focus();
};
