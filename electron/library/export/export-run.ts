import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { checkArticle, hasErrors, type ArticleProblem } from '../../../shared/checks';
import {
  buildIndexDocument,
  htmlPathOf,
  type IndexEntry,
  type PreparedArticle,
} from '../../../shared/export';
import { parseFrontmatter } from '../../../shared/frontmatter';
import type { ExportChoices, ExportProgress, ExportReport, ImageProblem } from '../../../shared/export';
import { FolioError } from '../../../shared/errors';
import { isInside } from '../paths';
import type { ExportItemResult } from './export-item';
import { createExportRenderPool } from './export-pool';
import { loadExportStyles } from './export-styles';
import { createCheckContext, listArticlePaths, readArticleText, readRequiredFields } from './library-files';

/** Where an export runs and how it reports. */
export interface ExportTarget {
  /** Real path of the library root: images and links are confined to it. */
  readonly root: string;
  /** Absolute output folder; created if missing. */
  readonly outDir: string;
  readonly onProgress?: (progress: ExportProgress) => void;
  readonly signal?: AbortSignal;
  /**
   * Threads that render articles: 1 renders in the calling thread; by default, worker threads
   * on every core when the run has enough articles to pay for starting them.
   */
  readonly threads?: number;
  /**
   * The process exits after this export (a one-off `folio export`): nothing is prepared for a
   * later one, such as worker threads loaded for the next long article. Default false.
   */
  readonly oneOff?: boolean;
}

const manifestName = '.folio-export.json';
const manifestVersion = 1;

interface ManifestEntry {
  readonly key: string;
  readonly output: string;
  readonly images: readonly { path: string; size: number; mtimeMs: number }[];
  readonly assets: readonly string[];
  readonly index: IndexEntry;
  readonly problems: ArticleProblem[];
  readonly imageProblems: ImageProblem[];
  readonly anchors: string[];
}

interface Manifest {
  readonly version: number;
  readonly entries: Record<string, ManifestEntry>;
}

/**
 * Exports one article to `<outDir>/<name>.html` (assets in `<outDir>/assets/` in copy mode).
 * Problems are reported, never fatal, unless `strict`: then nothing is written. `prepared`: the
 * article already rendered from `text` (by a check just before), used when the file still holds
 * that text; its body is changed by the export, so it serves once.
 */
export async function exportArticleFile(
  target: ExportTarget,
  articlePath: string,
  choices: ExportChoices = {},
  prepared?: { readonly text: string; readonly article: PreparedArticle },
): Promise<ExportReport> {
  const text = await readArticleText(target.root, articlePath);
  if (text === null) throw new FolioError('NOT_FOUND', `“${articlePath}” cannot be read as a UTF-8 article.`);
  const outName = htmlPathOf(articlePath.split('/').pop()!);
  // The article as the export dialog's check rendered it, when it is still the file's text.
  const article = prepared?.text === text ? prepared.article : undefined;
  const item = { path: articlePath, text, output: outName, prepared: article };
  const report = await runExport(target, choices, [item], {
    index: false,
    manifest: false,
  });
  if (report.problems.some((p) => p.code === 'too-complex')) {
    throw new FolioError('TOO_LARGE', `“${articlePath}” is too complex to export.`);
  }
  return report;
}

/**
 * Exports every article under `folder` (library-relative; `''` for the whole library) into
 * `outDir`, mirroring the library's folders, with an `index.html` newest first and links
 * between articles pointing to their `.html`. Drafts are left out unless asked; articles whose
 * source, images and choices did not change since the last export into this folder are skipped.
 * Cancellable through `signal` (nothing half-written: each file is written atomically).
 */
export async function exportLibraryFolder(
  target: ExportTarget,
  folder: string,
  choices: ExportChoices = {},
): Promise<ExportReport> {
  const folderAbs = folder ? path.join(target.root, ...folder.split('/')) : target.root;
  const outAbs = path.resolve(target.outDir);
  if (outAbs === target.root || isInside(outAbs, target.root)) {
    throw new FolioError('INVALID_ARGUMENT', 'The export folder cannot be the library itself or contain it.');
  }
  const paths = await listArticlePaths(target.root, folderAbs, isInside(target.root, outAbs) ? outAbs : null);
  const articles: { path: string; text: string; output: string }[] = [];
  for (const articlePath of paths) {
    const text = await readArticleText(target.root, articlePath);
    if (text === null) continue;
    const relative = folder ? articlePath.slice(folder.length + 1) : articlePath;
    articles.push({ path: articlePath, text, output: htmlPathOf(relative) });
  }
  return runExport(target, choices, articles, {
    index: true,
    manifest: true,
    title: path.basename(folderAbs),
  });
}

