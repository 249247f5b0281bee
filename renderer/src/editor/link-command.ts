import { EditorSelection, type StateCommand } from '@codemirror/state';

const urlPattern = /^(https?:\/\/|mailto:)[^\s<>()]+$/i;

/** True when `text` (trimmed) is a single http(s) or mailto URL, fit to be a link target. */
export function isLinkUrl(text: string): boolean {
  return urlPattern.test(text.trim());
}

/**
 * Makes each selection a Markdown link. `url` (for example what the clipboard holds) is used
 * as the target when it is a URL:
 *
 * - `text` with a URL → `[text](url)`, cursor after the link;
 * - `text` without one → `[text](|)`, cursor where the URL goes;
 * - a selected URL → `[|](url)`, cursor where the link text goes;
 * - nothing selected → `[|](url)` or `[|]()`.
 */
export function insertLink(url: string | null = null): StateCommand {
  const target = url !== null && isLinkUrl(url) ? url.trim() : null;
  return ({ state, dispatch }) => {
    if (state.readOnly) return false;
    const transaction = state.changeByRange((range) => {
      const text = state.sliceDoc(range.from, range.to);
      if (!range.empty && isLinkUrl(text)) {
        const insert = `[](${text.trim()})`;
        return {
          changes: { from: range.from, to: range.to, insert },
          range: EditorSelection.cursor(range.from + 1),
        };
      }
      if (range.empty) {
        const insert = `[](${target ?? ''})`;
        return { changes: { from: range.from, insert }, range: EditorSelection.cursor(range.from + 1) };
      }
      const insert = `[${text}](${target ?? ''})`;
      const cursor = target ? range.from + insert.length : range.from + insert.length - 1;
      return { changes: { from: range.from, to: range.to, insert }, range: EditorSelection.cursor(cursor) };
    });
    dispatch(state.update(transaction, { scrollIntoView: true, userEvent: 'input.format' }));
    return true;
  };
}
