import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';
import { runGit } from '../../../helpers/git-server';
import { describeWithEachGit, useSharedLibrary } from './git-fixture';

const shared = useSharedLibrary();

describeWithEachGit('an article’s history from git', () => {
  it('lists the commits that changed it, newest first, across a rename, and reads each version', async () => {
    const server = await shared.start();
    const author = await shared.clone(server);
    await writeFile(path.join(author.root, 'essay.md'), '# Second version\n');
    await author.service.syncLibrary({ message: 'Second version' });
    await runGit(['mv', 'essay.md', 'renamed.md'], { cwd: author.root });
    await author.service.syncLibrary({ message: 'Rename the essay' });
    await writeFile(path.join(author.root, 'renamed.md'), '# Third version\n');
    await author.service.syncLibrary({ message: 'Third version' });

    const history = await author.service.listGitHistory({ path: 'renamed.md' });
    expect(history.map((commit) => commit.message)).toEqual([
      'Third version',
      'Rename the essay',
      'Second version',
      'First articles',
    ]);
    expect(history[3]).toMatchObject({ author: 'Seed', email: 'seed@example.com' });
    expect(Date.parse(history[0]!.time)).toBeGreaterThan(0);
    expect(await author.service.readGitVersion({ path: 'renamed.md', oid: history[0]!.oid })).toEqual({
      text: '# Third version\n',
    });
    expect(await author.service.readGitVersion({ path: 'essay.md', oid: history[2]!.oid })).toEqual({
      text: '# Second version\n',
    });
    await expect(
      author.service.readGitVersion({ path: 'renamed.md', oid: history[3]!.oid }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('says the library is not shared with git when it is not', async () => {
    const plain = await shared.open(await shared.tempDir());
    expect(await plain.service.getGitStatus({})).toMatchObject({ repository: false, changes: [] });
    await expect(plain.service.listGitHistory({ path: 'a.md' })).rejects.toMatchObject({
      code: 'NOT_A_REPOSITORY',
    });
    await expect(plain.service.syncLibrary({})).rejects.toMatchObject({ code: 'NOT_A_REPOSITORY' });
  });
});
