/**
 * Which fields the form shows, derived from the schema and the YAML (never stored): schema
 * fields in schema order, then every other key of the file as a generic field by its type.
 */
import {
  datePart,
  type FrontmatterField,
  type FrontmatterModel,
  type FrontmatterSchema,
  type SchemaField,
} from '../../../shared/frontmatter';

/** One row of the form. */
export interface FormRow {
  readonly spec: SchemaField;
  /** The key in the file, or `null` when the file does not have it yet. */
  readonly field: FrontmatterField | null;
  /** True for keys that are in the file but not in the schema. */
  readonly generic: boolean;
}

function labelOf(key: string): string {
  const words = key
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : key;
}

/** The schema field a key without a schema entry gets, from the type of its value. */
export function genericSpec(field: FrontmatterField): SchemaField {
  const base = { key: field.key, label: labelOf(field.key), required: false } as const;
  switch (field.kind) {
    case 'number':
      return { ...base, type: 'number' };
    case 'boolean':
      return { ...base, type: 'boolean' };
    case 'list':
      return { ...base, type: 'list' };
    case 'string': {
      const text = field.value as string;
      if (datePart(text) !== null) return { ...base, type: 'date' };
      return { ...base, type: /\n/.test(text) || text.length > 120 ? 'long-text' : 'text' };
    }
    default:
      return { ...base, type: 'text' };
  }
}

/**
 * True when the value in the file can be edited with the schema's input without changing its
 * type behind the author's back (a string `tags: a, b` is not silently turned into a list).
 */
export function fitsSpec(spec: SchemaField, field: FrontmatterField): boolean {
  if (field.kind === 'null') return true;
  switch (spec.type) {
    case 'list':
      return field.kind === 'list';
    case 'number':
      return field.kind === 'number';
    case 'boolean':
      return field.kind === 'boolean';
    default:
      return field.kind === 'string' || field.kind === 'number';
  }
}

/** The rows of the form for a model and a schema. */
export function formRows(model: FrontmatterModel, schema: FrontmatterSchema): FormRow[] {
  const byKey = new Map(model.fields.map((f) => [f.key, f]));
  const rows: FormRow[] = schema.fields.map((spec) => {
    const field = byKey.get(spec.key) ?? null;
    // A value of another type than the schema expects is edited as what it is; the validator
    // reports the mismatch.
    const shown = field && !fitsSpec(spec, field) ? { ...genericSpec(field), label: spec.label } : spec;
    return { spec: shown, field, generic: false };
  });
  const known = new Set(schema.fields.map((s) => s.key));
  for (const field of model.fields) {
    if (!known.has(field.key)) rows.push({ spec: genericSpec(field), field, generic: true });
  }
  return rows;
}

/** A short text of a value for read-only rows and the collapsed summary. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(describeValue).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
