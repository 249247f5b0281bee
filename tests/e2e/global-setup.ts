import { spawnSync } from 'node:child_process';

/** Builds the app and the bundled command once before the end-to-end tests, as `npm run web` does. */
export default function setup(): void {
  for (const [what, args] of [
    ['electron-vite build', ['node_modules/electron-vite/bin/electron-vite.js', 'build']],
    ['the command bundle (scripts/build-cli.js)', ['scripts/build-cli.js']],
  ] as const) {
    const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'] });
    if (result.status !== 0) throw new Error(`${what} failed`);
  }
}
