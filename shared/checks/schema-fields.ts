/**
 * Reads the names of required fields from a library schema (`.folio/schema.yaml`, already
 * parsed). Tolerant of the shapes a schema may take: `fields:` as a mapping of name → spec or
 * as a list of specs with `name`, or the mapping at the top level; a field is required when its
 * spec says `required: true`.
 */
export function requiredFields(schema: unknown): string[] {
  if (typeof schema !== 'object' || schema === null) return [];
  const root = schema as Record<string, unknown>;
  const fields = 'fields' in root ? root.fields : root;
  const names: string[] = [];
  if (Array.isArray(fields)) {
    for (const spec of fields) {
      if (isRecord(spec) && typeof spec.name === 'string' && spec.required === true) names.push(spec.name);
    }
  } else if (isRecord(fields)) {
    for (const [name, spec] of Object.entries(fields)) {
      if (isRecord(spec) && spec.required === true) names.push(name);
    }
  }
  return names;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
