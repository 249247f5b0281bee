/** The words of `text`: runs of letters and digits, lower-cased. */
function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * The accessible name of a button that shows `label` and does `title`: the title, followed by
 * the label when the title does not already contain the label's words (`Heading 1, H1`). A
 * name that holds the visible text lets an author who speaks to the computer say what they
 * see ("click H1"), as WCAG 2.5.3 (label in name) asks. Labels without words (`¶`, `{ }`) and
 * single letters (`B`, `I`) are glyphs, like icons: the title alone names them.
 */
export function buttonName(title: string, label: string): string {
  const shown = words(label);
  if (shown.length === 0 || (shown.length === 1 && /^\p{L}$/u.test(shown[0]!))) return title;
  const named = words(title);
  const contained = named.some((_, start) => shown.every((word, index) => named[start + index] === word));
  return contained ? title : `${title}, ${label}`;
}
