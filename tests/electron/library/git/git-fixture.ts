import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe } from 'vitest';
import {
  createLibraryService,
  createMemoryCredentialStore,
  type LibraryService,
} from '../../../../electron/library';
import type { GitCredentialStore } from '../../../../electron/library';
import type { GitProgress } from '../../../../shared/git-contract';
import { startGitServer, type GitServer, type GitServerOptions } from '../../../helpers/git-server';
import { useTempDirs, writeFiles } from '../../../helpers/temp-dir';

/** The articles every shared test library starts with. */
export const seedArticles: Record<string, string> = {
  'essay.md':
    '---\ntitle: The Essay\n---\n\nFirst paragraph about rivers.\n\nSecond paragraph about mountains.\n\nThird paragraph about the sea.\n',
  'notes/ideas.md': '---\ntitle: Ideas\n---\n\nOne idea.\n',
  '.folio/schema.yaml': 'fields: {}\n',
};

/** One clone of the shared library, with its service. */
export interface Clone {
  readonly root: string;
  readonly service: LibraryService;
  readonly credentials: GitCredentialStore;
  readonly events: GitProgress[];
}

/** Test setup: a server with a seeded repository and a way to clone it (closed after each test). */
export function useSharedLibrary(): {
  start(options?: {
    users?: Record<string, string>;
    seed?: Record<string, string> | null;
    onRequest?: GitServerOptions['onRequest'];
  }): Promise<GitServer>;
  clone(server: GitServer, credentials?: { username: string; password: string }): Promise<Clone>;
  open(root: string, credentials?: GitCredentialStore, options?: { watch?: boolean }): Promise<Clone>;
  tempDir: () => Promise<string>;
} {
  const tempDir = useTempDirs();
  const servers: GitServer[] = [];
  const services: LibraryService[] = [];
  afterEach(async () => {
    await Promise.all(services.splice(0).map((service) => service.close()));
    await Promise.all(servers.splice(0).map((server) => server.stop()));
  });

  async function open(
    root: string,
    credentials = createMemoryCredentialStore(),
    options: { watch?: boolean } = {},
  ): Promise<Clone> {
    const service = await createLibraryService({
      root,
      host: { appDataDir: path.join(await tempDir(), 'data'), gitCredentials: credentials },
      watch: options.watch ?? false,
    });
    services.push(service);
    const events: GitProgress[] = [];
    service.on('gitProgressed', (event) => events.push(event));
    return { root, service, credentials, events };
  }

  return {
    tempDir,
    open,
    async start(options = {}) {
      const seedDir = await tempDir();
      const seed = options.seed === undefined ? seedArticles : options.seed;
      if (seed) await writeFiles(seedDir, seed);
      const server = await startGitServer({
        repos: { library: seed ? seedDir : null },
        users: options.users,
        onRequest: options.onRequest,
      });
      servers.push(server);
      return server;
    },
    async clone(server, credentials) {
      const home = await open(await tempDir());
      const folder = path.join(await tempDir(), 'library');
      const { root } = await home.service.cloneLibrary({
        url: server.url('library'),
        folder,
        ...credentials,
      });
      return open(root, credentials ? await keep(server, credentials) : undefined);
    },
  };
}

async function keep(
  server: GitServer,
  credentials: { username: string; password: string },
): Promise<GitCredentialStore> {
  const store = createMemoryCredentialStore();
  await store.set(new URL(server.url('library')).origin, credentials, false);
  return store;
}

/** Every file under `root` (`.git` included when asked) → its bytes. */
export async function snapshotFiles(
  root: string,
  options: { git?: boolean } = {},
): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  async function walk(folder: string): Promise<void> {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      const relative = path.relative(root, full).split(path.sep).join('/');
      if (!options.git && relative === '.git') continue;
      if (entry.isDirectory()) await walk(full);
      else files.set(relative, await readFile(full));
    }
  }
  await walk(root);
  return files;
}

/** The two ways the service runs git: the system's command, and isomorphic-git without it. */
export const gitBackends = ['the git command', 'isomorphic-git'] as const;

/** Runs a describe block once per git backend (`FOLIO_GIT=isomorphic-git` forces the fallback). */
export function describeWithEachGit(title: string, body: () => void): void {
  describe.each(gitBackends)(`${title}, with %s`, (backend) => {
    beforeEach(() => {
      if (backend === 'isomorphic-git') process.env.FOLIO_GIT = 'isomorphic-git';
      else delete process.env.FOLIO_GIT;
    });
    afterEach(() => {
      delete process.env.FOLIO_GIT;
    });
    body();
  });
}