async function runExport(
  target: ExportTarget,
  choices: ExportChoices,
  articles: readonly { path: string; text: string; output: string; prepared?: PreparedArticle }[],
  mode: { index: boolean; manifest: boolean; title?: string },
): Promise<ExportReport> {
  const images = choices.images ?? 'inline';
  const theme = choices.theme ?? 'article';
  const outDir = path.resolve(target.outDir);
  const styles = await loadExportStyles({
    root: target.root,
    theme,
    imageMode: images,
    fontsDir: { dir: path.join(outDir, 'assets', 'katex'), url: 'assets/katex' },
  });
  const choicesKey = createHash('sha256')
    .update(JSON.stringify([manifestVersion, images, theme, choices.titleBlock ?? 'auto', !!choices.toc]))
    .update(styles.css)
    .update(styles.mathCss)
    .update(styles.highlightCss)
    .digest('hex');
  const previous = mode.manifest ? await readManifest(outDir) : { version: manifestVersion, entries: {} };
  const entries: Record<string, ManifestEntry> = {};
  const report = {
    outDir,
    written: [] as string[],
    skipped: [] as string[],
    drafts: [] as string[],
    problems: [] as ArticleProblem[],
    imageProblems: [] as ImageProblem[],
  };
  const pending: {
    path: string;
    output: string;
    html: string;
    assets: { name: string; bytes: Uint8Array }[];
  }[] = [];
  const prepared = new Map<string, PreparedArticle | ReadonlySet<string>>();
  const toCheck: PreparedArticle[] = [];
  let usesMath = false;
  const required = await readRequiredFields(target.root);
  const progress = (phase: ExportProgress['phase'], done: number, total: number, at: string | null): void =>
    target.onProgress?.({ phase, done, total, path: at });
  const cancelled = (): ExportReport => ({ ...report, entry: null, completed: false, cancelled: true });

  // First the cheap part, in order: drafts and unchanged articles need no rendering.
  const toRender: { path: string; text: string; output: string; key: string; prepared?: PreparedArticle }[] =
    [];
  const outcome = new Map<string, 'draft' | 'skipped' | 'render'>();
  for (const article of articles) {
    if (target.signal?.aborted) return cancelled();
    // Only a library export leaves drafts out; the article's own render parses its frontmatter.
    if (mode.index && !choices.includeDrafts && isDraft(article.text)) {
      outcome.set(article.path, 'draft');
      continue;
    }
    const key = createHash('sha256')
      .update(choicesKey)
      .update(article.path)
      .update(article.text)
      .digest('hex');
    const old = previous.entries[article.path];
    if (
      old &&
      old.key === key &&
      old.output === article.output &&
      (await unchanged(target.root, outDir, old))
    ) {
      outcome.set(article.path, 'skipped');
      continue;
    }
    outcome.set(article.path, 'render');
    toRender.push({ ...article, key });
  }

  // Then the rendering, on every core for a big run; progress counts articles as they finish.
  let done = articles.length - toRender.length;
  progress('rendering', done, articles.length, toRender[0]?.path ?? null);
  const pool = createExportRenderPool(
    {
      root: target.root,
      images,
      css: styles.css,
      mathCss: styles.mathCss,
      highlightCss: styles.highlightCss,
      reviewCss: styles.reviewCss,
      titleBlock: choices.titleBlock ?? 'auto',
      toc: choices.toc ?? false,
      linkArticlesAsHtml: mode.index,
      colorScheme: theme === 'print' ? 'light' : 'auto',
    },
    {
      articles: toRender.length,
      threads: target.threads,
      minArticles: target.threads ? 2 : undefined,
      oneOff: target.oneOff,
    },
  );
  const rendered = new Map<string, ExportItemResult>();
  const stop = (): void => void pool.close();
  target.signal?.addEventListener('abort', stop);
  try {
    await Promise.all(
      toRender.map(async (item) => {
        const result = await pool.render({
          path: item.path,
          text: item.text,
          output: item.output,
          prepared: item.prepared,
        });
        rendered.set(item.path, result);
        progress('rendering', ++done, articles.length, item.path);
      }),
    );
  } catch (error) {
    if (target.signal?.aborted) return cancelled();
    throw error;
  } finally {
    target.signal?.removeEventListener('abort', stop);
    await pool.close();
  }
  if (target.signal?.aborted) return cancelled();

  // Finally the results, in the library's order, as a single thread would have produced them.
  const keys = new Map(toRender.map((item) => [item.path, item.key]));
  for (const article of articles) {
    const what = outcome.get(article.path);
    if (what === 'draft') {
      report.drafts.push(article.path);
      continue;
    }
    if (what === 'skipped') {
      const old = previous.entries[article.path]!;
      entries[article.path] = old;
      prepared.set(article.path, new Set(old.anchors));
      report.skipped.push(article.path);
      report.problems.push(...old.problems);
      report.imageProblems.push(...old.imageProblems);
      continue;
    }
    const result = rendered.get(article.path);
    if (!result) continue;
    if (!result.ok) {
      // A pathological file (nesting that overflows the stack, say) must not stop the others.
      report.problems.push({
        path: article.path,
        line: null,
        severity: 'error',
        code: 'too-complex',
        message: 'This article is too complex to export; it was left out.',
      });
      continue;
    }
    prepared.set(article.path, result.article);
    toCheck.push(result.article);
    usesMath ||= result.usesKatexHtml;
    pending.push({ path: article.path, output: article.output, html: result.html, assets: result.assets });
    report.imageProblems.push(...result.imageProblems);
    entries[article.path] = {
      key: keys.get(article.path)!,
      output: article.output,
      images: result.imageStats,
      assets: result.assets.map((a) => a.name),
      index: result.index,
      problems: [],
      imageProblems: result.imageProblems,
      anchors: result.anchors,
    };
  }
  progress('rendering', articles.length, articles.length, null);

  const context = createCheckContext(target.root, prepared, required);
  for (const doc of toCheck) {
    const problems = checkArticle(doc, context);
    entries[doc.path] = { ...entries[doc.path]!, problems };
    report.problems.push(...problems);
  }
  if (choices.strict && (hasErrors(report.problems) || report.imageProblems.length > 0)) {
    return { ...report, entry: null, completed: false, cancelled: false };
  }

  await mkdir(outDir, { recursive: true });
  for (const [i, item] of pending.entries()) {
    if (target.signal?.aborted) {
      if (mode.manifest)
        await writeManifest(outDir, { ...previous.entries, ...pickWritten(entries, pending.slice(0, i)) });
      return cancelled();
    }
    progress('writing', i, pending.length, item.path);
    const file = path.join(outDir, ...item.output.split('/'));
    await mkdir(path.dirname(file), { recursive: true });
    for (const asset of item.assets) {
      const assetFile = path.join(outDir, 'assets', asset.name);
      await mkdir(path.dirname(assetFile), { recursive: true });
      if (!(await stat(assetFile).catch(() => null))) {
        await writeFile(assetFile, asset.bytes);
        report.written.push(`assets/${asset.name}`);
      }
    }
    await writeFileAtomic(file, item.html);
    report.written.push(item.output);
  }
  if (images === 'copy' && usesMath) await styles.copyFonts();
  if (mode.manifest) {
    for (const [articlePath, old] of Object.entries(previous.entries)) {
      if (entries[articlePath]) continue;
      // An article that was removed (or became a draft) since the last export: drop its page.
      const stale = path.join(outDir, ...old.output.split('/'));
      if (isInside(outDir, stale) && !Object.values(entries).some((e) => e.output === old.output)) {
        await rm(stale, { force: true });
      }
    }
  }
  let entry: string | null = pending[0]?.output ?? articles[0]?.output ?? null;
  if (mode.index) {
    const indexHtml = buildIndexDocument(
      Object.values(entries).map((e) => e.index),
      { title: mode.title ?? 'Articles', css: styles.css },
    );
    // An article of its own called index.md keeps index.html; the list then goes beside it.
    const indexName = Object.values(entries).some((e) => e.output === 'index.html')
      ? 'articles.html'
      : 'index.html';
    await writeFileAtomic(path.join(outDir, indexName), indexHtml);
    report.written.push(indexName);
    entry = indexName;
    await writeManifest(outDir, entries);
  }
  progress('done', pending.length, pending.length, null);
  return { ...report, entry, completed: true, cancelled: false };
}

