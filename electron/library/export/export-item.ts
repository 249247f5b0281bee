import { stat } from 'node:fs/promises';
import path from 'node:path';
import {
  buildHtmlDocument,
  prepareArticle,
  type ImageMode,
  type ImageProblem,
  type IndexEntry,
  type PreparedArticle,
} from '../../../shared/export';
import { resolveImages } from './export-images';
import { renderArticleTree } from './split-render';

/** What every article of one export run shares: the choices and the stylesheets, read once. */
export interface ExportItemShared {
  /** Real path of the library root. */
  readonly root: string;
  readonly images: ImageMode;
  readonly css: string;
  readonly mathCss: string;
  readonly highlightCss: string;
  readonly reviewCss: string;
  readonly titleBlock: 'auto' | 'always' | 'never';
  readonly toc: boolean;
  readonly linkArticlesAsHtml: boolean;
  readonly colorScheme: 'auto' | 'light';
}

/** One article to render: its library path, its text and its output path in the export folder. */
export interface ExportItemInput {
  readonly path: string;
  readonly text: string;
  readonly output: string;
  /**
   * The article already rendered from this very text (by the export dialog's check), whose body
   * nothing has changed yet: used instead of rendering it again. Never sent to a worker.
   */
  readonly prepared?: PreparedArticle;
}

/** One rendered article: plain data, so that it crosses from a worker thread unchanged. */
export type ExportItemResult =
  | {
      readonly ok: true;
      readonly path: string;
      readonly html: string;
      readonly assets: { name: string; bytes: Uint8Array }[];
      readonly imageProblems: ImageProblem[];
      readonly imageStats: { path: string; size: number; mtimeMs: number }[];
      readonly anchors: string[];
      readonly index: IndexEntry;
      /** The analysed article for the checks, without its body (the checks do not read it). */
      readonly article: PreparedArticle;
      readonly usesKatexHtml: boolean;
    }
  /** The article is too complex to render (nesting that overflows the stack, say). */
  | { readonly ok: false; readonly path: string };

/** Options of {@link renderExportItem}. */
export interface ExportItemOptions {
  /**
   * Whether a long article may be rendered on several threads (split-render.ts). Default
   * false, as in the export's own worker threads, which already keep every core busy.
   */
  readonly splitLong?: boolean;
  /** Threads for that (default: split-render's, which looks at the cores and the load). */
  readonly splitThreads?: number;
  /**
   * Whether a long article rendered here may load workers for the next one (default true; see
   * split-render's `warmUp`). False when the process exits after this export.
   */
  readonly warmUp?: boolean;
}

/**
 * Renders one article of an export into its standalone HTML with its images resolved, and
 * gathers what the run needs afterwards (index entry, anchors, image stats for the next run's
 * skip test). The same code runs in the export's worker threads and, for small exports or
 * when workers cannot start, in the service's own thread.
 */
export async function renderExportItem(
  shared: ExportItemShared,
  item: ExportItemInput,
  options: ExportItemOptions = {},
): Promise<ExportItemResult> {
  let doc: PreparedArticle;
  try {
    doc = item.prepared ?? (await prepareItem(item, options));
  } catch {
    return { ok: false, path: item.path };
  }
  const root = shared.root;
  const depth = item.output.split('/').length - 1;
  const up = depth ? '../'.repeat(depth) : '';
  const resolved = await resolveImages(root, doc, shared.images, `${up}assets`);
  const imageStats: { path: string; size: number; mtimeMs: number }[] = [];
  for (const image of doc.images) {
    const target = image.target;
    if (target?.kind !== 'library' || imageStats.some((s) => s.path === target.path)) continue;
    const info = await stat(path.join(root, ...target.path.split('/'))).catch(() => null);
    imageStats.push({ path: target.path, size: info?.size ?? -1, mtimeMs: info?.mtimeMs ?? -1 });
  }
  const anchors = [...new Set(doc.headings.flatMap((h) => [h.id, h.id.replace(/^user-content-/, '')]))];
  const index: IndexEntry = {
    title: doc.meta.title,
    href: item.output.split('/').map(encodeURIComponent).join('/'),
    date: doc.meta.date,
    updated: await stat(path.join(root, ...item.path.split('/'))).then(
      (s) => s.mtime.toISOString(),
      () => new Date(0).toISOString(),
    ),
    description: doc.meta.description,
    tags: doc.meta.tags,
  };
  const html = buildHtmlDocument(doc, {
    css: shared.css,
    mathCss:
      shared.images === 'copy'
        ? shared.mathCss.replaceAll('url(assets/', `url(${up}assets/`)
        : shared.mathCss,
    highlightCss: shared.highlightCss,
    reviewCss: shared.reviewCss,
    images: resolved.sources,
    imageMode: shared.images,
    titleBlock: shared.titleBlock,
    toc: shared.toc,
    linkArticlesAsHtml: shared.linkArticlesAsHtml,
    colorScheme: shared.colorScheme,
  });
  return {
    ok: true,
    path: item.path,
    html,
    assets: resolved.assets.map((a) => ({ name: a.name, bytes: new Uint8Array(a.bytes) })),
    imageProblems: resolved.problems,
    imageStats,
    anchors,
    index,
    article: { ...doc, body: { type: 'root', children: [] } },
    usesKatexHtml: doc.usesKatexHtml,
  };
}

/** Renders an item's article (split across threads when it is long and that is allowed). */
async function prepareItem(item: ExportItemInput, options: ExportItemOptions): Promise<PreparedArticle> {
  const rendered =
    options.splitLong && (options.splitThreads ?? 2) > 1
      ? await renderArticleTree(item.text, { threads: options.splitThreads, warmUp: options.warmUp })
      : undefined;
  return prepareArticle(item.path, item.text, { rendered });
}
