/**
 * Which fields the form shows, derived from the schema and the YAML (never stored): the keys
 * the article has and the required ones it lacks, in schema order, then every other key of the
 * file as a generic field by its type.
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

/** Which rows {@link formRows} gives beyond the keys the article has. */
export interface FormRowOptions {
  /** Every schema field, filled or not (the "Show every schema field" setting). Default false. */
  readonly everySchemaField?: boolean;
  /**
   * Fields to keep showing although the article lacks them, with the spec they were shown
   * with: a field emptied in the form stays under the author's cursor instead of vanishing
   * mid-edit. Default none.
   */
  readonly keep?: ReadonlyMap<string, SchemaField>;
}

/**
 * The rows of the form for a model and a schema: the schema fields the article has, lacks but
 * requires, or `keep` holds (all of them with `everySchemaField`), in schema order; then every
 * other key of the file by its type, in file order.
 */
export function formRows(
  model: FrontmatterModel,
  schema: FrontmatterSchema,
  options: FormRowOptions = {},
): FormRow[] {
  const byKey = new Map(model.fields.map((f) => [f.key, f]));
  const rows: FormRow[] = [];
  for (const spec of schema.fields) {
    const field = byKey.get(spec.key) ?? null;
    if (!field && !options.everySchemaField && !spec.required && !options.keep?.has(spec.key)) continue;
    // A value of another type than the schema expects is edited as what it is; the validator
    // reports the mismatch.
    const shown = field && !fitsSpec(spec, field) ? { ...genericSpec(field), label: spec.label } : spec;
    rows.push({ spec: shown, field, generic: false });
  }
  const known = new Set(schema.fields.map((s) => s.key));
  for (const field of model.fields) {
    if (!known.has(field.key)) rows.push({ spec: genericSpec(field), field, generic: true });
  }
  for (const [key, spec] of options.keep ?? []) {
    if (!known.has(key) && !byKey.has(key)) rows.push({ spec, field: null, generic: true });
  }
  return rows;
}

/** True when the row is a required schema field the article lacks or leaves empty. */
export function isMissingRequired(row: FormRow): boolean {
  if (!row.spec.required) return false;
  const value = row.field?.value;
  return (
    value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)
  );
}

/** A short text of a value for read-only rows and the collapsed summary. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(describeValue).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
