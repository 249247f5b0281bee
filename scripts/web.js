// `npm run web -- [library] [--port N]`: builds the renderer and the command, then starts
// browser mode.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildCli } from './build-cli.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const build = spawnSync(process.execPath, ['node_modules/electron-vite/bin/electron-vite.js', 'build'], {
  cwd: root,
  stdio: ['ignore', 'ignore', 'inherit'],
});
if (build.status !== 0) {
  process.stderr.write('Folio could not be built; see the errors above.\n');
  process.exit(build.status ?? 1);
}
await buildCli();
const web = spawnSync(process.execPath, ['bin/folio.js', 'web', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(web.status ?? 1);
