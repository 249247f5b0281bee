#!/usr/bin/env node
// The `folio` command. The CLI is TypeScript that shares the service and pipeline with the app;
// tsx compiles it on the fly, so the command works straight from a checkout.
import { register } from 'tsx/esm/api';

register();
await import('../electron/cli/index.ts');
