import { spawnSync } from 'node:child_process';

/** Builds the app once before the end-to-end tests, as `npm run web` does. */
export default function setup(): void {
  const result = spawnSync(process.execPath, ['node_modules/electron-vite/bin/electron-vite.js', 'build'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (result.status !== 0) throw new Error('electron-vite build failed');
}
