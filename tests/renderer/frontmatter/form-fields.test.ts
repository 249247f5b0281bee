import { describe, expect, it } from 'vitest';
import { relativeToArticle } from '../../../renderer/src/frontmatter/cover-path';
import { formRows, isMissingRequired } from '../../../renderer/src/frontmatter/form-fields';
import { builtinSchema, parseSchema, readFrontmatter } from '../../../shared/frontmatter';

describe('the rows of the frontmatter form', () => {
  it('shows only the keys the article has, schema fields first in schema order', () => {
    const model = readFrontmatter('---\nnote: hi\ntags: [a]\ntitle: T\n---\n');
    const rows = formRows(model, builtinSchema);
    expect(rows.map((r) => [r.spec.label, r.generic])).toEqual([
      ['Title', false],
      ['Tags', false],
      ['Note', true],
    ]);
    expect(formRows(readFrontmatter('---\ntitle: Only\n---\n'), builtinSchema)).toHaveLength(1);
    expect(formRows(readFrontmatter('No frontmatter.\n'), builtinSchema)).toEqual([]);
  });

  it('adds the required fields the article lacks, marked as missing until they have a value', () => {
    const { schema } = parseSchema('fields:\n  description: { required: true }\n');
    const rows = formRows(readFrontmatter('---\ntitle: T\n---\n'), schema);
    expect(rows.map((r) => [r.spec.key, r.field === null, isMissingRequired(r)])).toEqual([
      ['title', false, false],
      ['description', true, true],
    ]);
    const empty = formRows(readFrontmatter('---\ntitle: T\ndescription:\n---\n'), schema);
    expect(isMissingRequired(empty[1]!)).toBe(true);
    const filled = formRows(readFrontmatter('---\ntitle: T\ndescription: D\n---\n'), schema);
    expect(isMissingRequired(filled[1]!)).toBe(false);
  });

  it('keeps showing fields emptied in the form, with the spec they had', () => {
    const model = readFrontmatter('---\ntitle: T\n---\n');
    const keep = new Map([
      ['author', builtinSchema.fields.find((f) => f.key === 'author')!],
      [
        'reading_time',
        { key: 'reading_time', type: 'number', label: 'Reading time', required: false } as const,
      ],
    ]);
    const rows = formRows(model, builtinSchema, { keep });
    expect(rows.map((r) => [r.spec.key, r.spec.type, r.field])).toEqual([
      ['title', 'text', expect.anything()],
      ['author', 'text', null],
      ['reading_time', 'number', null],
    ]);
  });

  it('shows every built-in field in order with "Show every schema field", then other keys by their type', () => {
    const model = readFrontmatter(
      '---\nweight: 3\nfeatured: true\nsee_also: [a]\npublished_on: 2024-01-02 10:00\nnote: hi\nnested: {a: 1}\ntitle: T\n---\n',
    );
    const rows = formRows(model, builtinSchema, { everySchemaField: true });
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
    expect(rows).toHaveLength(1);
    expect(rows.find((r) => r.spec.key === 'tags')!.spec).toMatchObject({ type: 'text', label: 'Tags' });
  });

  it('writes a picked cover relative to the article folder', () => {
    expect(relativeToArticle('post.md', 'images/a.png')).toBe('images/a.png');
    expect(relativeToArticle('drafts/2024/post.md', 'images/a.png')).toBe('../../images/a.png');
    expect(relativeToArticle('drafts/post.md', 'drafts/img/a.png')).toBe('img/a.png');
  });
});
