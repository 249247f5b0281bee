import type { Command } from 'commander';
import { hasErrors } from '../../shared/checks/problems';
import { formatProblem } from './problem-format';
import { createProgressReporter } from './progress-bar';
import { resolveCliTarget } from './target-library';
import { countOf, words } from '../../shared/plural';

/**
 * Adds `folio check <file|library> [--json]`: the export's preflight checks. Prints one line
 * per problem (or a JSON array), exits 1 when there are errors, 2 on bad usage.
 */
export function registerCheckCommand(program: Command): void {
  program
    .command('check')
    .description('Check articles before export: links, headings, images, alt text, frontmatter.')
    .argument('<target>', 'an article (.md) or a library folder')
    .option('--json', 'print the problems as a JSON array')
    .action(async (targetArg: string, opts: { json?: boolean }, command: Command) => {
      const target = await resolveCliTarget(targetArg);
      if (!target)
        command.error(`folio check: “${targetArg}” is not a Markdown file or a folder.`, { exitCode: 2 });
      // Loaded here, not with the program: the checks render articles with the whole pipeline.
      const { checkArticleFile, checkLibraryFolder } = await import('../library/export');
      const bar = createProgressReporter(process.stderr);
      const problems = target.article
        ? await checkArticleFile(target.root, target.article)
        : await checkLibraryFolder(target.root, '', (done, total) => bar.update(done, total, 'checking'));
      bar.finish();
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(problems, null, 2)}\n`);
      } else {
        for (const problem of problems) process.stdout.write(`${formatProblem(problem)}\n`);
        const errors = problems.filter((p) => p.severity === 'error').length;
        process.stderr.write(
          problems.length === 0
            ? 'No problems found.\n'
            : `${countOf(errors, words.error)}, ${countOf(problems.length - errors, words.warning)}.\n`,
        );
      }
      if (hasErrors(problems)) process.exitCode = 1;
    });
}
