import { vim } from '@replit/codemirror-vim';
import { searchKeymap, search } from '@codemirror/search';
import { Compartment, EditorState, Prec, type Extension, type StateEffect } from '@codemirror/state';
import { EditorView, keymap, type KeyBinding } from '@codemirror/view';
import { draftLook } from './draft-theme';
import { formattingKeymap } from './editor-commands';
import { focusMode } from './focus-mode';
import { richPaste, type RichPasteConfig } from './image-paste';
import { keyboardScrolling } from './keyboard-scrolling';
import { markdownEditing } from './markdown-editing';
import { typewriterMode } from './typewriter-mode';
import { editorAnnouncements } from './editor-announcements';

/** The settings the editor itself reacts to (a subset of the app's settings). */
export interface EditorModes {
  readonly vimMode: boolean;
  readonly focusMode: boolean;
  readonly typewriterMode: boolean;
  readonly spellcheck: boolean;
  /** BCP 47 language of the text, for the spellchecker. */
  readonly spellcheckLanguage: string;
}

/** A document change, as the editor reports it to the app. */
export interface EditorChange {
  /**
   * The new text. Read it only when needed: building a long article's text costs
   * milliseconds (a 1.4-million-character book: several per keystroke, and as much garbage).
   */
  text(): string;
  /** The new text's length. */
  readonly length: number;
  /** The new text from `from` to `to`, read without building the whole text. */
  slice(from: number, to: number): string;
  /**
   * True when the author changed it in the editor itself (it has focus), not through the form
   * or a command elsewhere.
   */
  readonly typing: boolean;
  /** Offset in the previous text where the change starts. */
  readonly from: number;
}

/** Options of {@link createEditorExtensions}. */
export interface EditorSetupOptions {
  /** Called after every document change (see {@link EditorChange}). */
  readonly onChange: (change: EditorChange) => void;
  /** Extra key bindings (e.g. save), taking precedence over the defaults. */
  readonly keys: readonly KeyBinding[];
  /** True when the article must not be edited. */
  readonly readOnly: boolean;
  /** CSP nonce for CodeMirror's style elements. */
  readonly nonce: string | null;
  /** Modes switched by settings; default: all off, spellcheck on in English. */
  readonly modes?: EditorModes;
  /** Image paste and drop, and HTML paste (see `image-paste.ts`). */
  readonly paste?: Partial<RichPasteConfig>;
}

const defaultModes: EditorModes = {
  vimMode: false,
  focusMode: false,
  typewriterMode: false,
  spellcheck: true,
  spellcheckLanguage: 'en-US',
};

const vimCompartment = new Compartment();
const focusCompartment = new Compartment();
const typewriterCompartment = new Compartment();
const spellcheckCompartment = new Compartment();

function spellcheckAttributes(modes: EditorModes): Extension {
  return EditorView.contentAttributes.of({
    spellcheck: modes.spellcheck ? 'true' : 'false',
    lang: modes.spellcheckLanguage,
    autocorrect: 'off',
    autocapitalize: 'off',
  });
}

/** The effects that switch an existing editor to `modes` (vim, focus, typewriter, spellcheck). */
export function reconfigureModes(modes: EditorModes): StateEffect<unknown>[] {
  return [
    vimCompartment.reconfigure(modes.vimMode ? vim() : []),
    focusCompartment.reconfigure(modes.focusMode ? focusMode() : []),
    typewriterCompartment.reconfigure(modes.typewriterMode ? typewriterMode() : []),
    spellcheckCompartment.reconfigure(spellcheckAttributes(modes)),
  ];
}

/** The extensions of Folio's Markdown editor. */
export function createEditorExtensions(options: EditorSetupOptions): Extension[] {
  const modes = options.modes ?? defaultModes;
  return [
    // Vim's keymap must see keys before every other keymap, so it comes first.
    vimCompartment.of(modes.vimMode ? vim() : []),
    markdownEditing(),
    draftLook(),
    search({ top: true }),
    Prec.high(keymap.of([...options.keys, ...formattingKeymap])),
    keymap.of(searchKeymap),
    focusCompartment.of(modes.focusMode ? focusMode() : []),
    typewriterCompartment.of(modes.typewriterMode ? typewriterMode() : []),
    spellcheckCompartment.of(spellcheckAttributes(modes)),
    richPaste(options.paste),
    editorAnnouncements(),
    EditorState.readOnly.of(options.readOnly),
    // CodeMirror sets role="textbox" and aria-multiline itself; said here so it stays so.
    EditorView.contentAttributes.of({ 'aria-label': 'Markdown source', 'aria-multiline': 'true' }),
    keyboardScrolling(),
    ...(options.nonce ? [EditorView.cspNonce.of(options.nonce)] : []),
    EditorView.updateListener.of((update) => {
      if (!update.docChanged) return;
      const doc = update.state.doc;
      let from = doc.length;
      update.changes.iterChangedRanges((fromA) => (from = Math.min(from, fromA)));
      options.onChange({
        text: () => doc.toString(),
        length: doc.length,
        slice: (sliceFrom, to) => doc.sliceString(sliceFrom, to),
        typing: update.view.hasFocus,
        from,
      });
    }),
  ];
}
