/**
 * Turns an article title into a file-name slug the way static site generators do: lower case,
 * accents folded, words joined by `-`. Letters of any script are kept (a Greek or Japanese
 * title gives a readable name, not an empty one). Returns `''` when nothing usable remains.
 */
export function slugify(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '')
    .normalize('NFC');
}
