/**
 * Library schemas: which frontmatter fields a library expects, how the form shows them and
 * what the validator checks. A library may define them in `.folio/schema.yaml`; without it the
 * built-in set applies. The CLI, the service and the form all use this one module.
 */
import { isRealDate } from './dates';
import { addKey, applyEdits, type FieldValue, type ListItem } from './edit';
import { readFrontmatter } from './form-model';

/** How a field is edited and checked. */
export const fieldTypes = [
  'text',
  'long-text',
  'number',
  'boolean',
  'date',
  'list',
  'choice',
  'image',
  'url',
] as const;

/** One of {@link fieldTypes}. */
export type FieldType = (typeof fieldTypes)[number];

/** One field of a schema. */
export interface SchemaField {
  readonly key: string;
  readonly type: FieldType;
  readonly label: string;
  readonly required: boolean;
  /** Allowed values of a `choice` field. */
  readonly choices?: readonly string[];
  /** A regular expression text values must match (whole value). */
  readonly pattern?: string;
  /** Length limits: characters for text, items for lists. */
  readonly minLength?: number;
  readonly maxLength?: number;
  /** Value for new articles (see {@link defaultsFromSchema}). */
  readonly default?: FieldValue;
  /** One sentence shown under the field. */
  readonly help?: string;
}

/** The fields a library expects, in form order. */
export interface FrontmatterSchema {
  readonly fields: readonly SchemaField[];
}

/** A field of `type` labelled `label`, not required unless `extra` says so. */
export const field = (
  key: string,
  type: FieldType,
  label: string,
  extra: Partial<SchemaField> = {},
): SchemaField => ({
  key,
  type,
  label,
  required: false,
  ...extra,
});

/** The fields every library has unless its schema says otherwise. */
export const builtinSchema: FrontmatterSchema = {
  fields: [
    field('title', 'text', 'Title'),
    field('subtitle', 'text', 'Subtitle'),
    field('description', 'long-text', 'Description', {
      help: 'A sentence or two for search results and previews.',
    }),
    field('author', 'text', 'Author'),
    field('date', 'date', 'Date'),
    field('updated', 'date', 'Updated'),
    field('tags', 'list', 'Tags'),
    field('categories', 'list', 'Categories'),
    field('status', 'choice', 'Status', { choices: ['draft', 'review', 'published'] }),
    field('slug', 'text', 'Slug', {
      pattern: '[a-z0-9]+(?:-[a-z0-9]+)*',
      help: 'Lower-case words joined by hyphens, used in the address.',
    }),
    field('cover', 'image', 'Cover image'),
    field('canonical', 'url', 'Canonical URL'),
  ],
};

/**
 * True when `pattern` repeats a group that can match the same text in more than one way, like
 * `(a+)+` or `(a|aa)*`: the shape of regular expressions that backtrack for ever. A schema file
 * is as untrusted as any library file, so such patterns are refused rather than run on every
 * article. A repeated group that starts with a plain character (`(?:-[a-z]+)*`) is fine: each
 * repetition must begin with it. Hand-written because the check is small and specific.
 */
export function hasRiskyRepetition(pattern: string): boolean {
  const starts: number[] = [];
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') starts.push(i);
    else if (c === ')') {
      const start = starts.pop();
      const next = pattern[i + 1];
      if (start === undefined || !next || !'*+?{'.includes(next)) continue;
      const body = pattern.slice(start + 1, i).replace(/^\?(?::|=|!|<=|<!|<[A-Za-z]\w*>)/, '');
      const flat = body.replace(/\[(?:\\.|[^\]])*\]/g, 'x');
      // Alternatives that may overlap repeat ambiguously however they start.
      if (/(^|[^\\])\|/.test(flat)) return true;
      const repeats = /(^|[^\\])[*+{]/.test(flat);
      const anchored = /^(?:[^\\()[\]{}.*+?|^$]|\\[^dDwWsSbBpP\d])(?![*+?{])/.test(body);
      if (repeats && !anchored) return true;
    }
  }
  return false;
}

/** Values longer than this are not matched against a schema pattern (they fail the check). */
export const maxPatternInput = 2000;
/** A library's schema as the service hands it out. */
export interface LibrarySchema {
  readonly schema: FrontmatterSchema;
  /** Where it came from: the built-in set, or the library's `.folio/schema.yaml`. */
  readonly source: 'builtin' | 'library';
  /** What is wrong with the schema file, in words. */
  readonly problems: readonly string[];
}

/** One problem of one field. */
export interface FieldProblem {
  readonly key: string;
  readonly message: string;
}

