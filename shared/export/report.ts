import type { ArticleProblem } from '../checks/problems';
import type { ImageMode } from './document';
import type { ExportThemeId } from './themes';
import type { TitleBlockMode } from './title-block';

/** Choices of one export, from the dialog or the command line. */
export interface ExportChoices {
  /** `inline` (default): one self-contained file per article; `copy`: an assets folder. */
  readonly images?: ImageMode;
  /** Built-in theme or `custom` (`.folio/export.css`). Default: `article` (the preview's). */
  readonly theme?: ExportThemeId;
  /** Title block above the body: `auto` (default: only without an H1), `always`, `never`. */
  readonly titleBlock?: TitleBlockMode;
  /** Table of contents of the H2/H3 headings. Default: false. */
  readonly toc?: boolean;
  /** Library export: also export articles with `status: draft`. Default: false. */
  readonly includeDrafts?: boolean;
  /** Write nothing when a check finds an error (missing image, broken link...). Default: false. */
  readonly strict?: boolean;
}

/** Progress of a running export. */
export interface ExportProgress {
  readonly phase: 'rendering' | 'writing' | 'done';
  readonly done: number;
  readonly total: number;
  /** The article being worked on. */
  readonly path: string | null;
}

/** An image the export could not include, in words for the author. */
export interface ImageProblem {
  /** The article that shows it. */
  readonly path: string;
  readonly src: string;
  readonly message: string;
}

/** What an export did. */
export interface ExportReport {
  /** The output folder: absolute from the CLI, library-relative over the contract. */
  readonly outDir: string;
  /** Files written, relative to the output folder (`/`-separated). */
  readonly written: string[];
  /** Articles left as they were because nothing changed since the last export. */
  readonly skipped: string[];
  /** Drafts left out. */
  readonly drafts: string[];
  /** Preflight problems of the exported articles (errors and warnings). */
  readonly problems: ArticleProblem[];
  /** Images that could not be included. */
  readonly imageProblems: ImageProblem[];
  /** The main file, relative to `outDir`: the article's HTML, or the library's `index.html`. */
  readonly entry: string | null;
  /** False when `strict` stopped the export or it was cancelled. */
  readonly completed: boolean;
  readonly cancelled: boolean;
}

/** One article as a self-contained page, plus its body for the clipboard. */
export interface ArticleHtml {
  /** The whole standalone document (images inlined), as an inline export writes it. */
  readonly document: string;
  /** The `<article>` content only, for Copy as HTML. */
  readonly body: string;
  /** The same body as plain text, for the clipboard's text flavour. */
  readonly text: string;
  /** A file name for saving it: the article's name with `.html`. */
  readonly fileName: string;
}

/** What the service found about an output folder the author typed or picked. */
export interface ExportFolderCheck {
  /** The folder as an absolute, normalized path. */
  readonly path: string;
  /** True when it exists (otherwise the export creates it). */
  readonly exists: boolean;
  /** True when it is inside the library: exporting there needs the author's confirmation. */
  readonly insideLibrary: boolean;
  /** Why Folio cannot export there, in words; `null` when it can. */
  readonly error: string | null;
  /** Something to know that does not stop the export (it will be created, it is inside the library). */
  readonly note: string | null;
}
