import { access, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isFolioError } from '../../../../shared/errors';
import { runGit } from '../../../helpers/git-server';
import { useSharedLibrary, type Clone } from './git-fixture';

const shared = useSharedLibrary();

async function edit(clone: Clone, file: string, from: string, to: string): Promise<void> {
  const full = path.join(clone.root, file);
  await writeFile(full, (await readFile(full, 'utf8')).replace(from, to));
}

function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

/** The author deletes `notes/ideas.md`, the editor edits it, and the editor's sync stops. */
async function deletedThereEditedHere() {
  const server = await shared.start();
  const author = await shared.clone(server);
  const editor = await shared.clone(server);
  await runGit(['rm', '-q', 'notes/ideas.md'], { cwd: author.root });
  await edit(editor, 'notes/ideas.md', 'One idea.', 'One better idea.');
  await author.service.syncLibrary({});
  const stopped = await editor.service.syncLibrary({});
  expect(stopped.pending?.conflicts.map((c) => [c.path, c.theirs])).toEqual([['notes/ideas.md', null]]);
  return { server, editor, syncId: stopped.pending!.syncId };
}

describe('resolving an article one side deleted and the other edited', () => {
  it('deletes it everywhere when the author chooses to delete it', async () => {
    const { server, editor, syncId } = await deletedThereEditedHere();
    const done = await editor.service.resolveSync({
      syncId,
      resolutions: [{ path: 'notes/ideas.md', text: null }],
    });
    expect(done).toMatchObject({ outcome: 'synced', pushed: true, pending: null });
    expect(await exists(path.join(editor.root, 'notes/ideas.md'))).toBe(false);
    const remoteFiles = await runGit(['ls-tree', '-r', '--name-only', 'main'], {
      cwd: server.repoDir('library'),
    });
    expect(remoteFiles.split('\n')).not.toContain('notes/ideas.md');
    expect((await editor.service.getGitStatus({})).changes).toEqual([]);
  });

  it('keeps it with the edited text when the author chooses to keep it', async () => {
    const { server, editor, syncId } = await deletedThereEditedHere();
    const mine = await readFile(path.join(editor.root, 'notes/ideas.md'), 'utf8');
    await editor.service.resolveSync({ syncId, resolutions: [{ path: 'notes/ideas.md', text: mine }] });
    expect(await runGit(['show', 'main:notes/ideas.md'], { cwd: server.repoDir('library') })).toBe(mine);
  });

  it('refuses to delete an article both sides edited, changing nothing', async () => {
    const server = await shared.start();
    const author = await shared.clone(server);
    const editor = await shared.clone(server);
    await edit(author, 'essay.md', 'about rivers', 'about oceans');
    await edit(editor, 'essay.md', 'about rivers', 'about deserts');
    await author.service.syncLibrary({});
    const stopped = await editor.service.syncLibrary({});
    const refused = await editor.service
      .resolveSync({ syncId: stopped.pending!.syncId, resolutions: [{ path: 'essay.md', text: null }] })
      .catch((error: unknown) => error);
    expect(isFolioError(refused, 'INVALID_ARGUMENT')).toBe(true);
    expect(await readFile(path.join(editor.root, 'essay.md'), 'utf8')).toContain('about deserts');
    expect((await editor.service.getGitStatus({})).pending?.syncId).toBe(stopped.pending!.syncId);
  });
});
