import { performance } from 'node:perf_hooks';
import os from 'node:os';

/** Median and 95th percentile of a list of milliseconds. */
export interface Timing {
  readonly p50: number;
  readonly p95: number;
  readonly runs: number;
}

/** Runs `work` `runs` times (after `warmup` unmeasured runs) and returns its timing. */
export function measure(work: () => unknown, runs = 15, warmup = 2): Timing {
  for (let i = 0; i < warmup; i++) work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return {
    p50: times[Math.floor(times.length / 2)]!,
    p95: times[Math.min(times.length - 1, Math.ceil(times.length * 0.95) - 1)]!,
    runs,
  };
}

/** Formats milliseconds for the report. */
export function ms(value: number): string {
  return value < 10 ? `${value.toFixed(2)} ms` : `${value.toFixed(0)} ms`;
}

/** Prints one table row per line, columns padded. */
export function printTable(rows: readonly (readonly string[])[]): void {
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((row) => row[col]!.length)));
  for (const row of rows) console.log(row.map((cell, col) => cell.padEnd(widths[col]!)).join('  '));
}

/**
 * The machine's load averages (1, 5, 15 min) and core count, printed with browser figures: on a
 * shared machine the absolute times move with the load, the ratios within one run much less.
 */
export function machineLoad(): string {
  const [one, five, fifteen] = os.loadavg().map((value) => value.toFixed(2));
  return `load average ${one}, ${five}, ${fifteen} on ${os.cpus().length} cores`;
}
