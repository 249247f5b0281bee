/**
 * Frontmatter written to break naive round-trips: one case per row of the contract in
 * DATA-SAFETY.md. Each case has an input, one form-style edit and the exact expected bytes.
 */
import type { FieldValue } from '../../../shared/frontmatter';

/** One golden round-trip case. */
export interface GoldenCase {
  readonly name: string;
  readonly input: string;
  /** What the form or CLI does; omitted for read-only cases. */
  readonly edit?:
    | { readonly op: 'set'; readonly key: string; readonly value: FieldValue }
    | { readonly op: 'remove'; readonly key: string };
  /** Exact text after the edit. */
  readonly expected?: string;
  /** Expected model status (default ok). */
  readonly status?: 'ok' | 'error' | 'none' | 'toml' | 'unsupported';
}

const body = '\n# Heading\n\nBody text.\n';

/** Every case of the round-trip contract. */
export const goldenCases: readonly GoldenCase[] = [
  {
    name: 'comments everywhere',
    input: `---\n# leading comment\ntitle: Old # trailing comment\n\n# between keys\nstatus: draft\n# closing comment\n---${body}`,
    edit: { op: 'set', key: 'title', value: 'New title' },
    expected: `---\n# leading comment\ntitle: New title # trailing comment\n\n# between keys\nstatus: draft\n# closing comment\n---${body}`,
  },
  {
    name: 'key order that is not alphabetical',
    input: `---\nzeta: 1\nalpha: 2\nmid: 3\n---${body}`,
    edit: { op: 'set', key: 'alpha', value: 20 },
    expected: `---\nzeta: 1\nalpha: 20\nmid: 3\n---${body}`,
  },
  {
    name: 'quoting styles and implicit types',
    input:
      `---\nzip: 01234\nversion: 1.10\nanswer: yes\nnothing: ~\nnan: .NaN\nid: 1234567890123456789012\n` +
      `single: 'it''s'\ndouble: "tab\\there"\ntitle: plain\n---${body}`,
    edit: { op: 'set', key: 'single', value: "it's changed" },
    expected:
      `---\nzip: 01234\nversion: 1.10\nanswer: yes\nnothing: ~\nnan: .NaN\nid: 1234567890123456789012\n` +
      `single: 'it''s changed'\ndouble: "tab\\there"\ntitle: plain\n---${body}`,
  },
  {
    name: 'a plain value that would change type gets quotes',
    input: `---\ntitle: plain\nzip: 01234\n---${body}`,
    edit: { op: 'set', key: 'title', value: 'yes' },
    // `yes` is a string in YAML 1.2 core, so it may stay plain; `01234` may not.
    expected: `---\ntitle: yes\nzip: 01234\n---${body}`,
  },
  {
    name: 'a string that looks like a number is quoted',
    input: `---\ntitle: plain\nzip: 01234\n---${body}`,
    edit: { op: 'set', key: 'title', value: '007' },
    expected: `---\ntitle: "007"\nzip: 01234\n---${body}`,
  },
  {
    name: 'double-quoted stays double-quoted',
    input: `---\ntitle: "Say \\"hi\\""\nnote: x\n---${body}`,
    edit: { op: 'set', key: 'title', value: 'Say "bye"' },
    expected: `---\ntitle: "Say \\"bye\\""\nnote: x\n---${body}`,
  },
  {
    name: 'dates with offsets and invalid dates keep their text',
    input: `---\ndate: 2024-03-01T10:00:00+02:00\nupdated: 2024-13-45\nday: 2024-02-29\n---${body}`,
    edit: { op: 'set', key: 'date', value: '2024-03-02T10:00:00+02:00' },
    expected: `---\ndate: 2024-03-02T10:00:00+02:00\nupdated: 2024-13-45\nday: 2024-02-29\n---${body}`,
  },
  {
    name: 'literal block scalar',
    input: `---\nabstract: |\n  First line.\n  Second line.\nnext: x\n---${body}`,
    edit: { op: 'set', key: 'abstract', value: 'First line.\nChanged line.\n' },
    expected: `---\nabstract: |\n  First line.\n  Changed line.\nnext: x\n---${body}`,
  },
  {
    name: 'folded, strip and keep block scalars',
    input: `---\nfolded: >\n  one\n  two\nstrip: |-\n  kept\nkeep: |+\n  more\n\nlast: x\n---${body}`,
    edit: { op: 'set', key: 'strip', value: 'kept too' },
    expected: `---\nfolded: >\n  one\n  two\nstrip: |-\n  kept too\nkeep: |+\n  more\n\nlast: x\n---${body}`,
  },
  {
    name: 'block scalar with an indentation indicator is read-only',
    input: `---\ncode: |2\n    indented\ntitle: t\n---${body}`,
    edit: { op: 'set', key: 'title', value: 'T' },
    expected: `---\ncode: |2\n    indented\ntitle: T\n---${body}`,
  },
  {
    name: 'multi-line plain and quoted scalars',
    input: `---\nplain: this is\n  folded plain\nquoted: "and this\n  one"\ntitle: x\n---${body}`,
    edit: { op: 'set', key: 'title', value: 'y' },
    expected: `---\nplain: this is\n  folded plain\nquoted: "and this\n  one"\ntitle: y\n---${body}`,
  },
  {
    name: 'flow collections and long lines',
    input: `---\ntags: [alpha, 'beta', "gamma"]\nlong: ${'word '.repeat(60).trim()}\nmap: {a: 1, b: 2}\n---${body}`,
    edit: { op: 'set', key: 'tags', value: ['alpha', 'beta', 'delta'] },
    expected: `---\ntags: [alpha, 'beta', delta]\nlong: ${'word '.repeat(60).trim()}\nmap: {a: 1, b: 2}\n---${body}`,
  },
  {
    name: 'block list keeps its comments and indentation',
    input: `---\ntags:\n    - one\n    # why two\n    - two\ntitle: t\n---${body}`,
    edit: { op: 'set', key: 'tags', value: ['one', 'two', 'three'] },
    expected: `---\ntags:\n    - one\n    # why two\n    - two\n    - three\ntitle: t\n---${body}`,
  },
  {
    name: 'unicode: NFD, RTL, emoji and escapes',
    input: `---\nnfd: "Cafe\u0301"\nrtl: שלום עולם\nemoji: 👩‍💻 notes\nescaped: "\\u00e9\\x41"\ntitle: x\n---${body}`,
    edit: { op: 'set', key: 'emoji', value: '👩‍💻 more notes 🎉' },
    expected: `---\nnfd: "Cafe\u0301"\nrtl: שלום עולם\nemoji: 👩‍💻 more notes 🎉\nescaped: "\\u00e9\\x41"\ntitle: x\n---${body}`,
  },
  {
    name: 'byte order mark',
    input: `\uFEFF---\ntitle: Old\n---${body}`,
    edit: { op: 'set', key: 'title', value: 'New' },
    expected: `\uFEFF---\ntitle: New\n---${body}`,
  },
  {
    name: 'CRLF line endings',
    input: `---\r\ntitle: Old\r\ntags:\r\n  - a\r\n---\r\n\r\nBody.\r\n`,
    edit: { op: 'set', key: 'tags', value: ['a', 'b'] },
    expected: `---\r\ntitle: Old\r\ntags:\r\n  - a\r\n  - b\r\n---\r\n\r\nBody.\r\n`,
  },
  {
    name: 'CRLF block gets CRLF for an added key',
    input: `---\r\ntitle: Old\r\n---\r\nBody.\r\n`,
    edit: { op: 'set', key: 'slug', value: 'old' },
    expected: `---\r\ntitle: Old\r\nslug: old\r\n---\r\nBody.\r\n`,
  },
  {
    name: 'mixed line endings',
    input: `---\ntitle: Old\r\nstatus: draft\n---\r\nBody.\n`,
    edit: { op: 'set', key: 'status', value: 'review' },
    expected: `---\ntitle: Old\r\nstatus: review\n---\r\nBody.\n`,
  },
  {
    name: 'no final newline',
    input: `---\ntitle: Old\n---\nNo newline at the end`,
    edit: { op: 'remove', key: 'title' },
    expected: `---\n---\nNo newline at the end`,
  },
  {
    name: 'empty block',
    input: `---\n---${body}`,
    edit: { op: 'set', key: 'title', value: 'First' },
    expected: `---\ntitle: First\n---${body}`,
  },
  {
    name: 'comment-only block',
    input: `---\n# nothing here yet\n---${body}`,
    edit: { op: 'set', key: 'title', value: 'First' },
    expected: `---\n# nothing here yet\ntitle: First\n---${body}`,
  },
  {
    name: '--- inside values and in the body',
    input: `---\ntitle: "---"\nnote: a --- b\n---\nBody\n\n---\n\nMore ---\n`,
    edit: { op: 'set', key: 'note', value: 'a --- c' },
    expected: `---\ntitle: "---"\nnote: a --- c\n---\nBody\n\n---\n\nMore ---\n`,
  },
  {
    name: 'no closing fence is not frontmatter',
    input: `---\ntitle: Not frontmatter\n\nBody.\n`,
    status: 'none',
  },
  {
    name: 'TOML is preserved and read-only',
    input: `+++\ntitle = "TOML"\n+++\nBody.\n`,
    status: 'toml',
  },
  {
    name: '---js is never executed (and is not frontmatter)',
    input: `---js\n{ title: (() => { throw new Error('ran') })() }\n---\nBody.\n`,
    status: 'unsupported',
  },
  {
    name: 'anchors, aliases and merge keys stay as written',
    input: `---\nbase: &base\n  lang: en\nother:\n  <<: *base\nalias: *base\ntitle: t\n---${body}`,
    edit: { op: 'set', key: 'title', value: 'T' },
    expected: `---\nbase: &base\n  lang: en\nother:\n  <<: *base\nalias: *base\ntitle: T\n---${body}`,
  },
  {
    name: 'explicit tags stay as written',
    input: `---\ncount: !!str 42\ntitle: t\n---${body}`,
    edit: { op: 'set', key: 'title', value: 'T' },
    expected: `---\ncount: !!str 42\ntitle: T\n---${body}`,
  },
  {
    name: 'duplicate keys',
    input: `---\ntitle: One\ntitle: Two\n---${body}`,
    status: 'error',
  },
  {
    name: 'an alias bomb',
    input:
      '---\na: &a ["x","x","x","x","x","x","x","x","x"]\n' +
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n' +
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n' +
      'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n---' +
      body,
    status: 'error',
  },
  {
    name: 'unknown tags',
    input: `---\ntitle: !shout hello\n---${body}`,
    status: 'error',
  },
  {
    name: 'invalid YAML',
    input: `---\ntitle: [unclosed\nstatus: draft\n---${body}`,
    status: 'error',
  },
  {
    name: 'indented top-level keys keep their indentation',
    input: `---\n  title: Old\n  status: draft\n---${body}`,
    edit: { op: 'set', key: 'slug', value: 'old' },
    expected: `---\n  title: Old\n  status: draft\n  slug: old\n---${body}`,
  },
];
