import { appendFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createLibraryService, type LibraryService } from '../electron/library';
import { createBareRepo, runGit, startGitServer } from '../tests/helpers/git-server';
import { generateLibrary } from './generate-library';
import { machineLoad, ms, printTable } from './measure';

/** Articles in the generated library (`FOLIO_BENCH_ARTICLES` overrides; rounded to hundreds). */
const articleCount = Math.max(
  100,
  Math.round(Number(process.env.FOLIO_BENCH_ARTICLES ?? 10_000) / 100) * 100,
);
/** Measured runs of each side; they alternate so that load drift hits both alike. */
const runs = Number(process.env.FOLIO_BENCH_RUNS ?? 5);

async function time(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * `npm run bench -- git`: a generated library of 10,000 articles committed in a repository on
 * the test git server (git http-backend on 127.0.0.1), cloned twice. With 3 changed articles,
 * Folio's `getGitStatus` is timed against `git status --porcelain`, and Folio's whole sync
 * (fetch, commit, merge, push) against `git add -A && git commit && git push`, alternating, in
 * the same run. Targets: status ≤ 3× git, sync ≤ 2× git.
 */
export async function gitBench(): Promise<void> {
  const work = await mkdtemp(path.join(os.tmpdir(), 'folio-git-bench-'));
  const server = await startGitServer();
  let service: LibraryService | null = null;
  try {
    const seed = path.join(work, 'seed');
    const generated = await generateLibrary(seed, articleCount);
    await createBareRepo(server.root, 'folio', seed);
    await createBareRepo(server.root, 'peer', seed);
    const folio = path.join(work, 'folio');
    const peer = path.join(work, 'peer');
    await runGit(['clone', '-q', server.url('folio'), folio]);
    await runGit(['clone', '-q', server.url('peer'), peer]);
    for (const dir of [folio, peer]) {
      await runGit(['config', 'user.name', 'Bench'], { cwd: dir });
      await runGit(['config', 'user.email', 'bench@example.com'], { cwd: dir });
    }
    service = await createLibraryService({
      root: folio,
      host: { appDataDir: path.join(work, 'data') },
      watch: false,
    });
    // Folio's first sync writes its .gitignore lines once; do it before measuring.
    await service.syncLibrary({ message: 'Ignore Folio’s own files' });

    let round = 0;
    const changeThree = async (dir: string): Promise<void> => {
      round += 1;
      for (const article of generated.paths.slice(round * 3, round * 3 + 3)) {
        await appendFile(path.join(dir, article), `\nEdited in round ${round}.\n`);
      }
    };

    const status = { folio: [] as number[], git: [] as number[] };
    await changeThree(folio);
    await changeThree(peer);
    let changes = 0;
    await service.getGitStatus({}); // warm-up: reads the index once
    await runGit(['status', '--porcelain'], { cwd: peer });
    for (let i = 0; i < runs; i++) {
      status.folio.push(await time(async () => (changes = (await service!.getGitStatus({})).changes.length)));
      status.git.push(await time(() => runGit(['status', '--porcelain'], { cwd: peer })));
    }
    if (changes !== 3) throw new Error(`getGitStatus found ${changes} changes instead of 3`);

    const sync = { folio: [] as number[], git: [] as number[] };
    for (let i = 0; i < runs; i++) {
      if (i > 0) {
        await changeThree(folio);
        await changeThree(peer);
      }
      const message = `Bench round ${i}`;
      sync.folio.push(await time(() => service!.syncLibrary({ message })));
      sync.git.push(
        await time(async () => {
          await runGit(['add', '-A'], { cwd: peer });
          await runGit(['commit', '-q', '-m', message], { cwd: peer });
          await runGit(['push', '-q', 'origin', 'main'], { cwd: peer });
        }),
      );
    }
    const pushed = await runGit(['log', '-1', '--format=%s', 'main'], { cwd: server.repoDir('folio') });
    if (pushed.trim() !== `Bench round ${runs - 1}`)
      throw new Error('Folio’s last sync did not reach the server');

    console.log(`\ngit: ${articleCount} articles, 3 changed, median of ${runs} runs (${machineLoad()})`);
    const row = (name: string, folioMs: number, gitMs: number, target: number): string[] => [
      name,
      ms(folioMs),
      ms(gitMs),
      `${(folioMs / gitMs).toFixed(2)}×`,
      `≤ ${target}×`,
    ];
    printTable([
      ['work', 'Folio', 'git', 'ratio', 'target'],
      row('status', median(status.folio), median(status.git), 3),
      row('sync (commit + push)', median(sync.folio), median(sync.git), 2),
    ]);
  } finally {
    await service?.close();
    await server.stop();
    await rm(work, { recursive: true, force: true });
  }
}