/** Whether an article's frontmatter marks it as a draft (`status: draft` or `draft: true`). */
function isDraft(text: string): boolean {
  const { data } = parseFrontmatter(text);
  return (
    (typeof data.status === 'string' && data.status.trim().toLowerCase() === 'draft') || data.draft === true
  );
}

function pickWritten(
  entries: Record<string, ManifestEntry>,
  done: readonly { path: string }[],
): Record<string, ManifestEntry> {
  return Object.fromEntries(done.map((d) => [d.path, entries[d.path]!]));
}

async function unchanged(root: string, outDir: string, entry: ManifestEntry): Promise<boolean> {
  if (!(await stat(path.join(outDir, ...entry.output.split('/'))).catch(() => null))) return false;
  for (const asset of entry.assets) {
    if (!(await stat(path.join(outDir, 'assets', asset)).catch(() => null))) return false;
  }
  for (const image of entry.images) {
    const info = await stat(path.join(root, ...image.path.split('/'))).catch(() => null);
    if ((info?.size ?? -1) !== image.size || (info?.mtimeMs ?? -1) !== image.mtimeMs) return false;
  }
  return true;
}

async function readManifest(outDir: string): Promise<Manifest> {
  try {
    const parsed = JSON.parse(await readFile(path.join(outDir, manifestName), 'utf8')) as Manifest;
    if (parsed.version === manifestVersion && typeof parsed.entries === 'object') return parsed;
  } catch {
    // No manifest (first export) or an unreadable one: export everything.
  }
  return { version: manifestVersion, entries: {} };
}

async function writeManifest(outDir: string, entries: Record<string, ManifestEntry>): Promise<void> {
  await mkdir(outDir, { recursive: true });
  await writeFileAtomic(
    path.join(outDir, manifestName),
    JSON.stringify({ version: manifestVersion, entries }),
  );
}
