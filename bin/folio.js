#!/usr/bin/env node
// The `folio` command. The CLI is TypeScript that shares the service and pipeline with the app.
// `npm run build` bundles it into out/cli/, which starts in about 0.2 s; when there is no bundle,
// or a source changed since it was built, tsx compiles the sources on the fly (about 1 s), so the
// command always runs the code in the checkout.
import { fileURLToPath } from 'node:url';
import { cliBundleIsCurrent } from '../scripts/cli-bundle.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundleDir = fileURLToPath(new URL('../out/cli/', import.meta.url));

if (process.env.FOLIO_CLI_FROM !== 'sources' && cliBundleIsCurrent(root, bundleDir)) {
  await import(new URL('../out/cli/folio.js', import.meta.url).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../electron/cli/index.ts');
}
