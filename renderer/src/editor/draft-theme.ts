import { HighlightStyle } from '@codemirror/language';
import type { Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { tags } from '@lezer/highlight';
import { blockHighlighting } from './block-highlighting';

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
  { tag: tags.monospace, fontFamily: 'var(--folio-mono)', fontSize: '0.92em' },
  { tag: tags.quote, color: 'var(--folio-muted)', fontStyle: 'italic' },
  { tag: tags.contentSeparator, color: 'var(--folio-muted)' },
  { tag: [tags.keyword, tags.operatorKeyword, tags.modifier], color: 'var(--folio-code-keyword)' },
  { tag: [tags.string, tags.special(tags.string), tags.regexp], color: 'var(--folio-code-string)' },
  { tag: [tags.number, tags.bool, tags.null, tags.atom], color: 'var(--folio-code-number)' },
  {
    tag: [tags.comment, tags.lineComment, tags.blockComment],
    color: 'var(--folio-muted)',
    fontStyle: 'italic',
  },
  {
    tag: [tags.typeName, tags.className, tags.definition(tags.variableName)],
    color: 'var(--folio-code-type)',
  },
  { tag: [tags.propertyName, tags.attributeName, tags.tagName], color: 'var(--folio-code-property)' },
]);

/**
 * The editor's look. Colours, font, size and line width come from CSS variables that the
 * settings set on the document, so light/dark and the author's choices apply without
 * reconfiguring the editor.
 */
const draftTheme = EditorView.theme({
  '&': { height: '100%', fontSize: 'var(--folio-editor-size, 16px)' },
  '.cm-scroller': { fontFamily: 'var(--folio-editor-font)', lineHeight: '1.65' },
  '.cm-content': {
    maxWidth: 'var(--folio-line-width, 46em)',
    margin: '0 auto',
    padding: '24px 28px 40vh',
  },
  // Translucent: the selection is drawn in a layer beneath the lines and must show through.
  '.cm-activeLine': { backgroundColor: 'color-mix(in srgb, var(--folio-active-line) 55%, transparent)' },
  '&.cm-focused': { outline: 'none' },
  '.cm-panels': { backgroundColor: 'var(--folio-sidebar-bg)', color: 'var(--folio-text)' },
  '.cm-panels-top': { borderBottom: '1px solid var(--folio-border)' },
  '.cm-searchMatch': {
    backgroundColor: 'var(--folio-search-match)',
    outline: '1px solid var(--folio-accent)',
  },
  '.cm-searchMatch-selected': { backgroundColor: 'var(--folio-selection)' },
  '.cm-selectionMatch': { backgroundColor: 'var(--folio-selection-match)' },
  '.cm-panel.cm-search': { fontFamily: 'var(--folio-ui-font)', fontSize: '13px', padding: '6px 10px' },
  '.cm-panel.cm-search input, .cm-panel.cm-search button': { fontSize: '13px' },
  '.cm-textfield': {
    backgroundColor: 'var(--folio-editor-bg)',
    color: 'var(--folio-text)',
    border: '1px solid var(--folio-border)',
    borderRadius: '4px',
  },
  '.cm-button': {
    backgroundImage: 'none',
    backgroundColor: 'var(--folio-hover)',
    color: 'var(--folio-text)',
    border: '1px solid var(--folio-border)',
    borderRadius: '4px',
  },
});

/** The draft look: theme plus highlighting of Markdown and of code in fenced blocks. */
export function draftLook(): Extension {
  return [draftTheme, blockHighlighting(draftHighlight)];
}
