/**
 * A string of its own. In V8 a slice of a longer string refers to that string and keeps all
 * of it alive: a title, a tag or a search term cut from an article's text would keep the whole
 * text in memory for as long as it lives. Joining forces a flat copy, and the slice of that
 * copy refers to the copy only. Strings under 13 characters are copied by V8 anyway.
 */
export function ownString(text: string): string {
  return text.length < 13 ? text : (' ' + text).slice(1);
}
