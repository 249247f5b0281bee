// Whether the bundled `folio` command in `out/cli/` (scripts/build-cli.js) matches the sources.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** The file beside the bundle that lists what it was built from, and when. */
export const manifestName = 'inputs.json';

/**
 * True when the bundle in `bundleDir` exists and none of the files it was built from (the
 * project's sources, npm's lock files) changed after its build started. Any doubt (no manifest,
 * a file missing or unreadable) answers false: the sources are then run instead, which is
 * slower to start but always current.
 *
 * @param {string} projectRoot
 * @param {string} bundleDir
 * @returns {boolean}
 */
export function cliBundleIsCurrent(projectRoot, bundleDir) {
  try {
    const manifest = JSON.parse(readFileSync(path.join(bundleDir, manifestName), 'utf8'));
    if (typeof manifest.builtAt !== 'number' || !Array.isArray(manifest.inputs)) return false;
    statSync(path.join(bundleDir, 'folio.js'));
    return manifest.inputs.every(
      (file) =>
        typeof file === 'string' && statSync(path.join(projectRoot, file)).mtimeMs <= manifest.builtAt,
    );
  } catch {
    return false;
  }
}
