import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { customThemePath, exportThemes, type ExportThemeId, type ImageMode } from '../../../shared/export';
import { FolioError } from '../../../shared/errors';
import { appRoot } from '../app-root';
import { resolveInLibrary } from '../paths';

const require = createRequire(import.meta.url);

/** The stylesheets of one export run, read once and shared by every article. */
export interface ExportStyles {
  /** Article theme + export additions + the chosen theme (+ custom CSS). */
  readonly css: string;
  /** KaTeX's stylesheet, fonts inlined or pointing at copied files; added only when used. */
  readonly mathCss: string;
  /**
   * highlight.js's GitHub theme, light and dark, added only when used, and only when the
   * article theme does not colour `.hljs-*` tokens itself (the preview's does: the export then
   * keeps the preview's colours).
   */
  readonly highlightCss: string;
  /** The review marks' stylesheet (CriticMarkup), when an article shows marks. */
  readonly reviewCss: string;
}

const fileCache = new Map<string, Promise<string>>();

function readAppFile(...segments: string[]): Promise<string> {
  const file = path.join(appRoot(), ...segments);
  let text = fileCache.get(file);
  if (!text) {
    text = readFile(file, 'utf8');
    fileCache.set(file, text);
  }
  return text;
}

function readPackageFile(specifier: string): Promise<string> {
  const file = require.resolve(specifier);
  let text = fileCache.get(file);
  if (!text) {
    text = readFile(file, 'utf8');
    fileCache.set(file, text);
  }
  return text;
}

/** Options of {@link loadExportStyles}. */
export interface LoadStylesOptions {
  /** Real path of the library root (for `.folio/export.css`). */
  readonly root: string;
  readonly theme: ExportThemeId;
  readonly imageMode: ImageMode;
  /**
   * Copy mode: the folder KaTeX's fonts are copied into, and its URL from the pages that use
   * them (fonts are copied only when `mathCss` is actually written).
   */
  readonly fontsDir?: { readonly dir: string; readonly url: string };
}

/**
 * Reads the stylesheets of an export: the preview's article theme (so the export looks like
 * the preview), the export additions, the chosen theme and, for `custom`, the library's
 * `.folio/export.css`. KaTeX's fonts become data URIs in inline mode (woff2 only: every engine
 * that runs KaTeX's CSS reads it) or copied files in copy mode.
 */
export async function loadExportStyles(
  options: LoadStylesOptions,
): Promise<ExportStyles & { copyFonts(): Promise<void> }> {
  const theme = exportThemes.find((t) => t.id === options.theme);
  if (!theme) throw new FolioError('INVALID_ARGUMENT', `There is no export theme “${options.theme}”.`);
  const parts = [
    await readAppFile('shared', 'markdown', 'themes', 'article.css'),
    await readAppFile('shared', 'export', 'themes', 'export-base.css'),
  ];
  if (theme.file) parts.push(await readAppFile('shared', 'export', 'themes', theme.file));
  if (theme.id === 'custom') parts.push(await readCustomCss(options.root));

  const katexCssFile = require.resolve('katex/dist/katex.min.css');
  const fontFolder = path.join(path.dirname(katexCssFile), 'fonts');
  const katexCss = await readPackageFile('katex/dist/katex.min.css');
  const fonts = new Set<string>();
  // KaTeX lists woff2, woff and ttf for each face; keep only woff2 to keep pages small.
  const withWoff2Only = katexCss.replace(
    /src:\s*url\(([^)]+)\)\s*format\("woff2"\)[^;}]*/g,
    (_m, url: string) => {
      const name = path.basename(url.replace(/["']/g, ''));
      fonts.add(name);
      return `src:url(__FONT__${name}) format("woff2")`;
    },
  );
  let mathCss: string;
  if (options.imageMode === 'inline' || !options.fontsDir) {
    const encoded = new Map<string, string>();
    for (const name of fonts) {
      encoded.set(name, (await readFile(path.join(fontFolder, name))).toString('base64'));
    }
    mathCss = withWoff2Only.replace(
      /__FONT__([\w.-]+)/g,
      (_m, name: string) => `data:font/woff2;base64,${encoded.get(name) ?? ''}`,
    );
  } else {
    const url = options.fontsDir.url;
    mathCss = withWoff2Only.replace(/__FONT__([\w.-]+)/g, (_m, name: string) => `${url}/${name}`);
  }
  const light = await readPackageFile('highlight.js/styles/github.min.css');
  const dark = await readPackageFile('highlight.js/styles/github-dark.min.css');
  // The article theme already paints code blocks; the highlight theme only colours tokens.
  const codeBlock = '.folio-article pre code.hljs { background: none; padding: 0; }';
  const highlightCss =
    options.theme === 'print'
      ? `${light}\n${codeBlock}`
      : `${light}\n@media (prefers-color-scheme: dark) {\n${dark}\n}\n${codeBlock}`;
  const css = parts.join('\n');
  return {
    css,
    mathCss,
    highlightCss: /\.hljs-[a-z]/.test(css) ? '' : highlightCss,
    reviewCss: await readAppFile('shared', 'review', 'critic-markup.css').catch(() => ''),
    async copyFonts() {
      if (!options.fontsDir) return;
      await mkdir(options.fontsDir.dir, { recursive: true });
      for (const name of fonts) {
        const target = path.join(options.fontsDir.dir, name);
        if (!existsSync(target)) await copyFile(path.join(fontFolder, name), target);
      }
    },
  };
}

async function readCustomCss(root: string): Promise<string> {
  try {
    return await readFile(await resolveInLibrary(root, customThemePath), 'utf8');
  } catch {
    throw new FolioError(
      'NOT_FOUND',
      `The custom theme needs a stylesheet at “${customThemePath}” in the library.`,
    );
  }
}
