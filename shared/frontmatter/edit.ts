/**
 * Edits frontmatter as text: every operation returns the smallest splices that change one
 * value, and re-parses the result to prove that nothing else changed (verify-edit.ts). The
 * block is never regenerated from an object, so comments, key order, quoting, indentation,
 * blank lines, anchors and line endings stay as they were.
 */
import type { ValueStyle } from './form-model';
import { isYamlSource, type ScalarValue } from './scalar-source';
import { checkEditable, editContext, type FieldValue, type ListItem } from './edit-context';
import { addKeyEdits, removeKeyEdits } from './key-edits';
import { setListEdits } from './list-edits';
import { setScalarEdits } from './scalar-edits';
import type { TextEdit } from './text-edit';

export { applyEdits, type TextEdit } from './text-edit';
export { FrontmatterEditError, type FieldValue, type ListItem } from './edit-context';

/**
 * Sets a scalar value, keeping its quoting style where the new text allows it (a plain value
 * that would read back differently, like `01234` or `yes`, gets quotes). A missing key is added.
 */
export function setScalar(
  text: string,
  key: string,
  value: ScalarValue,
  options: EditOptions = {},
): TextEdit[] {
  const ctx = editContext(text);
  checkEditable(ctx, key);
  return setScalarEdits(ctx, key, value, options.style);
}

/** Options of {@link setScalar} and {@link setField}. */
export interface EditOptions {
  /**
   * The style to prefer instead of the value's current one. The form passes the style a field
   * had when it got focus, so a space typed at the end (which needs quotes for a moment) does
   * not leave a plain title quoted for good. Default: the current style.
   */
  readonly style?: ValueStyle;
}

/** Sets a list, keeping its flow (`[a, b]`) or block (`- a`) style and untouched items' text. */
export function setList(text: string, key: string, items: readonly ListItem[]): TextEdit[] {
  const ctx = editContext(text);
  checkEditable(ctx, key);
  return setListEdits(ctx, key, items);
}

/** Sets any field value: lists with {@link setList}, everything else with {@link setScalar}. */
export function setField(
  text: string,
  key: string,
  value: FieldValue,
  options: EditOptions = {},
): TextEdit[] {
  return Array.isArray(value)
    ? setList(text, key, value as readonly ListItem[])
    : setScalar(text, key, value as ScalarValue, options);
}

/**
 * Appends a key after the last one, with the file's indentation and line ending. Creates the
 * block when the text has none.
 */
export function addKey(text: string, key: string, value: FieldValue): TextEdit[] {
  return addKeyEdits(editContext(text), key, value);
}

/** Removes a key with its whole line(s); comments on other lines stay. */
export function removeKey(text: string, key: string): TextEdit[] {
  const ctx = editContext(text);
  checkEditable(ctx, key);
  return removeKeyEdits(ctx, key);
}

/** True when `value` is a YAML-source value (re-exported for callers building CLI values). */
export { isYamlSource };