function isEmpty(value: unknown): boolean {
  return (
    value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)
  );
}

/** Compiled schema patterns: the listing checks thousands of articles against the same few. */
const patterns = new Map<string, RegExp | null>();

function compiledPattern(source: string): RegExp | null {
  let pattern = patterns.get(source);
  if (pattern === undefined) {
    try {
      pattern = new RegExp(`^(?:${source})$`, 'u');
    } catch {
      pattern = null; // parseSchema already reported it
    }
    if (patterns.size > 500) patterns.clear();
    patterns.set(source, pattern);
  }
  return pattern;
}

/** Checks one value against its schema field; returns the problem in words, or `null`. */
export function checkField(spec: SchemaField, value: unknown): string | null {
  if (isEmpty(value)) return spec.required ? `${spec.label} is required.` : null;
  switch (spec.type) {
    case 'number':
      if (typeof value !== 'number') return `${spec.label} should be a number.`;
      break;
    case 'boolean':
      if (typeof value !== 'boolean') return `${spec.label} should be true or false.`;
      break;
    case 'date':
      if (typeof value !== 'string' || !isRealDate(value)) {
        return `${spec.label} should be a date like 2024-05-31 (found “${String(value)}”).`;
      }
      break;
    case 'list': {
      if (!Array.isArray(value)) return `${spec.label} should be a list.`;
      if (value.some((item) => typeof item === 'object')) return `${spec.label} should be a list of words.`;
      const outside = spec.choices ? value.filter((item) => !spec.choices!.includes(String(item))) : [];
      if (outside.length > 0)
        return `${spec.label} can only hold ${spec.choices!.join(', ')} (not ${outside.join(', ')}).`;
      break;
    }
    case 'choice':
      if (spec.choices && !spec.choices.includes(String(value))) {
        return `${spec.label} should be one of ${spec.choices.join(', ')}.`;
      }
      break;
    case 'url':
      if (typeof value !== 'string' || !/^https?:\/\/[^\s/]+/i.test(value)) {
        return `${spec.label} should be a web address starting with https://.`;
      }
      break;
    default:
      if (typeof value === 'object') return `${spec.label} should be text.`;
  }
  const length = Array.isArray(value) ? value.length : String(value).length;
  const unit = Array.isArray(value) ? 'items' : 'characters';
  if (spec.minLength !== undefined && length < spec.minLength) {
    return `${spec.label} needs at least ${spec.minLength} ${unit}.`;
  }
  if (spec.maxLength !== undefined && length > spec.maxLength) {
    return `${spec.label} has ${length} ${unit}; at most ${spec.maxLength} fit.`;
  }
  if (spec.pattern && !Array.isArray(value)) {
    const pattern = compiledPattern(spec.pattern);
    const text = String(value);
    if (pattern && (text.length > maxPatternInput || !pattern.test(text))) {
      return `${spec.label} does not have the expected form.`;
    }
  }
  return null;
}

/** Validates the frontmatter data of one article against a schema. */
export function validateData(
  data: Readonly<Record<string, unknown>>,
  schema: FrontmatterSchema,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const spec of schema.fields) {
    const message = checkField(spec, data[spec.key]);
    if (message) problems.push({ key: spec.key, message });
  }
  return problems;
}

/**
 * The schema problems of an article's text, in words for the library pane. Unreadable
 * frontmatter is reported elsewhere (by the parser), so it gives no schema problems here.
 */
export function schemaProblems(text: string, schema: FrontmatterSchema): string[] {
  const model = readFrontmatter(text);
  if (model.status !== 'ok' && model.status !== 'none') return [];
  const data = Object.fromEntries(model.fields.map((f) => [f.key, f.value]));
  return validateData(data, schema).map((p) => p.message);
}

/** The values a new article starts with: every field that has a default, in schema order. */
export function defaultsFromSchema(schema: FrontmatterSchema): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {};
  for (const spec of schema.fields) {
    if (spec.default !== undefined) {
      out[spec.key] = Array.isArray(spec.default) ? ([...spec.default] as ListItem[]) : spec.default;
    }
  }
  return out;
}

/**
 * Adds the schema's defaults that `text` lacks to its frontmatter (creating the block if
 * needed), as templates for new articles want. Keys already present are left alone.
 */
export function applyDefaults(text: string, schema: FrontmatterSchema): string {
  let out = text;
  const present = new Set(readFrontmatter(text).fields.map((f) => f.key));
  for (const [key, value] of Object.entries(defaultsFromSchema(schema))) {
    if (!present.has(key)) out = applyEdits(out, addKey(out, key, value));
  }
  return out;
}
