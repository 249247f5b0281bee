import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { markdown, markdownLanguage } from '@codemirror/lang-markdown';
import { yamlFrontmatter } from '@codemirror/lang-yaml';
import { defaultHighlightStyle, syntaxHighlighting, HighlightStyle } from '@codemirror/language';
import { highlightSelectionMatches, searchKeymap } from '@codemirror/search';
import { EditorState, type Extension } from '@codemirror/state';
import { tags } from '@lezer/highlight';
import { drawSelection, EditorView, highlightActiveLine, keymap, type KeyBinding } from '@codemirror/view';

/** Styles that make Markdown source read like a draft: larger headings, real emphasis. */
const draftHighlight = HighlightStyle.define([
  { tag: tags.heading1, fontSize: '1.45em', fontWeight: '700' },
  { tag: tags.heading2, fontSize: '1.25em', fontWeight: '700' },
  { tag: tags.heading3, fontSize: '1.1em', fontWeight: '700' },
  { tag: [tags.heading4, tags.heading5, tags.heading6], fontWeight: '700' },
  { tag: tags.emphasis, fontStyle: 'italic' },
  { tag: tags.strong, fontWeight: '700' },
  { tag: tags.strikethrough, textDecoration: 'line-through' },
  { tag: [tags.processingInstruction, tags.meta], color: 'var(--folio-muted)' },
  { tag: tags.link, color: 'var(--folio-accent)' },
  { tag: tags.url, color: 'var(--folio-muted)', textDecoration: 'underline' },
  { tag: tags.monospace, fontFamily: 'var(--folio-mono)' },
  { tag: tags.quote, color: 'var(--folio-muted)', fontStyle: 'italic' },
]);

/** The editor's look; colours come from the app's CSS variables so light and dark follow. */
const draftTheme = EditorView.theme({
  '&': { height: '100%', fontSize: 'var(--folio-editor-size, 16px)' },
  '.cm-scroller': { fontFamily: 'var(--folio-editor-font)', lineHeight: '1.65' },
  '.cm-content': { maxWidth: 'var(--folio-line-width, 46em)', margin: '0 auto', padding: '24px 28px 40vh' },
  '.cm-activeLine': { backgroundColor: 'var(--folio-active-line)' },
  '&.cm-focused': { outline: 'none' },
});

/** Options of {@link createEditorExtensions}. */
export interface EditorSetupOptions {
  /** Called with the new text after every document change. */
  readonly onChange: (text: string) => void;
  /** Extra key bindings (e.g. save), taking precedence over the defaults. */
  readonly keys: readonly KeyBinding[];
  /** True when the article must not be edited. */
  readonly readOnly: boolean;
  /** CSP nonce for CodeMirror's style elements. */
  readonly nonce: string | null;
}

/** The extensions of Folio's Markdown editor. */
export function createEditorExtensions(options: EditorSetupOptions): Extension[] {
  return [
    history(),
    drawSelection(),
    highlightActiveLine(),
    highlightSelectionMatches(),
    EditorView.lineWrapping,
    yamlFrontmatter({ content: markdown({ base: markdownLanguage }) }),
    syntaxHighlighting(draftHighlight),
    syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
    draftTheme,
    keymap.of([...options.keys, ...defaultKeymap, ...historyKeymap, ...searchKeymap, indentWithTab]),
    EditorState.readOnly.of(options.readOnly),
    EditorView.contentAttributes.of({ 'aria-label': 'Markdown source', spellcheck: 'true' }),
    ...(options.nonce ? [EditorView.cspNonce.of(options.nonce)] : []),
    EditorView.updateListener.of((update) => {
      if (update.docChanged) options.onChange(update.state.doc.toString());
    }),
  ];
}
