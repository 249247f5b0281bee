/**
 * Reading a library's schema file (`.folio/schema.yaml` or `.folio/schema.yml`) into a schema
 * (see schema.ts), checked with zod: the one reading the form, the listing's marks and
 * `folio check` share. A module of its own so that what only checks articles against a schema
 * never loads zod: the service loads this when a library has a schema file.
 */
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { yamlParseOptions } from './yaml-block';
import {
  builtinSchema,
  field,
  fieldTypes,
  hasRiskyRepetition,
  type FrontmatterSchema,
  type SchemaField,
} from './schema';

const scalar = z.union([z.string(), z.number(), z.boolean()]);

const fieldSpec = z
  .object({
    type: z.enum(fieldTypes).optional(),
    label: z.string().min(1).max(200).optional(),
    required: z.boolean().optional(),
    choices: z.array(z.string()).max(500).optional(),
    pattern: z
      .string()
      .max(500)
      .refine((p) => {
        try {
          new RegExp(p, 'u');
          return true;
        } catch {
          return false;
        }
      }, 'is not a valid regular expression')
      .refine(
        (p) => !hasRiskyRepetition(p),
        'repeats a group that can match in many ways, which can take forever; simplify it',
      )
      .optional(),
    minLength: z.number().int().min(0).optional(),
    maxLength: z.number().int().min(0).optional(),
    default: z.union([scalar, z.null(), z.array(scalar)]).optional(),
    help: z.string().max(1000).optional(),
  })
  .strict();
const schemaFile = z
  .object({
    /** False drops the built-in fields the file does not name. */
    builtins: z.boolean().optional(),
    fields: z.record(z.string().min(1).max(200), fieldSpec.nullable()).optional(),
  })
  .strict();

/** A schema read from a file, with anything wrong in it in words. */
export interface SchemaResult {
  readonly schema: FrontmatterSchema;
  readonly problems: readonly string[];
}

function labelOf(key: string): string {
  const words = key
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : key;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The file's data in the shape {@link schemaFile} checks, from the other shapes schemas are
 * written in: `fields:` as a list of specs that carry their `name`, or the field mapping at the
 * top level (no `fields:` and no `builtins:`, every value a spec). Anything else as it is, for
 * zod to report. A list item without a name is a problem.
 */
function usualShape(data: unknown): { data: unknown; problems: string[] } {
  if (!isRecord(data)) return { data, problems: [] };
  if (Array.isArray(data.fields)) {
    const fields: Record<string, unknown> = {};
    const problems: string[] = [];
    data.fields.forEach((spec, index) => {
      if (isRecord(spec) && typeof spec.name === 'string' && spec.name !== '') {
        const { name, ...rest } = spec;
        fields[name] = rest;
      } else problems.push(`fields.${index} has no name`);
    });
    return { data: { ...data, fields }, problems };
  }
  const keys = Object.keys(data);
  if (
    keys.length > 0 &&
    !keys.includes('fields') &&
    !keys.includes('builtins') &&
    Object.values(data).every((spec) => spec === null || isRecord(spec))
  ) {
    return { data: { fields: data }, problems: [] };
  }
  return { data, problems: [] };
}

/**
 * Reads a schema file's text (`name`, default `schema.yaml`, names it in problems). Fields named
 * in the file override the built-in ones of the same key; new keys are appended. A broken file
 * gives the built-in schema and its problems.
 */
export function parseSchema(text: string, name = 'schema.yaml'): SchemaResult {
  const doc = parseDocument(text, yamlParseOptions);
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem) {
    const where = problem.linePos?.[0];
    const at = where ? ` (line ${where.line}, column ${where.col})` : '';
    return {
      schema: builtinSchema,
      problems: [`${name} is not valid YAML${at}: ${problem.message.split('\n')[0]}`],
    };
  }
  let read: unknown;
  try {
    read = doc.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (error) {
    return { schema: builtinSchema, problems: [`${name} cannot be read: ${String(error)}`] };
  }
  const { data, problems: shapeProblems } = usualShape(read);
  if (shapeProblems.length > 0) {
    return { schema: builtinSchema, problems: shapeProblems.map((problem) => `${name}: ${problem}`) };
  }
  const parsed = schemaFile.safeParse(data);
  if (!parsed.success) {
    return {
      schema: builtinSchema,
      problems: parsed.error.issues.map(
        (issue) => `${name}: ${issue.path.join('.') || 'file'} ${issue.message}`,
      ),
    };
  }
  const specs = parsed.data.fields ?? {};
  const byKey = new Map(builtinSchema.fields.map((f) => [f.key, f]));
  const fields: SchemaField[] = [];
  const keep = parsed.data.builtins !== false;
  for (const builtin of builtinSchema.fields) {
    const spec = specs[builtin.key];
    if (spec === null) continue;
    if (spec) fields.push(merge(builtin, spec));
    else if (keep) fields.push(builtin);
  }
  for (const [key, spec] of Object.entries(specs)) {
    if (byKey.has(key) || spec === null) continue;
    fields.push(merge(field(key, spec.type ?? 'text', labelOf(key)), spec));
  }
  return { schema: { fields }, problems: [] };
}

function merge(base: SchemaField, spec: z.infer<typeof fieldSpec>): SchemaField {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(spec)) if (v !== undefined) out[k] = v;
  return out as unknown as SchemaField;
}
