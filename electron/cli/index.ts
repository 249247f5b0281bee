import { errorMessage } from '../../shared/errors';
import { plainListArguments } from './list-output';

/**
 * Entry point of the `folio` command: exit 2 for bad usage, 1 for a failed command. The plain
 * `folio list <library> [--json]` runs without commander and the other commands' definitions
 * (loaded for every other command line): a listing is often run by scripts, and loading them
 * was a tenth of its time on a small library.
 */
async function main(argv: string[]): Promise<void> {
  try {
    const listing = plainListArguments(argv);
    if (listing) {
      const { printListing } = await import('./list-output');
      await printListing(listing.library, listing.json);
      return;
    }
    const [{ createProgram }, { CommanderError }] = await Promise.all([
      import('./program'),
      import('commander'),
    ]);
    try {
      await createProgram().parseAsync(argv, { from: 'user' });
    } catch (error) {
      if (!(error instanceof CommanderError)) throw error;
      process.exitCode = error.exitCode === 0 ? 0 : 2;
    }
  } catch (error) {
    const message = errorMessage(error, String(error));
    process.stderr.write(`folio: ${message}\n`);
    process.exitCode = 1;
  }
}

await main(process.argv.slice(2));
