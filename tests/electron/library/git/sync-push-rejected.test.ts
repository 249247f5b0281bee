import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';
import { runGit } from '../../../helpers/git-server';
import { describeWithEachGit, useSharedLibrary } from './git-fixture';

const shared = useSharedLibrary();

describeWithEachGit('a push the remote refuses because it moved meanwhile', () => {
  it('fetches, merges again and then sends', async () => {
    let editorRoot = '';
    let moved = false;
    const server = await shared.start({
      onRequest: async (request) => {
        if (!request.isPush || moved) return;
        moved = true;
        // Another author pushes between this sync's fetch and its push.
        await writeFile(
          path.join(editorRoot, 'notes/ideas.md'),
          '---\ntitle: Ideas\n---\n\nA pushed idea.\n',
        );
        await runGit(['commit', '-qam', 'Editor was faster'], { cwd: editorRoot });
        await runGit(['push', '-q', 'origin', 'main'], { cwd: editorRoot });
      },
    });
    const author = await shared.clone(server);
    const editor = await shared.clone(server);
    editorRoot = editor.root;
    await writeFile(path.join(author.root, 'essay.md'), '---\ntitle: The Essay\n---\n\nRewritten.\n');

    const result = await author.service.syncLibrary({});
    expect(moved).toBe(true);
    expect(result).toMatchObject({ outcome: 'synced', pushed: true });
    expect(result.received).toBeGreaterThanOrEqual(1);
    expect(await readFile(path.join(author.root, 'notes/ideas.md'), 'utf8')).toContain('A pushed idea.');
    const log = await runGit(['log', '--format=%s', 'main'], { cwd: server.repoDir('library') });
    expect(log).toContain('Editor was faster');
    expect(log).toContain('Update “The Essay”');
    const pushes = server.requests.filter((request) => request.isPush);
    expect(pushes.length).toBe(3); // the author's refused push, the editor's, the author's retry
  });
});
