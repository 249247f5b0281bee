import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';
import { folioIgnoreLines } from '../../../../electron/library/git';
import { runGit } from '../../../helpers/git-server';
import { writeFiles } from '../../../helpers/temp-dir';
import { describeWithEachGit, useSharedLibrary } from './git-fixture';

const shared = useSharedLibrary();

describeWithEachGit("Folio's own files in a shared library", () => {
  it('are ignored once through .gitignore, keeping its bytes, and never committed', async () => {
    const original = '# Build output\r\nout/\r\n*.tmp'; // CRLF, no final newline
    const server = await shared.start({ seed: { 'essay.md': '# Essay\n', '.gitignore': original } });
    const author = await shared.clone(server);
    await writeFiles(author.root, {
      '.folio/trash/old.md': '# Deleted article\n',
      '.folio/templates/post.md': '# Template\n',
      'export/.folio-export.json': '{}',
      'essay.md.12345': 'a save interrupted',
    });
    const status = await author.service.getGitStatus({});
    expect(status.changes).toEqual([{ path: '.folio/templates/post.md', kind: 'new' }]);

    const first = await author.service.syncLibrary({});
    expect(first.summary).toMatch(/added its own files .* to \.gitignore/);
    const written = await readFile(path.join(author.root, '.gitignore'), 'utf8');
    expect(written.startsWith(`${original}\r\n`)).toBe(true);
    for (const line of folioIgnoreLines) expect(written).toContain(`${line}\r\n`);

    const second = await author.service.syncLibrary({});
    expect(second.summary).not.toMatch(/gitignore/);
    expect(await readFile(path.join(author.root, '.gitignore'), 'utf8')).toBe(written);

    const tracked = await runGit(['ls-tree', '-r', '--name-only', 'main'], {
      cwd: server.repoDir('library'),
    });
    expect(tracked.trim().split('\n').sort()).toEqual(['.folio/templates/post.md', '.gitignore', 'essay.md']);
  });

  it('does not add lines a .gitignore already has', async () => {
    const server = await shared.start({
      seed: { 'essay.md': '# Essay\n', '.gitignore': `${folioIgnoreLines.join('\n')}\n` },
    });
    const author = await shared.clone(server);
    await writeFile(path.join(author.root, 'essay.md'), '# Changed\n');
    const result = await author.service.syncLibrary({});
    expect(result.summary).not.toMatch(/gitignore/);
    expect(await readFile(path.join(author.root, '.gitignore'), 'utf8')).toBe(
      `${folioIgnoreLines.join('\n')}\n`,
    );
  });
});
