import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';
import { runGit } from '../../../helpers/git-server';
import { describeWithEachGit, snapshotFiles, useSharedLibrary } from './git-fixture';

const shared = useSharedLibrary();

describeWithEachGit('syncing without a network', () => {
  it('answers OFFLINE and changes nothing, not even inside .git', async () => {
    const server = await shared.start();
    const author = await shared.clone(server);
    await writeFile(path.join(author.root, 'essay.md'), '# Rewritten offline\n');
    const before = await snapshotFiles(author.root, { git: true });
    await server.goOffline();

    const host = new URL(server.url('library')).host;
    await expect(author.service.syncLibrary({})).rejects.toMatchObject({
      code: 'OFFLINE',
      message: `You're offline: could not reach ${host}. Nothing was changed.`,
    });
    expect(await snapshotFiles(author.root, { git: true })).toEqual(before);
  });

  it('still commits with commitOnly, and sends the commit once back online', async () => {
    const server = await shared.start();
    const author = await shared.clone(server);
    await writeFile(path.join(author.root, 'essay.md'), '# Written on a train\n');
    await server.goOffline();

    const committed = await author.service.syncLibrary({ commitOnly: true, message: 'On the train' });
    expect(committed).toMatchObject({ outcome: 'committed', pushed: false });
    expect(committed.summary).toMatch(/^Committed/);
    const status = await author.service.getGitStatus({});
    expect(status).toMatchObject({ ahead: 1, behind: 0, changes: [] });

    await server.goOnline();
    const sent = await author.service.syncLibrary({});
    expect(sent).toMatchObject({ outcome: 'synced', pushed: true, committed: 0 });
    expect(sent.summary).toMatch(/^Sent the changes committed earlier/);
    expect(await runGit(['log', '-1', '--format=%s', 'main'], { cwd: server.repoDir('library') })).toBe(
      'On the train\n',
    );
    expect((await author.service.getGitStatus({})).ahead).toBe(0);
  });

  it('keeps the commit when the remote goes away between fetch and push', async () => {
    let served = 0;
    const server = await shared.start({
      onRequest: async (request) => {
        if (request.service === 'git-receive-pack' && served++ === 0) await server.goOffline();
      },
    });
    const author = await shared.clone(server);
    await writeFile(path.join(author.root, 'essay.md'), '# Almost sent\n');
    const result = await author.service.syncLibrary({});
    expect(result).toMatchObject({ outcome: 'committed', pushed: false });
    expect(result.summary).toMatch(/go with the next sync/);
    expect(await readFile(path.join(author.root, 'essay.md'), 'utf8')).toBe('# Almost sent\n');
    await server.goOnline();
    expect(await author.service.syncLibrary({})).toMatchObject({ outcome: 'synced', pushed: true });
  });
});
