import { describe, expect, it } from 'vitest';
import {
  applyDefaults,
  builtinSchema,
  defaultsFromSchema,
  hasRiskyRepetition,
  parseSchema,
  schemaProblems,
  validateData,
} from '../../../shared/frontmatter';

const librarySchema = `
fields:
  title: { required: true, maxLength: 20 }
  status: { default: draft }
  subtitle: null
  audience:
    type: choice
    choices: [beginners, experts]
    label: Audience
    help: Who the article is for.
    default: beginners
  reading_time: { type: number, default: 5 }
`;

describe('library schemas', () => {
  it('uses the built-in fields with the labels authors know', () => {
    expect(builtinSchema.fields.map((f) => f.label)).toEqual([
      'Title',
      'Subtitle',
      'Description',
      'Author',
      'Date',
      'Updated',
      'Tags',
      'Categories',
      'Status',
      'Slug',
      'Cover image',
      'Canonical URL',
    ]);
  });

  it('overrides built-in fields, drops the ones set to null and appends new ones', () => {
    const { schema, problems } = parseSchema(librarySchema);
    expect(problems).toEqual([]);
    const keys = schema.fields.map((f) => f.key);
    expect(keys).not.toContain('subtitle');
    expect(keys.slice(-2)).toEqual(['audience', 'reading_time']);
    expect(schema.fields.find((f) => f.key === 'title')).toMatchObject({ label: 'Title', required: true });
    expect(schema.fields.find((f) => f.key === 'reading_time')).toMatchObject({
      label: 'Reading time',
      type: 'number',
    });
  });

  it('reports a broken schema file and falls back to the built-in fields', () => {
    expect(parseSchema('fields: [unclosed').problems[0]).toMatch(/not valid YAML \(line 1/);
    const wrong = parseSchema('fields:\n  title: { type: colour }\n');
    expect(wrong.schema).toBe(builtinSchema);
    expect(wrong.problems[0]).toMatch(/fields\.title\.type/);
    expect(parseSchema('fields:\n  slug: { pattern: "([" }\n').problems[0]).toMatch(/regular expression/);
    expect(parseSchema('fields:\n  slug: { pattern: "(a+)+$" }\n').problems[0]).toMatch(/forever/);
    expect(parseSchema('fields:\n  slug: { pattern: "(\\\\w{2,})*" }\n').problems[0]).toMatch(/forever/);
    expect(parseSchema('fields:\n  slug: { pattern: "[a-z]+(?:-[a-z]+)*" }\n').problems).toEqual([]);
  });

  it('reads fields written as a list of named specs, or at the top level, as the usual mapping', () => {
    const required = (text: string) =>
      parseSchema(text)
        .schema.fields.filter((f) => f.required)
        .map((f) => f.key);
    const usual = parseSchema('fields:\n  date: { required: true }\n  x: {}\n').schema;
    expect(parseSchema('fields:\n  - { name: date, required: true }\n  - { name: x }\n').schema).toEqual(
      usual,
    );
    expect(parseSchema('date: { required: true }\nx:\n').schema.fields.map((f) => f.key)).toContain('date');
    expect(required('author: { required: true }\n')).toEqual(['author']);
    expect(parseSchema('fields:\n  - { required: true }\n').problems).toEqual([
      'schema.yaml: fields.0 has no name',
    ]);
    expect(parseSchema('nonsense', 'schema.yml').problems[0]).toMatch(/^schema\.yml: file /);
  });

  it('refuses patterns that can backtrack for ever, and keeps safe repetitions', () => {
    for (const risky of ['(a+)+$', '(\\w{2,})*', '(a|aa)+', '(?:x*)*', '([a-z]+)*!', '(?<n>.+)+']) {
      expect(hasRiskyRepetition(risky), risky).toBe(true);
    }
    for (const safe of [
      '[a-z0-9]+(?:-[a-z0-9]+)*',
      '(ab+)+',
      '\\d{4}-\\d{2}',
      '(?:\\.[a-z]+)?',
      '[(+)]+',
      '(news|essays)',
    ]) {
      expect(hasRiskyRepetition(safe), safe).toBe(false);
    }
  });

  it('validates required, choices, dates, urls, patterns and lengths', () => {
    const { schema } = parseSchema(librarySchema);
    const problems = validateData(
      {
        title: 'A title that is far too long for this',
        audience: 'everyone',
        date: '2024-13-45',
        canonical: 'javascript:alert(1)',
        slug: 'Not A Slug',
        reading_time: 'five',
      },
      schema,
    );
    expect(problems.map((p) => p.key)).toEqual([
      'title',
      'date',
      'slug',
      'canonical',
      'audience',
      'reading_time',
    ]);
    expect(problems[1]!.message).toMatch(/2024-13-45/);
    expect(validateData({}, schema)).toEqual([{ key: 'title', message: 'Title is required.' }]);
  });

  it('checks the items of a list that has choices', () => {
    const { schema } = parseSchema('fields:\n  categories: { choices: [news, essays] }\n');
    expect(validateData({ categories: ['news', 'gossip'] }, schema)).toEqual([
      { key: 'categories', message: 'Categories can only hold news, essays (not gossip).' },
    ]);
  });

  it('finds schema problems in an article text for the library pane', () => {
    const { schema } = parseSchema(librarySchema);
    expect(schemaProblems('---\nstatus: gone\n---\n', schema)).toEqual([
      'Title is required.',
      'Status should be one of draft, review, published.',
    ]);
    expect(schemaProblems('---\ntitle: [broken\n---\n', schema)).toEqual([]);
  });

  it('gives templates the defaults, and adds only the missing ones to a text', () => {
    const { schema } = parseSchema(librarySchema);
    expect(defaultsFromSchema(schema)).toEqual({ status: 'draft', audience: 'beginners', reading_time: 5 });
    expect(applyDefaults('---\ntitle: New\nstatus: review\n---\nBody\n', schema)).toBe(
      '---\ntitle: New\nstatus: review\naudience: beginners\nreading_time: 5\n---\nBody\n',
    );
    expect(applyDefaults('Body\n', schema)).toBe(
      '---\nstatus: draft\naudience: beginners\nreading_time: 5\n---\nBody\n',
    );
  });
});
