// `npm run dist`: builds the installers with electron-builder (electron-builder.config.ts), after
// `npm run build`. Arguments go to electron-builder (`npm run dist -- --dir`, `-- --linux deb`).
// electron-builder downloads Electron's zip (and some packaging tools) from GitHub; where that
// is blocked, it fails with a bare network error: this says what it means instead.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { distFailureMessage, explainDistFailure } from './dist-failure.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = path.join(root, 'node_modules', 'electron-builder', 'cli.js');

const args = process.argv.slice(2);
// Nothing is uploaded unless asked for (`npm run dist -- --publish always`, with GH_TOKEN).
const publish = args.some((arg) => /^(-p|--publish)(=|$)/.test(arg)) ? [] : ['--publish', 'never'];
const child = spawn(process.execPath, [cli, '--config', 'electron-builder.config.ts', ...publish, ...args], {
  cwd: root,
  stdio: ['inherit', 'pipe', 'pipe'],
});
let output = '';
child.stdout.on('data', (chunk) => {
  output += chunk;
  process.stdout.write(chunk);
});
child.stderr.on('data', (chunk) => {
  output += chunk;
  process.stderr.write(chunk);
});
child.on('close', (code) => {
  if (code !== 0) {
    const failure = explainDistFailure(output);
    if (failure) process.stderr.write(distFailureMessage(failure));
  }
  process.exit(code ?? 1);
});
