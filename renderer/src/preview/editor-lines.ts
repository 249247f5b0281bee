import type { EditorView } from '@codemirror/view';

/** The source line (fractional: how much of it lies above) at the top edge of the editor. */
export function editorTopLine(view: EditorView): number {
  const top = view.scrollDOM.getBoundingClientRect().top - view.documentTop;
  const block = view.lineBlockAtHeight(Math.max(0, top));
  const line = view.state.doc.lineAt(block.from).number;
  return line + Math.max(0, Math.min(1, (top - block.top) / Math.max(1, block.height)));
}

/**
 * The editor's `scrollTop` that puts source line `line` (fractional) at its top edge, from
 * CodeMirror's line heights (estimates for lines it has not drawn yet).
 */
export function editorScrollFor(view: EditorView, line: number): number {
  const doc = view.state.doc;
  const whole = Math.max(1, Math.min(doc.lines, Math.floor(line)));
  const block = view.lineBlockAt(doc.line(whole).from);
  const height = block.top + (line - whole) * block.height;
  const scroller = view.scrollDOM;
  const current = scroller.getBoundingClientRect().top - view.documentTop;
  return Math.round(height + scroller.scrollTop - current);
}
