import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { launchArguments, resolveLaunchPath } from '../../../electron/main/launch-target';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

describe('what Folio opens from its command line', () => {
  it('takes the paths after the executable, without switches', () => {
    expect(launchArguments(['/opt/Folio/folio', '/home/a/notes.md'], true)).toEqual(['/home/a/notes.md']);
    expect(
      launchArguments(['/opt/Folio/folio', '--no-sandbox', '-psn_0_12345', 'C:\\a b\\x.md'], true),
    ).toEqual(['C:\\a b\\x.md']);
    // Unpackaged, Electron's own path and the app's folder come first.
    expect(launchArguments(['electron', '.', 'library'], false)).toEqual(['library']);
    expect(launchArguments(['/opt/Folio/folio'], true)).toEqual([]);
  });

  it('opens a Markdown file with its folder as the library, the file open', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'Essay.md'), '# Essay\n');
    await writeFile(path.join(dir, 'Notes.MARKDOWN'), '# Notes\n');
    expect(await resolveLaunchPath(path.join(dir, 'Essay.md'))).toEqual({
      library: dir,
      article: 'Essay.md',
    });
    expect(await resolveLaunchPath('Notes.MARKDOWN', { cwd: dir })).toEqual({
      library: dir,
      article: 'Notes.MARKDOWN',
    });
  });

  it('opens a file inside a library opened before in that library, at its path there', async () => {
    const library = await tempDir();
    await mkdir(path.join(library, 'drafts', 'deep'), { recursive: true });
    await writeFile(path.join(library, 'drafts', 'deep', 'idea.md'), 'x');
    const other = await tempDir();
    expect(
      await resolveLaunchPath(path.join(library, 'drafts', 'deep', 'idea.md'), {
        knownLibraries: [other, library],
      }),
    ).toEqual({ library, article: 'drafts/deep/idea.md' });
    // A library that only shares a prefix of the name is not the file's library.
    await mkdir(`${library}-old`);
    await writeFile(path.join(`${library}-old`, 'a.md'), 'x');
    expect(
      await resolveLaunchPath(path.join(`${library}-old`, 'a.md'), { knownLibraries: [library] }),
    ).toEqual({
      library: `${library}-old`,
      article: 'a.md',
    });
  });

  it('opens a folder as the library', async () => {
    const dir = await tempDir();
    expect(await resolveLaunchPath(dir)).toEqual({ library: dir, article: null });
  });

  it('refuses what is not a folder or a Markdown file, saying why', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'photo.png'), '');
    await writeFile(path.join(dir, 'md'), '');
    expect(await resolveLaunchPath(path.join(dir, 'photo.png'))).toEqual({
      refused: path.join(dir, 'photo.png'),
      reason: 'Folio opens folders and Markdown files (.md, .markdown).',
    });
    expect(await resolveLaunchPath(path.join(dir, 'md'))).toMatchObject({ refused: path.join(dir, 'md') });
    expect(await resolveLaunchPath(path.join(dir, 'gone.md'))).toEqual({
      refused: path.join(dir, 'gone.md'),
      reason: 'It does not exist.',
    });
  });
});
