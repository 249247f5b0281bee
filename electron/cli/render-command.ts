import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';

/** One rendered file, as `folio render --json` prints it. */
export interface RenderedFile {
  readonly path: string;
  readonly html: string;
}

/** Where `folio render` writes; a parameter so that tests can capture it. */
export interface RenderOutput {
  write(text: string): void;
}

/**
 * Renders each Markdown file with the preview pipeline (the same HTML the preview shows).
 * Files are read in full as UTF-8; a file that cannot be read fails the command with its path.
 */
export async function renderFiles(paths: readonly string[]): Promise<RenderedFile[]> {
  // Loaded with the first render, not with the program (the other commands do not need it).
  const { renderMarkdown } = await import('../../shared/markdown');
  const results: RenderedFile[] = [];
  for (const path of paths) {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const message =
        code === 'ENOENT' ? `No such file: ${path}` : `Cannot read ${path} (${code ?? 'error'}).`;
      throw new Error(message, { cause: error });
    }
    let html: string;
    try {
      html = renderMarkdown(text);
    } catch (error) {
      if (error instanceof RangeError)
        throw new Error(`${path} is too deeply nested to render.`, { cause: error });
      throw error;
    }
    results.push({ path, html });
  }
  return results;
}

/**
 * Adds `folio render <file...> [--json]` to `program`: prints the preview HTML of each file
 * (separated by a blank line), or with `--json` one array of `{ "path", "html" }`.
 */
export function registerRenderCommand(program: Command, output: RenderOutput = process.stdout): void {
  program
    .command('render')
    .description('Print the preview HTML of Markdown files.')
    .argument('<files...>', 'Markdown files to render')
    .option('--json', 'print one JSON array of { "path", "html" }')
    .action(async (files: string[], opts: { json?: boolean }) => {
      const rendered = await renderFiles(files);
      if (opts.json) output.write(`${JSON.stringify(rendered, null, 2)}\n`);
      else output.write(rendered.map((file) => `${file.html}\n`).join('\n'));
    });
}
