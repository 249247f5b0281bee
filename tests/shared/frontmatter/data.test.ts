import { describe, expect, it } from 'vitest';
import {
  findFrontmatter,
  frontmatterData,
  parseFrontmatter,
  quickFrontmatterData,
  yamlData,
} from '../../../shared/frontmatter';
import { goldenCases } from './golden-cases';

describe('frontmatter data', () => {
  it('gives what `yaml` alone gives, data and problems, on every golden case', () => {
    let quick = 0;
    for (const golden of goldenCases) {
      const block = findFrontmatter(golden.input);
      if (!block) continue;
      if (quickFrontmatterData(block)) quick++;
      expect(frontmatterData(block), golden.name).toEqual(yamlData(block));
    }
    // The quick readers must answer for some cases, or this compares `yaml` with itself.
    expect(quick).toBeGreaterThan(0);
  });

  it('places a problem at its line and column in the article', () => {
    const { problems } = parseFrontmatter('\uFEFF---\r\ntitle: ok\r\ntitle: twice\r\n---\r\nBody\r\n');
    expect(problems).toEqual([
      expect.stringMatching(/^Invalid frontmatter at line 3, column 1: Duplicate key/),
    ]);
  });

  it('says so when the block is not a list of keys and values', () => {
    expect(parseFrontmatter('---\n- a\n- b\n---\n').problems).toEqual([
      'The frontmatter is not a list of keys and values.',
    ]);
  });

  it('finds a TOML block without reading it, and reads an empty block as no data', () => {
    expect(parseFrontmatter('+++\ntitle = "x"\n+++\n')).toMatchObject({ block: { kind: 'toml' }, data: {} });
    expect(parseFrontmatter('---\n---\nBody')).toMatchObject({ data: {}, problems: [] });
    expect(parseFrontmatter('No block.')).toEqual({ block: null, data: {}, problems: [] });
  });
});
