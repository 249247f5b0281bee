import path from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import type { ExportChoices, ImageMode } from '../../shared/export';
// The themes' names only: the export itself (the pipeline and all) loads when the command runs.
import { exportThemeIds, type ExportThemeId } from '../../shared/export/themes';
import { formatProblem } from './problem-format';
import { createProgressReporter } from './progress-bar';
import { resolveCliTarget } from './target-library';
import { countOf, words } from '../../shared/plural';

function oneOf<T extends string>(values: readonly T[], what: string): (value: string) => T {
  return (value) => {
    if (!(values as readonly string[]).includes(value)) {
      throw new InvalidArgumentError(`${what} is one of: ${values.join(', ')}.`);
    }
    return value as T;
  };
}

interface ExportOptions {
  out: string;
  images: ImageMode;
  theme: ExportThemeId;
  includeDrafts?: boolean;
  strict?: boolean;
  toc?: boolean;
  titleBlock: 'auto' | 'always' | 'never';
}

/**
 * Adds `folio export <file|library> --out <dir>`: standalone HTML exactly like the preview.
 * Exit codes: 0 exported, 1 problems with `--strict` (nothing written), 2 bad usage.
 */
export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description('Export an article or a whole library to HTML that looks exactly like the preview.')
    .argument('<target>', 'an article (.md) or a library folder')
    .requiredOption('-o, --out <dir>', 'output folder')
    .option(
      '--images <mode>',
      'inline (one self-contained file) or copy (an assets folder)',
      oneOf(['inline', 'copy'] as const, '--images'),
      'inline',
    )
    .option(
      '--theme <name>',
      `export theme: ${exportThemeIds.join(', ')}`,
      oneOf(exportThemeIds, '--theme'),
      'article',
    )
    .option('--include-drafts', 'also export articles with status: draft')
    .option('--strict', 'write nothing and exit 1 when a check finds an error')
    .option('--toc', 'add a table of contents')
    .option(
      '--title-block <when>',
      'title block: auto, always or never',
      oneOf(['auto', 'always', 'never'] as const, '--title-block'),
      'auto',
    )
    .action(async (targetArg: string, opts: ExportOptions, command: Command) => {
      const target = await resolveCliTarget(targetArg);
      if (!target)
        command.error(`folio export: “${targetArg}” is not a Markdown file or a folder.`, { exitCode: 2 });
      const choices: ExportChoices = {
        images: opts.images,
        theme: opts.theme,
        includeDrafts: !!opts.includeDrafts,
        strict: !!opts.strict,
        toc: !!opts.toc,
        titleBlock: opts.titleBlock,
      };
      const bar = createProgressReporter(process.stderr);
      const controller = new AbortController();
      const stop = (): void => controller.abort();
      process.once('SIGINT', stop);
      const exportTarget = {
        root: target.root,
        outDir: path.resolve(opts.out),
        signal: controller.signal,
        oneOff: true,
        onProgress: (p: { done: number; total: number; path: string | null; phase: string }) =>
          bar.update(p.done, p.total, p.path ?? p.phase),
      };
      const { exportArticleFile, exportLibraryFolder } = await import('../library/export');
      let report;
      try {
        report = target.article
          ? await exportArticleFile(exportTarget, target.article, choices)
          : await exportLibraryFolder(exportTarget, '', choices);
      } finally {
        process.off('SIGINT', stop);
        bar.finish();
      }
      for (const problem of report.problems) process.stderr.write(`${formatProblem(problem)}\n`);
      for (const image of report.imageProblems)
        process.stderr.write(`${image.path}: warning: ${image.message}\n`);
      if (report.cancelled) {
        process.stderr.write('Export cancelled.\n');
        process.exitCode = 130;
        return;
      }
      if (!report.completed) {
        process.stderr.write('Nothing was exported: --strict and the checks above found errors.\n');
        process.exitCode = 1;
        return;
      }
      const pages = report.written.filter((file) => file.endsWith('.html') && file !== 'index.html').length;
      const notes = [
        report.skipped.length ? `${report.skipped.length} unchanged` : '',
        report.drafts.length ? `${countOf(report.drafts.length, words.draft)} left out` : '',
      ].filter(Boolean);
      process.stdout.write(
        `Exported ${countOf(pages, words.article)} to ${path.join(report.outDir, report.entry ?? '')}${notes.length ? ` (${notes.join(', ')})` : ''}\n`,
      );
    });
}
