/** A built-in export theme. Each one layers its stylesheet over the preview's article theme. */
export interface ExportTheme {
  readonly id: ExportThemeId;
  readonly label: string;
  readonly description: string;
  /** File name under `shared/export/themes/`, or `null` for the preview's theme as it is. */
  readonly file: string | null;
}

/** Names of the built-in themes; `custom` is the library's `.folio/export.css`. */
export const exportThemeIds = ['article', 'modern', 'print', 'custom'] as const;

/** One of {@link exportThemeIds}. */
export type ExportThemeId = (typeof exportThemeIds)[number];

/** The themes offered in the export dialog and on the command line. */
export const exportThemes: readonly ExportTheme[] = [
  {
    id: 'article',
    label: 'Preview',
    description: 'Exactly what the preview shows, light and dark.',
    file: null,
  },
  { id: 'modern', label: 'Modern', description: 'Sans-serif and a little wider.', file: 'modern.css' },
  {
    id: 'print',
    label: 'Print',
    description: 'Black on white, compact: for paper and PDF.',
    file: 'print.css',
  },
  {
    id: 'custom',
    label: 'Custom',
    description: 'The preview theme plus the library’s .folio/export.css.',
    file: null,
  },
];

/** Where a library keeps its own export stylesheet (library-relative). */
export const customThemePath = '.folio/export.css';
