import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';
import { isFolioError } from '../../../../shared/errors';
import { describeWithEachGit, snapshotFiles, useSharedLibrary } from './git-fixture';

const shared = useSharedLibrary();
const password = 'Pw-7f3q-UNMISTAKABLE-9x';
const forms = [password, Buffer.from(`author:${password}`).toString('base64'), encodeURIComponent(password)];

function leaks(value: unknown): string[] {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return forms.filter((form) => text.includes(form));
}

describeWithEachGit('credentials for a remote', () => {
  it('never reach results, errors, events or any file of the library', async () => {
    const server = await shared.start({ users: { author: password } });
    const outputs: unknown[] = [];
    const record = async <T>(work: Promise<T>): Promise<T | undefined> => {
      try {
        const value = await work;
        outputs.push(value);
        return value;
      } catch (error) {
        outputs.push(
          isFolioError(error)
            ? { code: error.code, message: error.message, details: error.details }
            : String(error),
        );
        outputs.push((error as Error).stack ?? '');
        return undefined;
      }
    };

    // Credentials typed into the URL are taken out of it.
    const home = await shared.open(await shared.tempDir());
    const folder = path.join(await shared.tempDir(), 'library');
    const url = server.url('library').replace('http://', `http://author:${encodeURIComponent(password)}@`);
    const cloned = await record(home.service.cloneLibrary({ url, folder, jobId: 'clone' }));
    expect(cloned).toBeDefined();
    const author = await shared.open(folder, home.credentials);
    await writeFile(path.join(author.root, 'essay.md'), '# Changed\n');
    await record(author.service.getGitStatus({}));
    await record(author.service.syncLibrary({ jobId: 'sync' }));

    // A wrong password, then offline.
    await record(author.service.setGitCredentials({ username: 'author', password: `${password}-wrong` }));
    await writeFile(path.join(author.root, 'essay.md'), '# Changed again\n');
    const refused = await record(author.service.syncLibrary({}));
    expect(refused).toBeUndefined();
    await record(author.service.setGitCredentials({ username: 'author', password }));
    await server.goOffline();
    await record(author.service.syncLibrary({}));
    await server.goOnline();
    await record(author.service.syncLibrary({}));
    await record(author.service.listGitHistory({ path: 'essay.md' }));

    for (const output of [...outputs, ...home.events, ...author.events]) expect(leaks(output)).toEqual([]);
    for (const [file, bytes] of await snapshotFiles(author.root, { git: true })) {
      expect({ file, leaks: leaks(bytes.toString('latin1')) }).toEqual({ file, leaks: [] });
    }
    const config = await readFile(path.join(author.root, '.git', 'config'), 'utf8');
    expect(config).toContain(server.url('library'));
    expect(config).not.toContain('author:');
  });

  it('answers AUTH_REQUIRED without credentials, and a failed clone leaves no folder', async () => {
    const server = await shared.start({ users: { author: password } });
    const home = await shared.open(await shared.tempDir());
    const folder = path.join(await shared.tempDir(), 'library');
    await expect(home.service.cloneLibrary({ url: server.url('library'), folder })).rejects.toMatchObject({
      code: 'AUTH_REQUIRED',
    });
    await expect(stat(folder)).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(
      home.service.cloneLibrary({ url: server.url('library'), folder, username: 'author', password: 'nope' }),
    ).rejects.toMatchObject({ code: 'AUTH_REQUIRED' });
  });

  it('keeps credentials per remote and forgets them on request', async () => {
    const server = await shared.start({ users: { author: password } });
    const author = await shared.clone(server, { username: 'author', password });
    expect((await author.service.getGitStatus({})).hasCredentials).toBe(true);
    expect(await author.service.forgetGitCredentials({})).toEqual({ forgotten: true });
    expect((await author.service.getGitStatus({})).hasCredentials).toBe(false);
    await writeFile(path.join(author.root, 'essay.md'), '# Changed\n');
    await expect(author.service.syncLibrary({})).rejects.toMatchObject({ code: 'AUTH_REQUIRED' });
    expect((await author.service.getGitStatus({})).changes).toContainEqual({
      path: 'essay.md',
      kind: 'modified',
    });
    await author.service.setGitCredentials({ username: 'author', password });
    expect(await author.service.syncLibrary({})).toMatchObject({ outcome: 'synced', pushed: true });
  });
});
