import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCycles } from '../../scripts/check-import-cycles.js';
import { useTempDirs, writeFiles } from '../helpers/temp-dir';

const tempDir = useTempDirs();

describe('the import cycle check', () => {
  it('finds modules that import each other, type-only imports and index files included', async () => {
    const root = await tempDir();
    await writeFiles(root, {
      'shared/a.ts': "import type { B } from './b';\nexport type A = B[];\n",
      'shared/b.ts': "import { c } from './c';\nexport type B = typeof c;\n",
      'shared/c.ts': "import type { A } from './a';\nexport const c: A | null = null;\n",
      'shared/d/index.ts': "import { e } from '../e';\nexport const d = e;\n",
      'shared/e.ts': "import { d } from './d';\nimport { z } from 'zod';\nexport const e = [d, z];\n",
      'shared/alone.ts': "import { c } from './c';\nexport const alone = c;\n",
    });
    expect(importCycles(root, ['shared'])).toEqual(
      expect.arrayContaining([
        ['shared/a.ts', 'shared/b.ts', 'shared/c.ts'],
        ['shared/d/index.ts', 'shared/e.ts'],
      ]),
    );
    expect(importCycles(root, ['shared'])).toHaveLength(2);
  });

  it('finds none in Folio itself', () => {
    expect(importCycles(path.resolve('.'))).toEqual([]);
  });
});
