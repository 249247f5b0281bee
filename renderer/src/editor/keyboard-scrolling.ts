import type { Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';

/**
 * Puts the editor's content in the tab order explicitly (`tabindex="0"`), so that its scrolling
 * element (`.cm-scroller`) holds something a keyboard can focus and scroll with (WCAG 2.1.1;
 * axe's `scrollable-region-focusable`). An editable content element is focusable already as
 * `contenteditable`, so this adds no tab stop there; a read-only side of a diff
 * (`EditorView.editable` false) becomes focusable, and its arrow keys then scroll it.
 */
export function keyboardScrolling(): Extension {
  return EditorView.contentAttributes.of({ tabindex: '0' });
}
