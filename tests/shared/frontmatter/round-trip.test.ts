import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLibraryService } from '../../../electron/library';
import { applyEdits, removeKey, setField } from '../../../shared/frontmatter';
import { useTempDirs } from '../../helpers/temp-dir';
import { goldenCases } from './golden-cases';

const tempDir = useTempDirs();

async function open(input: string) {
  const root = await tempDir();
  const file = path.join(root, 'article.md');
  await writeFile(file, input);
  const service = await createLibraryService({
    root,
    host: { appDataDir: path.join(await tempDir(), 'data') },
  });
  return { file, service, doc: await service.readArticle({ path: 'article.md' }) };
}

describe('frontmatter round-trips through the library service', () => {
  for (const golden of goldenCases) {
    it(`opens and saves byte-identical: ${golden.name}`, async () => {
      const { file, service, doc } = await open(golden.input);
      const before = await stat(file);
      const result = await service.saveArticle({ path: 'article.md', text: doc.text, baseHash: doc.hash });
      expect(result.written).toBe(false);
      expect(await readFile(file, 'utf8')).toBe(golden.input);
      expect((await stat(file)).mtimeMs).toBe(before.mtimeMs);
    });

    if (golden.edit) {
      it(`saves a form edit as exactly the golden bytes: ${golden.name}`, async () => {
        const { file, service, doc } = await open(golden.input);
        const edit = golden.edit!;
        const edits =
          edit.op === 'set' ? setField(doc.text, edit.key, edit.value) : removeKey(doc.text, edit.key);
        const text = applyEdits(doc.text, edits);
        await service.saveArticle({ path: 'article.md', text, baseHash: doc.hash });
        expect(await readFile(file, 'utf8')).toBe(golden.expected);
      });
    }
  }
});
