import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';
import { runGit } from '../../../helpers/git-server';
import { describeWithEachGit, useSharedLibrary } from './git-fixture';

const shared = useSharedLibrary();

describeWithEachGit('a library shared through a new, empty repository', () => {
  it('clones the empty repository and sends the first articles', async () => {
    const server = await shared.start({ seed: null });
    const author = await shared.clone(server);
    await writeFile(path.join(author.root, 'first.md'), '---\ntitle: First\n---\n\nHello.\n');
    const status = await author.service.getGitStatus({});
    expect(status.changes).toEqual([{ path: 'first.md', kind: 'new' }]);
    const result = await author.service.syncLibrary({});
    expect(result).toMatchObject({ outcome: 'synced', pushed: true });
    const tracked = await runGit(['ls-tree', '-r', '--name-only', 'HEAD'], {
      cwd: server.repoDir('library'),
    });
    expect(tracked.trim().split('\n').sort()).toEqual(['.gitignore', 'first.md']);

    const editor = await shared.clone(server);
    expect(await readFile(path.join(editor.root, 'first.md'), 'utf8')).toContain('Hello.');
  });
});
