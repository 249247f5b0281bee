import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadExportStyles } from '../../../../electron/library/export';
import { useTempDirs } from '../../../helpers/temp-dir';

const tempDir = useTempDirs();

describe('loadExportStyles', () => {
  it('starts from the preview’s article theme so that the export looks like the preview', async () => {
    const root = await tempDir();
    const styles = await loadExportStyles({ root, theme: 'article', imageMode: 'inline' });
    expect(styles.css).toContain("Folio's article theme");
    expect(styles.css).toMatch(/color-scheme: light dark;[^}]*light-dark\(/);
    // The preview's theme may colour tokens itself; otherwise highlight.js's theme is used.
    if (!/\.hljs-[a-z]/.test(styles.css)) expect(styles.highlightCss).toContain('.hljs');
  });

  it('inlines KaTeX fonts as woff2 data URIs in inline mode', async () => {
    const root = await tempDir();
    const { mathCss } = await loadExportStyles({ root, theme: 'article', imageMode: 'inline' });
    expect(mathCss).toContain('.katex');
    const urls = [...mathCss.matchAll(/url\(([^)]+)\)/g)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThan(10);
    expect(urls.every((url) => url.startsWith('data:font/woff2;base64,') && url.length > 1000)).toBe(true);
  });

  it('points KaTeX at copied font files in copy mode', async () => {
    const root = await tempDir();
    const dir = path.join(await tempDir(), 'assets', 'katex');
    const styles = await loadExportStyles({
      root,
      theme: 'article',
      imageMode: 'copy',
      fontsDir: { dir, url: 'assets/katex' },
    });
    const urls = [...styles.mathCss.matchAll(/url\(([^)]+)\)/g)].map((m) => m[1]!);
    expect(urls.every((url) => /^assets\/katex\/KaTeX_[\w-]+\.woff2$/.test(url))).toBe(true);
    await styles.copyFonts();
    const copied = await readdir(dir);
    expect(urls.map((url) => url.slice('assets/katex/'.length)).every((name) => copied.includes(name))).toBe(
      true,
    );
  });

  it('leaves token colours to the article theme when it has its own', async () => {
    const root = await tempDir();
    await mkdir(path.join(root, '.folio'));
    await writeFile(path.join(root, '.folio', 'export.css'), '.folio-article .hljs-keyword { color: red; }');
    const custom = await loadExportStyles({ root, theme: 'custom', imageMode: 'inline' });
    expect(custom.highlightCss).toBe('');
  });
});
