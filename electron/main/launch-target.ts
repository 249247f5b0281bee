import { stat } from 'node:fs/promises';
import path from 'node:path';

/** What Folio opens at start: a library folder, and maybe one of its articles. */
export interface LaunchTarget {
  /** Absolute path of the library folder. */
  readonly library: string;
  /** The article to open, relative to the library with `/` separators; `null` for none. */
  readonly article: string | null;
}

/** A path Folio was asked to open that it cannot open, with the reason in words. */
export interface RefusedLaunch {
  readonly refused: string;
  readonly reason: string;
}

const markdownExtension = /\.(md|markdown)$/i;

/**
 * The paths in a command line that name something to open (a double-clicked `.md` file arrives
 * this way on Windows and Linux): the arguments after the executable (and, unpackaged, after
 * the app's folder), without switches such as `--inspect` or macOS's `-psn_…`.
 */
export function launchArguments(argv: readonly string[], isPackaged: boolean): string[] {
  return argv.slice(isPackaged ? 1 : 2).filter((arg) => arg !== '' && !arg.startsWith('-'));
}

/**
 * What opening `candidate` means: a folder opens as the library; a Markdown file (`.md`,
 * `.markdown`) opens with its folder as the library, or, when it lies inside one of the
 * `knownLibraries` (the libraries opened before), in that library, so that opening a file from
 * the library you write in keeps its folders around it. Anything else is refused with a reason.
 */
export async function resolveLaunchPath(
  candidate: string,
  options: { readonly cwd?: string; readonly knownLibraries?: readonly string[] } = {},
): Promise<LaunchTarget | RefusedLaunch> {
  const absolute = path.resolve(options.cwd ?? process.cwd(), candidate);
  const info = await stat(absolute).catch(() => null);
  if (!info) return { refused: absolute, reason: 'It does not exist.' };
  if (info.isDirectory()) return { library: absolute, article: null };
  if (!info.isFile() || !markdownExtension.test(absolute))
    return { refused: absolute, reason: 'Folio opens folders and Markdown files (.md, .markdown).' };
  for (const library of options.knownLibraries ?? []) {
    const relative = path.relative(path.resolve(library), absolute);
    if (relative && !relative.startsWith('..') && !path.isAbsolute(relative))
      return { library: path.resolve(library), article: relative.split(path.sep).join('/') };
  }
  return { library: path.dirname(absolute), article: path.basename(absolute) };
}

/** True when {@link resolveLaunchPath} refused its path. */
export function isRefusedLaunch(target: LaunchTarget | RefusedLaunch): target is RefusedLaunch {
  return 'refused' in target;
}
