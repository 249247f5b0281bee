import { describe, expect, it } from 'vitest';
import { relativeToArticle } from '../../../renderer/src/frontmatter/cover-path';
import { formRows } from '../../../renderer/src/frontmatter/form-fields';
import { builtinSchema, readFrontmatter } from '../../../shared/frontmatter';

describe('the rows of the frontmatter form', () => {
  it('shows the built-in fields in order, then other keys by their type', () => {
    const model = readFrontmatter(
      '---\nweight: 3\nfeatured: true\nsee_also: [a]\npublished_on: 2024-01-02 10:00\nnote: hi\nnested: {a: 1}\ntitle: T\n---\n',
    );
    const rows = formRows(model, builtinSchema);
    expect(rows.slice(0, 12).map((r) => r.spec.label)).toEqual(builtinSchema.fields.map((f) => f.label));
    expect(rows.slice(12).map((r) => [r.spec.label, r.spec.type, r.field?.editable])).toEqual([
      ['Weight', 'number', true],
      ['Featured', 'boolean', true],
      ['See also', 'list', true],
      ['Published on', 'date', true],
      ['Note', 'text', true],
      ['Nested', 'text', false],
    ]);
    expect(rows[0]!.field?.value).toBe('T');
  });

  it('edits a value of an unexpected type as what it is, not as the schema type', () => {
    const rows = formRows(readFrontmatter('---\ntags: a, b\n---\n'), builtinSchema);
    expect(rows.find((r) => r.spec.key === 'tags')!.spec).toMatchObject({ type: 'text', label: 'Tags' });
  });

  it('writes a picked cover relative to the article folder', () => {
    expect(relativeToArticle('post.md', 'images/a.png')).toBe('images/a.png');
    expect(relativeToArticle('drafts/2024/post.md', 'images/a.png')).toBe('../../images/a.png');
    expect(relativeToArticle('drafts/post.md', 'drafts/img/a.png')).toBe('img/a.png');
  });
});
