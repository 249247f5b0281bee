import type { Extension } from '@codemirror/state';
import { EditorView, ViewPlugin } from '@codemirror/view';
import { announce } from '../accessibility';

/**
 * Sends what the editor announces (`EditorView.announce`: search matches, "replaced 3
 * matches", go to line) through the window's one live region instead of CodeMirror's own, which
 * is silenced, so that a screen reader has a single place to listen to.
 */
export function editorAnnouncements(): Extension {
  return [
    ViewPlugin.define((view) => {
      view.dom.querySelector(':scope > .cm-announced')?.setAttribute('aria-live', 'off');
      return {};
    }),
    EditorView.updateListener.of((update) => {
      for (const transaction of update.transactions) {
        for (const effect of transaction.effects) if (effect.is(EditorView.announce)) announce(effect.value);
      }
    }),
  ];
}
