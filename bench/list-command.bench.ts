import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildCli } from '../scripts/build-cli.js';
import { generateLibrary } from './generate-library';
import { ms, printTable } from './measure';

/**
 * The peer of `folio list` as a whole process: a `node` process that only walks the folders and
 * reads every file with a synchronous loop, and exits.
 */
const readLoopProcess = `
const { readdirSync, readFileSync } = require('node:fs');
const path = require('node:path');
let bytes = 0;
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full);
    else bytes += readFileSync(full).length;
  }
};
walk(process.argv[1]);
console.log(bytes);
`;

/**
 * CPU time (ms) of this process's children that have exited, on Linux (`/proc/self/stat`, in
 * clock ticks of 10 ms: meaningful summed over runs); `null` elsewhere.
 */
function childrenCpuMs(): number | null {
  if (!existsSync('/proc/self/stat')) return null;
  const stat = readFileSync('/proc/self/stat', 'utf8');
  // Fields after the command name (which may hold spaces), from field 3 on: cutime and cstime
  // are fields 16 and 17.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100;
}

/** Wall time of one process, start to exit, its standard output written to `output`. */
function processTime(args: readonly string[], output: string): number {
  const fd = openSync(output, 'w');
  try {
    const start = performance.now();
    const result = spawnSync(process.execPath, args, { stdio: ['ignore', fd, 'pipe'] });
    const elapsed = performance.now() - start;
    if (result.status !== 0) throw new Error(`${args.join(' ')} failed: ${result.stderr?.toString()}`);
    return elapsed;
  } finally {
    closeSync(fd);
  }
}

/** What {@link listCommandTimes} measured. */
export interface ListCommandTimes {
  /** Median wall time (ms) of `folio list --json`, and of the read-loop peer. */
  readonly command: number;
  readonly peer: number;
  /** Mean CPU time (ms) of one run of each, or `null` where the platform does not tell. */
  readonly commandCpu: number | null;
  readonly peerCpu: number | null;
  /** Articles in the command's output. */
  readonly articles: number;
}

/**
 * `folio list <library> --json` as an author runs it (a new process from the command's bundle,
 * to its exit) against the read-only `node` loop, taking turns; medians of `runs` wall times,
 * and the mean CPU time of each side.
 */
export async function listCommandTimes(root: string, temp: string, runs = 5): Promise<ListCommandTimes> {
  await buildCli();
  const command: number[] = [];
  const peer: number[] = [];
  let commandCpu: number | null = 0;
  let peerCpu: number | null = 0;
  const output = path.join(temp, 'list.json');
  const cpuOf = (work: () => number, into: number[]): number | null => {
    const before = childrenCpuMs();
    into.push(work());
    const after = childrenCpuMs();
    return before === null || after === null ? null : after - before;
  };
  for (let run = 0; run < runs; run++) {
    const peerRun = cpuOf(
      () => processTime(['-e', readLoopProcess, root], path.join(temp, 'read-loop.txt')),
      peer,
    );
    const commandRun = cpuOf(
      () => processTime(['out/cli/folio.js', 'list', root, '--json'], output),
      command,
    );
    peerCpu = peerCpu === null || peerRun === null ? null : peerCpu + peerRun / runs;
    commandCpu = commandCpu === null || commandRun === null ? null : commandCpu + commandRun / runs;
  }
  const articles = (JSON.parse(await readFile(output, 'utf8')) as unknown[]).length;
  const median = (list: number[]): number => [...list].sort((a, b) => a - b)[list.length >> 1]!;
  return { command: median(command), peer: median(peer), commandCpu, peerCpu, articles };
}

/**
 * `npm run bench -- list-command`: the `folio list --json` row of the library bench alone, on the
 * same generated library (`FOLIO_BENCH_ARTICLES`, default 10,000), with CPU time and load.
 */
export async function listCommandBench(): Promise<void> {
  const count = Math.max(100, Math.round(Number(process.env.FOLIO_BENCH_ARTICLES ?? 10_000) / 100) * 100);
  const temp = await mkdtemp(path.join(os.tmpdir(), 'folio-bench-'));
  const root = path.join(temp, 'library');
  try {
    await generateLibrary(root, count);
    const load = (): string => os.loadavg()[0]!.toFixed(1);
    const loadAtStart = load();
    processTime(['-e', readLoopProcess, root], path.join(temp, 'warm.txt')); // the OS cache, for both
    const times = await listCommandTimes(root, temp, 9);
    if (times.articles !== count) throw new Error(`folio list gave ${times.articles}`);
    const cpu = (value: number | null): string => (value === null ? '' : `, CPU ${ms(value)}`);
    const cpuRatio =
      times.commandCpu !== null && times.peerCpu
        ? `, CPU ${(times.commandCpu / times.peerCpu).toFixed(2)}×`
        : '';
    console.log(`\n## folio list --json, ${count} articles (load ${loadAtStart}–${load()})\n`);
    printTable([
      ['work', 'Folio', 'peer', 'ratio'],
      [
        'whole process from its bundle (median of 9, CPU the mean)',
        `${ms(times.command)}${cpu(times.commandCpu)}`,
        `node sync read loop ${ms(times.peer)}${cpu(times.peerCpu)}`,
        `${(times.command / times.peer).toFixed(2)}×${cpuRatio} (target ≤ 3×)`,
      ],
    ]);
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}
