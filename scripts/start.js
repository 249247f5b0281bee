// `npm start`: the desktop app. Electron's binary is fetched by its install script; where it is
// missing (for example when installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1), say so and point
// to browser mode instead of failing obscurely.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// FOLIO_ELECTRON_DIR lets the tests point at a folder without a binary.
const electronDir = process.env.FOLIO_ELECTRON_DIR ?? path.join(root, 'node_modules', 'electron');

function electronBinary() {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const pathFile = path.join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = path.join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

if (!electronBinary()) {
  process.stderr.write(
    [
      "Folio can't start the desktop app: Electron's binary is not installed.",
      '',
      'To get it, allow its download and reinstall it:',
      '  npm rebuild electron        (or: rm -rf node_modules/electron && npm install)',
      '',
      'Or run the same app in your browser instead:',
      '  npm run web',
      '',
    ].join('\n'),
  );
  process.exit(1);
}

const result = spawnSync(
  process.execPath,
  ['node_modules/electron-vite/bin/electron-vite.js', 'preview', ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit' },
);
process.exit(result.status ?? 1);
