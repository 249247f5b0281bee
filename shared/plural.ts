/** The English forms of a word that takes a number: `{ one: 'article', other: 'articles' }`. */
export interface PluralForms {
  readonly one: string;
  readonly other: string;
}

/** English plural rules; Folio's interface is in English (`Intl.PluralRules` picks the form). */
const rules = new Intl.PluralRules('en');

/** The form of `forms` that `count` takes: `pluralWord(1, …)` is `one`, 0, 2 and 1.5 `other`. */
export function pluralWord(count: number, forms: PluralForms): string {
  return rules.select(count) === 'one' ? forms.one : forms.other;
}

/** `count` and the word in its form: `countOf(1, article)` is "1 article", 3 gives "3 articles". */
export function countOf(count: number, forms: PluralForms): string {
  return `${count} ${pluralWord(count, forms)}`;
}

/** Forms shared by several messages. */
export const words = {
  article: { one: 'article', other: 'articles' },
  file: { one: 'file', other: 'files' },
  error: { one: 'error', other: 'errors' },
  warning: { one: 'warning', other: 'warnings' },
  word: { one: 'word', other: 'words' },
  draft: { one: 'draft', other: 'drafts' },
  page: { one: 'page', other: 'pages' },
  problem: { one: 'problem', other: 'problems' },
} as const satisfies Record<string, PluralForms>;
