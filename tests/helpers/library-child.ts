/**
 * A child process for tests that need a separate process: one killed mid-save, or one running
 * without root rights so that permission errors are real. Usage:
 * `node --import tsx tests/helpers/library-child.ts '<json>'` with `{ op, root, appDataDir, ... }`.
 * Prints one JSON line per result.
 */
import { readFile } from 'node:fs/promises';
import { createLibraryService } from '../../electron/library';
import { toErrorPayload } from '../../shared/errors';

interface ChildRequest {
  readonly op: 'save' | 'save-forever';
  readonly root: string;
  readonly appDataDir: string;
  readonly path: string;
  /** Texts to save (in turn, for `save-forever`). */
  readonly texts?: readonly string[];
  /** Files holding the texts, for texts too large for a command line. */
  readonly textFiles?: readonly string[];
}

const request = JSON.parse(process.argv[2] ?? '{}') as ChildRequest;
const texts =
  request.texts ?? (await Promise.all((request.textFiles ?? []).map((file) => readFile(file, 'utf8'))));
const service = await createLibraryService({
  root: request.root,
  host: { appDataDir: request.appDataDir },
  watch: false,
});

if (request.op === 'save') {
  const doc = await service.readArticle({ path: request.path });
  try {
    const result = await service.saveArticle({ path: request.path, text: texts[0]!, baseHash: doc.hash });
    process.stdout.write(`${JSON.stringify({ ok: true, value: result })}\n`);
  } catch (error) {
    process.stdout.write(`${JSON.stringify({ ok: false, error: toErrorPayload(error) })}\n`);
  }
  await service.close();
} else {
  let hash = (await service.readArticle({ path: request.path })).hash;
  for (let i = 0; ; i++) {
    hash = (await service.saveArticle({ path: request.path, text: texts[i % texts.length]!, baseHash: hash }))
      .hash;
    if (i === 0) process.stdout.write('saving\n');
  }
}
