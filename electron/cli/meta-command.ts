import type { Command } from 'commander';

/**
 * Adds `folio meta get|set` to the program. Their code (meta.ts, with the YAML editor) is loaded
 * when one of them runs: every other command starts without it.
 */
export function registerMetaCommand(program: Command): void {
  const meta = program.command('meta').description("Read or change an article's frontmatter.");
  meta
    .command('get')
    .description('Print one frontmatter value, or all of them.')
    .argument('<file>', 'the article')
    .argument('[key]', 'the key to print (default: every key)')
    .option('--json', 'print JSON')
    .option('-l, --library <folder>', 'the library the article belongs to (default: its folder)')
    .action(async (file: string, key: string | undefined, opts: { json?: boolean; library?: string }) => {
      const { metaGet } = await import('./meta');
      await metaGet(file, key, opts);
    });
  meta
    .command('set')
    .description('Set frontmatter values: key=value (YAML scalars, or flow lists like tags=[a, b]).')
    .argument('<file>', 'the article')
    .argument('<assignments...>', 'key=value pairs')
    .option('-l, --library <folder>', 'the library the article belongs to (default: its folder)')
    .action(async (file: string, assignments: string[], opts: { library?: string }) => {
      const { metaSet } = await import('./meta');
      await metaSet(file, assignments, opts);
    });
}
