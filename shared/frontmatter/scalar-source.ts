import { isMap, isSeq, parseDocument } from 'yaml';
import type { ValueStyle } from './form-model';
import { yamlParseOptions } from './yaml-block';

/** A value written into YAML exactly as given (e.g. `1.10` from the CLI), after checking it parses. */
export interface YamlSource {
  readonly yaml: string;
}

/** A scalar value the engine can write. */
export type ScalarValue = string | number | boolean | null | YamlSource;

/** True when `value` is a {@link YamlSource}. */
export function isYamlSource(value: unknown): value is YamlSource {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'yaml' in value;
}

/** The plain data a scalar value stands for (a {@link YamlSource} is parsed). */
export function scalarData(value: ScalarValue): unknown {
  if (!isYamlSource(value)) return value;
  return parseDocument(`k: ${value.yaml}`, yamlParseOptions).toJS()?.k;
}

function parsesAs(source: string, expected: unknown, flow: boolean): boolean {
  const doc = parseDocument(flow ? `[${source}]` : `k: ${source}`, yamlParseOptions);
  if (doc.errors.length > 0 || doc.warnings.length > 0) return false;
  const contents = doc.contents;
  if (flow) {
    if (!isSeq(contents) || contents.items.length !== 1) return false;
  } else if (!isMap(contents) || contents.items.length !== 1) return false;
  let data: unknown;
  try {
    data = doc.toJS();
  } catch {
    return false; // e.g. an alias to nowhere
  }
  const got = flow ? (data as unknown[])[0] : (data as Record<string, unknown>).k;
  return sameData(got, expected);
}

/** Deep equality of plain YAML data (NaN equals NaN). */
export function sameData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a === 'number' && typeof b === 'number') return a === b;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => sameData(item, b[i]));
  }
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return (
      ka.length === kb.length &&
      ka.every((k) => sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
    );
  }
  return false;
}

/** A double-quoted YAML string; JSON escapes are valid YAML, and non-printables are escaped too. */
export function doubleQuoted(value: string): string {
  return JSON.stringify(value).replace(
    /[\u007f-\u009f\u2028\u2029\ufeff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function singleQuoted(value: string): string | null {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what single quotes cannot hold
  if (/[\u0000-\u001f\u007f-\u009f\ufeff]/.test(value)) return null;
  return `'${value.replace(/'/g, "''")}'`;
}

function numberSource(value: number): string {
  if (Number.isNaN(value)) return '.nan';
  if (value === Infinity) return '.inf';
  if (value === -Infinity) return '-.inf';
  return String(value);
}

/**
 * The inline source of a scalar in the preferred style, or the closest style that is valid:
 * plain stays plain when the text reads back as the same string, single stays single when it
 * can, anything else falls back to double quotes (which can hold every string).
 */
export function inlineScalar(value: ScalarValue, preferred: ValueStyle, flow = false): string {
  if (isYamlSource(value)) {
    if (!parsesAs(value.yaml, scalarData(value), flow) || /[\r\n]/.test(value.yaml)) {
      throw new Error(`“${value.yaml}” is not a single YAML scalar.`);
    }
    return value.yaml;
  }
  if (value === null) return 'null';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return numberSource(value);
  const candidates: (string | null)[] = [];
  if (preferred === 'single') candidates.push(singleQuoted(value));
  if (preferred === 'double') candidates.push(doubleQuoted(value));
  if (!/[\r\n]/.test(value) && value.trim() === value && value !== '') candidates.push(value);
  if (value.includes('"') && !value.includes("'")) candidates.push(singleQuoted(value));
  for (const candidate of candidates) {
    if (candidate !== null && parsesAs(candidate, value, flow)) return candidate;
  }
  return doubleQuoted(value);
}

/**
 * A block scalar (`|` or `>`) holding `value`, with its content lines indented by `indent`, or
 * `null` when the value cannot be written that way without an indentation indicator.
 */
export function blockScalar(
  value: string,
  style: 'literal' | 'folded',
  indent: string,
  eol: string,
): string | null {
  // eslint-disable-next-line no-control-regex -- control characters cannot appear in a block scalar
  const control = /[\u0000-\u0008\u000b-\u001f]/;
  if (value === '' || /^[ \t]/.test(value) || /\r/.test(value) || control.test(value)) return null;
  const trailing = /\n*$/.exec(value)![0].length;
  const chomp = trailing === 0 ? '-' : trailing === 1 ? '' : '+';
  const content = trailing === 0 ? value : value.slice(0, -1);
  if (style === 'folded' && /\n[ \t]/.test(content)) return null;
  const lines = style === 'folded' ? content.replace(/\n/g, '\n\n').split('\n') : content.split('\n');
  const body = lines.map((line) => (line === '' ? '' : indent + line)).join(eol);
  return `${style === 'literal' ? '|' : '>'}${chomp}${eol}${body}${eol}`;
}

/** The source of a mapping key: plain when it reads back as itself, else double-quoted. */
export function keySource(key: string): string {
  if (key !== '' && key.trim() === key && !/[\r\n]/.test(key)) {
    const doc = parseDocument(`${key}: x`, yamlParseOptions);
    if (doc.errors.length === 0 && isMap(doc.contents) && doc.contents.items.length === 1) {
      const data = doc.toJS() as Record<string, unknown>;
      if (
        Object.keys(data)[0] === key &&
        typeof (doc.contents.items[0]!.key as { value?: unknown }).value === 'string'
      ) {
        return key;
      }
    }
  }
  return doubleQuoted(key);
}
