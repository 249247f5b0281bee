import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';
import { runGit } from '../../../helpers/git-server';
import { type Clone, describeWithEachGit, snapshotFiles, useSharedLibrary } from './git-fixture';

const shared = useSharedLibrary();

async function edit(clone: Clone, file: string, from: string, to: string): Promise<void> {
  const full = path.join(clone.root, file);
  const text = await readFile(full, 'utf8');
  expect(text).toContain(from);
  await writeFile(full, text.replace(from, to));
}

/** Everything cancel must restore: work-tree bytes, the index bytes, HEAD and the branch. */
async function localState(clone: Clone) {
  return {
    files: await snapshotFiles(clone.root),
    index: await readFile(path.join(clone.root, '.git', 'index')),
    head: await readFile(path.join(clone.root, '.git', 'HEAD'), 'utf8'),
    branch: (await runGit(['rev-parse', 'refs/heads/main'], { cwd: clone.root })).trim(),
  };
}

describeWithEachGit('syncing when both sides changed the library', () => {
  it('merges edits to different paragraphs without asking', async () => {
    const server = await shared.start();
    const author = await shared.clone(server);
    const editor = await shared.clone(server);
    await edit(author, 'essay.md', 'about rivers', 'about wide rivers');
    await edit(editor, 'essay.md', 'about the sea', 'about the grey sea');
    await author.service.syncLibrary({});
    const merged = await editor.service.syncLibrary({});
    expect(merged).toMatchObject({ outcome: 'synced', pushed: true, pending: null });
    await author.service.syncLibrary({});
    const authorText = await readFile(path.join(author.root, 'essay.md'), 'utf8');
    expect(authorText).toContain('about wide rivers');
    expect(authorText).toContain('about the grey sea');
    expect(await readFile(path.join(editor.root, 'essay.md'), 'utf8')).toBe(authorText);
    const parents = await runGit(['log', '-1', '--format=%P', 'main'], { cwd: server.repoDir('library') });
    expect(parents.trim().split(' ')).toHaveLength(2);
  });

  it('stops before pushing on a conflict and finishes with the author’s text, losing no word', async () => {
    const server = await shared.start();
    const author = await shared.clone(server);
    const editor = await shared.clone(server);
    await edit(author, 'essay.md', 'about rivers', 'about oceans');
    await edit(editor, 'essay.md', 'about rivers', 'about deserts');
    await author.service.syncLibrary({});
    const remoteBefore = await runGit(['rev-parse', 'main'], { cwd: server.repoDir('library') });
    const before = await localState(editor);

    const stopped = await editor.service.syncLibrary({});
    expect(stopped).toMatchObject({ outcome: 'conflicts', pushed: false });
    const conflict = stopped.pending!.conflicts[0]!;
    expect(stopped.pending!.conflicts).toHaveLength(1);
    expect(conflict.path).toBe('essay.md');
    expect(conflict.base).toContain('about rivers');
    expect(conflict.mine).toContain('about deserts');
    expect(conflict.theirs).toContain('about oceans');
    // Nothing in the work tree changed and nothing reached the remote.
    expect((await snapshotFiles(editor.root)).get('essay.md')).toEqual(before.files.get('essay.md'));
    expect(await runGit(['rev-parse', 'main'], { cwd: server.repoDir('library') })).toBe(remoteBefore);
    const status = await editor.service.getGitStatus({});
    expect(status.pending?.syncId).toBe(stopped.pending!.syncId);
    expect(status.changes).toContainEqual({ path: 'essay.md', kind: 'conflicted' });
    await expect(editor.service.syncLibrary({})).rejects.toThrow(/resolve or cancel/);

    const chosen = conflict.mine!.replace('about deserts', 'about oceans and deserts');
    const resolved = await editor.service.resolveSync({
      syncId: stopped.pending!.syncId,
      resolutions: [{ path: 'essay.md', text: chosen }],
    });
    expect(resolved).toMatchObject({ outcome: 'synced', pushed: true, pending: null });
    expect(await readFile(path.join(editor.root, 'essay.md'), 'utf8')).toBe(chosen);
    expect((await editor.service.getGitStatus({})).pending).toBeNull();

    await author.service.syncLibrary({});
    const authorText = await readFile(path.join(author.root, 'essay.md'), 'utf8');
    expect(authorText).toBe(chosen);
    expect(authorText).not.toMatch(/<<<<<<<|>>>>>>>|=======/);
    const parents = await runGit(['log', '-1', '--format=%P', 'main'], { cwd: server.repoDir('library') });
    expect(parents.trim().split(' ')).toHaveLength(2);
  });

  it('refuses a resolution that leaves a conflicted article out', async () => {
    const server = await shared.start();
    const author = await shared.clone(server);
    const editor = await shared.clone(server);
    await edit(author, 'essay.md', 'about rivers', 'about oceans');
    await edit(editor, 'essay.md', 'about rivers', 'about deserts');
    await author.service.syncLibrary({});
    const stopped = await editor.service.syncLibrary({});
    await expect(
      editor.service.resolveSync({ syncId: stopped.pending!.syncId, resolutions: [] }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(
      editor.service.resolveSync({
        syncId: stopped.pending!.syncId,
        resolutions: [
          { path: 'essay.md', text: 'x' },
          { path: 'notes/ideas.md', text: 'y' },
        ],
      }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect((await editor.service.getGitStatus({})).pending?.syncId).toBe(stopped.pending!.syncId);
  });

  it('cancel returns the library to exactly its state before the sync', async () => {
    const server = await shared.start();
    const author = await shared.clone(server);
    const editor = await shared.clone(server);
    await edit(author, 'essay.md', 'about rivers', 'about oceans');
    await edit(editor, 'essay.md', 'about rivers', 'about deserts');
    await writeFile(path.join(editor.root, 'new-draft.md'), '# New draft\n');
    await author.service.syncLibrary({});
    const remoteBefore = await runGit(['for-each-ref'], { cwd: server.repoDir('library') });
    const before = await localState(editor);

    const stopped = await editor.service.syncLibrary({ message: 'My edits' });
    expect(stopped.outcome).toBe('conflicts');
    expect(await editor.service.cancelSync({ syncId: stopped.pending!.syncId })).toEqual({ cancelled: true });

    expect(await localState(editor)).toEqual(before);
    expect(await runGit(['for-each-ref'], { cwd: server.repoDir('library') })).toBe(remoteBefore);
    const status = await editor.service.getGitStatus({});
    expect(status.pending).toBeNull();
    expect(status.changes).toEqual(
      expect.arrayContaining([
        { path: 'essay.md', kind: 'modified' },
        { path: 'new-draft.md', kind: 'new' },
      ]),
    );
    expect(await editor.service.cancelSync({ syncId: stopped.pending!.syncId })).toEqual({
      cancelled: false,
    });
  });

  it('keeps a stopped sync across a restart of the service', async () => {
    const server = await shared.start();
    const author = await shared.clone(server);
    const editor = await shared.clone(server);
    await edit(author, 'essay.md', 'about rivers', 'about oceans');
    await edit(editor, 'essay.md', 'about rivers', 'about deserts');
    await author.service.syncLibrary({});
    const stopped = await editor.service.syncLibrary({});
    await editor.service.close();

    const reopened = await shared.open(editor.root);
    const status = await reopened.service.getGitStatus({});
    expect(status.pending?.syncId).toBe(stopped.pending!.syncId);
    expect(status.pending?.conflicts[0]).toMatchObject({ path: 'essay.md' });
    const resolved = await reopened.service.resolveSync({
      syncId: stopped.pending!.syncId,
      resolutions: [{ path: 'essay.md', text: status.pending!.conflicts[0]!.theirs! }],
    });
    expect(resolved.pushed).toBe(true);
  });

  it('asks the author when one side deleted an article the other edited', async () => {
    const server = await shared.start();
    const author = await shared.clone(server);
    const editor = await shared.clone(server);
    await runGit(['rm', '-q', 'notes/ideas.md'], { cwd: author.root });
    await edit(editor, 'notes/ideas.md', 'One idea.', 'One better idea.');
    await author.service.syncLibrary({});
    const stopped = await editor.service.syncLibrary({});
    expect(stopped.outcome).toBe('conflicts');
    expect(stopped.pending!.conflicts[0]).toMatchObject({ path: 'notes/ideas.md', theirs: null });
    expect(stopped.pending!.conflicts[0]!.mine).toContain('One better idea.');
  });

  it('takes both sides’ renames and deletions of different articles', async () => {
    const server = await shared.start();
    const author = await shared.clone(server);
    const editor = await shared.clone(server);
    await runGit(['mv', 'notes/ideas.md', 'notes/more-ideas.md'], { cwd: author.root });
    await runGit(['rm', '-q', '.folio/schema.yaml'], { cwd: editor.root });
    await writeFile(path.join(editor.root, 'second.md'), '# Second\n');
    await author.service.syncLibrary({});
    const merged = await editor.service.syncLibrary({});
    expect(merged.outcome).toBe('synced');
    await author.service.syncLibrary({});
    const authorFiles = [...(await snapshotFiles(author.root)).keys()].sort();
    const editorFiles = [...(await snapshotFiles(editor.root)).keys()].sort();
    expect(editorFiles).toEqual(authorFiles);
    expect(authorFiles).toEqual(['.gitignore', 'essay.md', 'notes/more-ideas.md', 'second.md']);
  });
});
