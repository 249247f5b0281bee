import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, it, vi } from 'vitest';
import { runGit } from '../../../helpers/git-server';
import { describeWithEachGit, useSharedLibrary } from './git-fixture';

const shared = useSharedLibrary();

describeWithEachGit('syncing a shared library', () => {
  it('sends the author’s edit and brings it to the editor', async () => {
    const server = await shared.start();
    const author = await shared.clone(server);
    const editor = await shared.clone(server);

    const essay = path.join(author.root, 'essay.md');
    await writeFile(essay, (await readFile(essay, 'utf8')).replace('rivers', 'rivers and lakes'));
    const status = await author.service.getGitStatus({});
    expect(status).toMatchObject({ repository: true, branch: 'main', ahead: 0, behind: 0 });
    expect(status.changes).toEqual([{ path: 'essay.md', kind: 'modified' }]);
    expect(status.suggestedMessage).toBe('Update “The Essay”');

    const sent = await author.service.syncLibrary({ jobId: 'sync-1' });
    expect(sent).toMatchObject({ outcome: 'synced', pushed: true, received: 0, pending: null });
    expect(sent.committed).toBeGreaterThanOrEqual(1);
    expect(author.events.some((event) => event.jobId === 'sync-1' && event.phase === 'pushing')).toBe(true);
    const log = await runGit(['log', '--format=%s', 'main'], { cwd: server.repoDir('library') });
    expect(log.split('\n')[0]).toBe('Update “The Essay”');

    const got = await editor.service.syncLibrary({});
    // The editor's first sync also writes Folio's .gitignore lines (the same as the author's).
    expect(got).toMatchObject({ outcome: 'synced', received: 1 });
    expect(got.summary).toMatch(/received 1 article/);
    expect(await readFile(path.join(editor.root, 'essay.md'), 'utf8')).toContain('rivers and lakes');
    expect((await editor.service.getGitStatus({})).changes).toEqual([]);
  });

  it('says up to date when nothing changed on either side', async () => {
    const server = await shared.start();
    const author = await shared.clone(server);
    await author.service.syncLibrary({}); // writes .gitignore once
    const again = await author.service.syncLibrary({});
    expect(again).toMatchObject({ outcome: 'up-to-date', committed: 0, received: 0, pushed: false });
    expect(again.summary).toBe('Everything was already up to date.');
  });

  it('tells an open editor through the watcher when a sync brings an article’s new text', async () => {
    const server = await shared.start();
    const author = await shared.clone(server);
    const editorClone = await shared.clone(server);
    await editorClone.service.close();
    const editor = await shared.open(editorClone.root, undefined, { watch: true });
    await editor.service.listArticles({});
    await editor.service.watching;
    const changed: string[] = [];
    editor.service.on('articleChanged', (event) => changed.push(event.path));

    await writeFile(path.join(author.root, 'notes/ideas.md'), '---\ntitle: Ideas\n---\n\nA new idea.\n');
    await author.service.syncLibrary({});
    expect(await editor.service.syncLibrary({})).toMatchObject({ outcome: 'synced' });
    await vi.waitFor(() => expect(changed).toContain('notes/ideas.md'), { timeout: 10_000 });
    expect((await editor.service.readArticle({ path: 'notes/ideas.md' })).text).toContain('A new idea.');
  });
});
