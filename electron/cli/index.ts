import { CommanderError } from 'commander';
import { errorMessage } from '../../shared/errors';
import { createProgram } from './program';

/** Entry point of the `folio` command: exit 2 for bad usage, 1 for a failed command. */
async function main(argv: string[]): Promise<void> {
  const program = createProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? 0 : 2;
      return;
    }
    const message = errorMessage(error, String(error));
    process.stderr.write(`folio: ${message}\n`);
    process.exitCode = 1;
  }
}

await main(process.argv.slice(2));
