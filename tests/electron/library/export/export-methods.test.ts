import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLibraryService } from '../../../../electron/library';
import type { FolioEvents } from '../../../../shared/contract';
import { dispatch } from '../../../../shared/dispatch';
import { wholeRenderCount } from '../../../../shared/markdown';
import { isFolioError } from '../../../../shared/errors';
import { useTempDirs, writeFiles } from '../../../helpers/temp-dir';

const tempDir = useTempDirs();

async function service(
  files: Record<string, string>,
  printToPdf?: (html: string) => Promise<Uint8Array>,
  chooseFolder?: (defaultPath: string) => Promise<string | null>,
) {
  const root = await tempDir();
  await writeFiles(root, files);
  const api = await createLibraryService({
    root,
    host: { appDataDir: path.join(await tempDir(), 'data'), printToPdf, chooseExportFolder: chooseFolder },
  });
  return { root, api };
}

describe('export methods of the library service', () => {
  it('exports the library into a library-relative folder with progress events', async () => {
    const { root, api } = await service({ 'a.md': '# A\n', 'b/c.md': '# C\n' });
    const events: FolioEvents['exportProgressed'][] = [];
    api.on('exportProgressed', (event) => events.push(event));
    const report = await api.exportLibrary({ outDir: 'site', jobId: 'job-1' });
    expect(report).toMatchObject({ outDir: 'site', entry: 'index.html', completed: true });
    expect(await readFile(path.join(root, 'site', 'b', 'c.html'), 'utf8')).toContain('<h1 id="c">C</h1>');
    expect(events.length).toBeGreaterThan(2);
    expect(events.every((e) => e.jobId === 'job-1' && e.total === 2)).toBe(true);
    expect(events.at(-1)).toMatchObject({ phase: 'done' });
  });

  it('exports one article into the default export folder', async () => {
    const { root, api } = await service({ 'notes/a.md': '# A\n' });
    const report = await api.exportArticle({ path: 'notes/a.md' });
    expect(report).toMatchObject({ outDir: 'export', entry: 'a.html' });
    expect(await readFile(path.join(root, 'export', 'a.html'), 'utf8')).toContain('<!DOCTYPE html>');
  });

  it('confines output folders and articles to the library, and refuses the library root', async () => {
    const { api } = await service({ 'a.md': '# A\n' });
    for (const outDir of ['../escape', 'a/../../x']) {
      const envelope = await dispatch(api, 'exportLibrary', { outDir });
      expect(envelope.ok ? null : envelope.error.code).toBe('OUTSIDE_LIBRARY');
    }
    await expect(api.exportArticle({ path: '../a.md' })).rejects.toSatisfy((e) =>
      isFolioError(e, 'OUTSIDE_LIBRARY'),
    );
    const unknown = await dispatch(api, 'exportLibrary', { outDir: 'x', theme: 'nope' });
    expect(unknown.ok ? null : unknown.error.code).toBe('INVALID_ARGUMENT');
  });

  it('cancels a running export by its job id', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 40; i++)
      files[`a${i}.md`] = `# Article ${i}\n\n${'Words and more words. '.repeat(200)}\n`;
    const { api } = await service(files);
    const stop = api.on('exportProgressed', (event) => {
      if (event.done === 1) void api.cancelExport({ jobId: 'big' });
    });
    const report = await api.exportLibrary({ outDir: 'out', jobId: 'big' });
    stop();
    expect(report.cancelled).toBe(true);
    expect(await api.cancelExport({ jobId: 'big' })).toEqual({ cancelled: false });
  });

  it('checks an article (unsaved text included) and the whole library', async () => {
    const { api } = await service({ 'a.md': '# A\n', 'b.md': '# B\n\n[x](missing.md)\n' });
    expect(await api.checkArticle({ path: 'a.md' })).toEqual([]);
    const unsaved = await api.checkArticle({ path: 'a.md', text: '# A\n\n![](gone.png)\n' });
    expect(unsaved.map((p) => p.code)).toEqual(['missing-image', 'image-without-alt']);
    expect((await api.checkLibrary({})).map((p) => [p.path, p.code])).toEqual([['b.md', 'broken-link']]);
  });

  it('renders the article once for the export dialog’s check and the export after it', async () => {
    const text = '# A\n\nSome <b>raw</b> HTML and [a link](#a).\n';
    const { root, api } = await service({ 'a.md': text });
    const exported = async (outDir: string): Promise<{ renders: number; html: string }> => {
      const before = wholeRenderCount();
      expect(
        await api.checkArticle({ path: 'a.md', text: await readFile(path.join(root, 'a.md'), 'utf8') }),
      ).toEqual([]);
      await api.exportArticle({ path: 'a.md', outDir });
      return {
        renders: wholeRenderCount() - before,
        html: await readFile(path.join(root, outDir, 'a.html'), 'utf8'),
      };
    };
    const first = await exported('one');
    expect(first.renders).toBe(1);
    // The same bytes as an export on its own, which renders the article itself.
    const before = wholeRenderCount();
    await api.exportArticle({ path: 'a.md', outDir: 'alone' });
    expect(wholeRenderCount() - before).toBe(1);
    expect(await readFile(path.join(root, 'alone', 'a.html'), 'utf8')).toBe(first.html);
    // A file changed after the check is rendered again, as it now is.
    const before2 = wholeRenderCount();
    await api.checkArticle({ path: 'a.md', text });
    await writeFile(path.join(root, 'a.md'), `${text}\nMore.\n`);
    await api.exportArticle({ path: 'a.md', outDir: 'changed' });
    expect(wholeRenderCount() - before2).toBe(2);
    expect(await readFile(path.join(root, 'changed', 'a.html'), 'utf8')).toContain('More.');
  });

  it('renders an article as a document, a body and plain text for the clipboard', async () => {
    const { api } = await service({ 'a.md': '---\ntitle: T\n---\nHello *there*.\n' });
    const html = await api.renderArticleHtml({ path: 'a.md' });
    expect(html.fileName).toBe('a.html');
    expect(html.document).toContain('<title>T</title>');
    expect(html.body).toContain('<p>Hello <em>there</em>.</p>');
    expect(html.text).toContain('Hello there.');
  });

  it('makes a PDF only where the host can print, and writes it into the export folder', async () => {
    const { api } = await service({ 'a.md': '# A\n' });
    await expect(api.exportPdf({ path: 'a.md' })).rejects.toSatisfy((e) =>
      isFolioError(e, 'INVALID_ARGUMENT'),
    );
    const printed: string[] = [];
    const desktop = await service({ 'a.md': '# A\n' }, async (html) => {
      printed.push(html);
      return new TextEncoder().encode('%PDF-1.7 fake');
    });
    expect(await desktop.api.exportPdf({ path: 'a.md' })).toEqual({ file: 'export/a.pdf' });
    expect(await readFile(path.join(desktop.root, 'export', 'a.pdf'), 'utf8')).toBe('%PDF-1.7 fake');
    expect(printed[0]).toContain('<meta name="color-scheme" content="light">');
  });

  it('prints exactly the HTML an inline export writes (the PDF path only adds printing)', async () => {
    const article = [
      '---',
      'title: Printed',
      '---',
      '# Printed',
      '',
      'Math $x^2$, `code`, a [link](b.md) and ![a dot](dot.svg).',
      '',
      '```ts',
      'const a = 1;',
      '```',
      '',
    ].join('\n');
    const printed: string[] = [];
    const desktop = await service(
      { 'a.md': article, 'b.md': '# B\n', 'dot.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>' },
      async (html) => {
        printed.push(html);
        return new TextEncoder().encode('%PDF-1.7 fake');
      },
    );
    await desktop.api.exportPdf({ path: 'a.md' });
    await desktop.api.exportArticle({ path: 'a.md', outDir: 'html', theme: 'print', images: 'inline' });
    const written = await readFile(path.join(desktop.root, 'html', 'a.html'), 'utf8');
    expect(printed).toEqual([written]);
    expect(written).toContain('data:image/svg+xml;base64,');
  });

  it('exports into an absolute folder outside the library and remembers it for next time', async () => {
    const { api } = await service({ 'a.md': '# A\n' });
    const outside = path.join(await tempDir(), 'new', 'site');
    expect((await api.getExportFolder({})).path).toMatch(/-export$/);
    const check = await api.checkExportFolder({ path: outside });
    expect(check).toMatchObject({ path: outside, exists: false, insideLibrary: false, error: null });
    expect(check.note).toBe('The folder will be created.');
    const report = await api.exportLibrary({ outDir: outside });
    expect(report).toMatchObject({ outDir: outside, entry: 'index.html', completed: true });
    expect(await readFile(path.join(outside, 'a.html'), 'utf8')).toContain('<h1 id="a">A</h1>');
    expect(await api.getExportFolder({})).toEqual({ path: outside });
  });

  it('exports into a folder inside the library only when the author confirms it', async () => {
    const { root, api } = await service({ 'a.md': '# A\n' });
    const inside = path.join(root, 'public');
    expect(await api.checkExportFolder({ path: inside })).toMatchObject({ insideLibrary: true, error: null });
    const refused = await dispatch(api, 'exportArticle', { path: 'a.md', outDir: inside });
    expect(refused.ok ? null : refused.error).toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringContaining('inside the library; confirm'),
    });
    const report = await api.exportArticle({ path: 'a.md', outDir: inside, confirmInsideLibrary: true });
    expect(report.completed).toBe(true);
    expect(await readFile(path.join(inside, 'a.html'), 'utf8')).toContain('<!DOCTYPE html>');
    const itself = await dispatch(api, 'exportLibrary', { outDir: root, confirmInsideLibrary: true });
    expect(itself.ok ? null : itself.error.message).toBe('The library itself cannot be the export folder.');
  });

  it('opens the folder dialog only where the host has one', async () => {
    const { api } = await service({ 'a.md': '# A\n' });
    await expect(api.chooseExportFolder({})).rejects.toSatisfy((e) => isFolioError(e, 'INVALID_ARGUMENT'));
    // Electron's dialog cannot run here; its stand-in records where it was asked to start.
    const asked: string[] = [];
    const desktop = await service({ 'a.md': '# A\n' }, undefined, async (start) => {
      asked.push(start);
      return '/chosen/folder';
    });
    expect(await desktop.api.chooseExportFolder({ path: '/start/here' })).toEqual({ path: '/chosen/folder' });
    expect(asked).toEqual(['/start/here']);
  });
});
