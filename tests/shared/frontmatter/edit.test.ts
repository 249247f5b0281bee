import { describe, expect, it } from 'vitest';
import {
  addKey,
  applyEdits,
  FrontmatterEditError,
  readFrontmatter,
  removeKey,
  setField,
  setList,
  setScalar,
} from '../../../shared/frontmatter';
import { goldenCases } from './golden-cases';

function runEdit(text: string, edit: NonNullable<(typeof goldenCases)[number]['edit']>): string {
  const edits = edit.op === 'set' ? setField(text, edit.key, edit.value) : removeKey(text, edit.key);
  return applyEdits(text, edits);
}

describe('golden frontmatter edits', () => {
  for (const golden of goldenCases) {
    if (golden.edit) {
      it(`changes only the edited value: ${golden.name}`, () => {
        expect(runEdit(golden.input, golden.edit!)).toBe(golden.expected);
      });
    }
    it(`reads with the expected status: ${golden.name}`, () => {
      expect(readFrontmatter(golden.input).status).toBe(golden.status ?? 'ok');
    });
  }

  it('refuses every edit of a block with an error, naming line and column', () => {
    for (const golden of goldenCases.filter((c) => c.status === 'error')) {
      expect(() => setScalar(golden.input, 'title', 'x')).toThrow(FrontmatterEditError);
      const model = readFrontmatter(golden.input);
      expect(model.error?.line).toBeGreaterThan(1);
      expect(model.error?.column).toBeGreaterThan(0);
      expect(golden.input.slice(model.error!.offset)).not.toBe('');
    }
  });

  it('places a duplicate key error on the second key', () => {
    const model = readFrontmatter('---\ntitle: One\ntitle: Two\n---\n');
    expect(model.error).toMatchObject({ line: 3, column: 1 });
    expect(model.error!.message).toMatch(/Duplicate key/);
  });

  it('reports an alias bomb without expanding it', () => {
    const bomb = goldenCases.find((c) => c.name === 'an alias bomb')!.input;
    expect(readFrontmatter(bomb).error!.message).toMatch(/aliases/);
  });

  it('refuses to edit TOML frontmatter', () => {
    expect(() => setScalar('+++\ntitle = "x"\n+++\n', 'title', 'y')).toThrow(/TOML/);
  });

  it('never reads or adds to a ---js block, and says so', () => {
    const text = "---js\n{ title: (() => { throw new Error('ran') })() }\n---\nBody.\n";
    expect(readFrontmatter(text).error!.message).toMatch(/never runs/);
    expect(() => setScalar(text, 'title', 'y')).toThrow(/---js/);
  });

  it('never touches read-only nodes: anchors, aliases, merge keys, tags, nested objects', () => {
    const text = goldenCases.find((c) => c.name.startsWith('anchors'))!.input;
    const fields = readFrontmatter(text).fields;
    expect(fields.filter((f) => !f.editable).map((f) => f.key)).toEqual(['base', 'other', 'alias']);
    expect(() => setScalar(text, 'alias', 'x')).toThrow(/alias/);
    expect(() => setScalar(text, 'base', 'x')).toThrow(/anchor/);
    const tagged = readFrontmatter('---\ncount: !!str 42\n---\n').fields[0]!;
    expect(tagged).toMatchObject({ editable: false, value: '42' });
  });

  it('keeps YAML 1.2 core types: yes is a string, 01234 a number, dates text', () => {
    const fields = readFrontmatter('---\na: yes\nb: 01234\nc: 2024-13-45\nd: ~\ne: 1.10\n---\n').fields;
    expect(fields.map((f) => [f.key, f.value, f.kind])).toEqual([
      ['a', 'yes', 'string'],
      ['b', 1234, 'number'],
      ['c', '2024-13-45', 'string'],
      ['d', null, 'null'],
      ['e', 1.1, 'number'],
    ]);
  });

  it('keeps the written text of every value for display: 22-digit ids and 1.10 keep their digits', () => {
    const fields = readFrontmatter('---\nid: 1234567890123456789012\nv: 1.10\nq: "x" # c\n---\n').fields;
    expect(fields.map((f) => f.source)).toEqual(['1234567890123456789012', '1.10', '"x"']);
  });

  it('turns a multi-line value of a plain key into an escaped double-quoted string', () => {
    const text = '---\ntitle: one\n---\n';
    expect(applyEdits(text, setScalar(text, 'title', 'two\nlines'))).toBe('---\ntitle: "two\\nlines"\n---\n');
  });

  it('writes a value given as YAML source exactly, after checking it', () => {
    const text = '---\nversion: 1\n---\n';
    expect(applyEdits(text, setScalar(text, 'version', { yaml: '1.10' }))).toBe('---\nversion: 1.10\n---\n');
    expect(() => setScalar(text, 'version', { yaml: 'a: b' })).toThrow();
  });

  it('adds a list to a file without frontmatter and removes items line by line', () => {
    const text = 'Just a body.\n';
    const withTags = applyEdits(text, addKey(text, 'tags', ['a', 'b', 'c']));
    expect(withTags).toBe('---\ntags:\n  - a\n  - b\n  - c\n---\nJust a body.\n');
    expect(applyEdits(withTags, setList(withTags, 'tags', ['a', 'c']))).toBe(
      '---\ntags:\n  - a\n  - c\n---\nJust a body.\n',
    );
    expect(applyEdits(withTags, setList(withTags, 'tags', []))).toBe('---\ntags: []\n---\nJust a body.\n');
  });

  it('adds an empty key with the indentation and line endings of the block, then fills it plain', () => {
    const text = '---\r\n  title: T\r\n  tags:\r\n    - a\r\n---\r\nBody\r\n';
    const added = applyEdits(text, addKey(text, 'author', { yaml: '' }));
    expect(added).toBe('---\r\n  title: T\r\n  tags:\r\n    - a\r\n  author:\r\n---\r\nBody\r\n');
    expect(applyEdits(added, setScalar(added, 'author', 'Ada'))).toBe(
      '---\r\n  title: T\r\n  tags:\r\n    - a\r\n  author: Ada\r\n---\r\nBody\r\n',
    );
    expect(() => addKey(added, 'author', 'again')).toThrow(/already there/);
  });

  it('returns no edit when the value is already there', () => {
    expect(setScalar('---\ntitle: "Same"\n---\n', 'title', 'Same')).toEqual([]);
  });

  it('types one character as a one-character splice, so undo groups like typing', () => {
    expect(setScalar('---\ntitle: Hello\n---\n', 'title', 'Hello!')).toEqual([
      { from: 16, to: 16, insert: '!' },
    ]);
  });
});

describe('typing in a form field', () => {
  it('returns a plain title to plain once a trailing space is followed by a word', () => {
    let text = '---\ntitle: Hello\n---\n';
    text = applyEdits(text, setScalar(text, 'title', 'Hello ', { style: 'plain' }));
    expect(text).toBe('---\ntitle: "Hello "\n---\n');
    text = applyEdits(text, setScalar(text, 'title', 'Hello w', { style: 'plain' }));
    expect(text).toBe('---\ntitle: Hello w\n---\n');
  });
});
