import { Text } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { generateArticle } from '../../../bench/generate-article';
import { scanDocument } from '../../../renderer/src/editor/document-scan';
import { documentOutline } from '../../../renderer/src/editor/outline';
import { articleStatistics } from '../../../renderer/src/editor/statistics';

describe('scanDocument', () => {
  it('finds in slices exactly what the whole-text functions find', () => {
    const text = `---\ntitle: x\nwordTarget: 3000\n---\n${generateArticle(20_000)}\n# Ünïcode 😀 end\n`;
    const doc = Text.of(text.split('\n'));
    const step = scanDocument(doc);
    let slices = 0;
    let result = step(() => true);
    while (!result) {
      slices++;
      result = step(() => true);
    }
    expect(slices).toBeGreaterThan(1);
    expect(result.statistics).toEqual(articleStatistics(text));
    expect(result.outline).toEqual(documentOutline(doc));
  });
});
