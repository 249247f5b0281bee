import { existsSync } from 'node:fs';
import path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { appRoot } from '../library/app-root';
import { registerCheckCommand } from './check-command';
import { registerExportCommand } from './export-command';
import { registerGitCommand } from './git-command';
import { registerMetaCommand } from './meta-command';
import { registerLibraryCommands } from './library-commands';
import { registerRenderCommand } from './render-command';

/** Where the built renderer lives (from the sources and from the command's bundle alike). */
export function rendererDir(): string {
  return path.join(appRoot(), 'out', 'renderer');
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new InvalidArgumentError('A port is a whole number from 0 to 65535.');
  }
  return port;
}

/**
 * Builds the `folio` command line. Each command is a thin wrapper over the library service or
 * the shared pipeline; later commands (list, search, meta, render, export, check) add here.
 */
export function createProgram(): Command {
  const program = new Command('folio')
    .description('Folio: draft articles as Markdown files with YAML frontmatter.')
    .showHelpAfterError()
    .exitOverride();

  program
    .command('web')
    .description('Run Folio in your browser on 127.0.0.1 (browser mode).')
    .argument(
      '[library]',
      'library folder (default: FOLIO_LIBRARY, else the last one opened, else ~/Documents/Folio)',
    )
    .option('-p, --port <port>', 'port to listen on (0 = any free port)', parsePort, 0)
    .action(async (library: string | undefined, opts: { port: number }) => {
      const renderer = rendererDir();
      if (!existsSync(path.join(renderer, 'index.html'))) {
        throw new Error('The app is not built yet. Run "npm run build" (or "npm run web") first.');
      }
      const { startBrowserMode } = await import('../web');
      const running = await startBrowserMode({ library, port: opts.port, rendererDir: renderer });
      process.stdout.write(`Folio is running at ${running.server.openUrl}\n`);
      process.stderr.write(`Library: ${running.library}\nPress Ctrl+C to stop.\n`);
      const stop = (): void => {
        void running.close().then(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });

  registerExportCommand(program);
  registerCheckCommand(program);
  registerMetaCommand(program);
  registerLibraryCommands(program);
  registerRenderCommand(program);
  registerGitCommand(program);
  return program;
}
