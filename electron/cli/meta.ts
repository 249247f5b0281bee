/**
 * `folio meta get|set`: read and edit an article's frontmatter from the command line with the
 * same engine as the form (minimal text splices, verified) and the service's safe save (atomic,
 * checked against the hash it read). Any problem exits non-zero and leaves the file untouched.
 */
import path from 'node:path';
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
// The modules themselves, not the frontmatter index, which brings zod (for schema files).
import { applyEdits, setField, type FieldValue, type ListItem } from '../../shared/frontmatter/edit';
import { readFrontmatter } from '../../shared/frontmatter/form-model';
import { yamlParseOptions } from '../../shared/frontmatter/yaml-block';
import { schemaProblems } from '../../shared/frontmatter/schema';
import { errorMessage, FolioError } from '../../shared/errors';
import type { LibraryService } from '../library';
import { defaultAppDataDir } from '../library/default-locations';

/** Where output goes; tests pass their own. */
export interface MetaOutput {
  write(text: string): void;
  warn(text: string): void;
}

const processOutput: MetaOutput = {
  write: (text) => process.stdout.write(text),
  warn: (text) => process.stderr.write(text),
};

async function openFile(
  file: string,
  library: string | undefined,
): Promise<{ service: LibraryService; relative: string }> {
  const absolute = path.resolve(file);
  const root = path.resolve(library ?? path.dirname(absolute));
  const relative = path.relative(root, absolute).split(path.sep).join('/');
  if (relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new FolioError('OUTSIDE_LIBRARY', `“${file}” is not inside the library “${root}”.`);
  }
  const { createLibraryService } = await import('../library/library-service');
  const service = await createLibraryService({ root, host: { appDataDir: defaultAppDataDir() } });
  return { service, relative };
}

/**
 * Parses the value of one `key=value` argument as YAML: a scalar or a flow list of scalars.
 * Numbers, booleans and null keep the text they were typed as (`1.10` stays `1.10`).
 */
export function parseCliValue(source: string): FieldValue {
  if (source.trim() === '') return '';
  const doc = parseDocument(source, yamlParseOptions);
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem)
    throw new FolioError(
      'INVALID_ARGUMENT',
      `“${source}” is not a YAML value: ${problem.message.split('\n')[0]}`,
    );
  const node = doc.contents;
  if (isSeq(node)) {
    if (
      !node.flow ||
      !node.items.every((item) => isScalar(item) && item.value !== null && !item.tag && !item.anchor)
    ) {
      throw new FolioError(
        'INVALID_ARGUMENT',
        `“${source}” is not a flow list of plain values, like [a, b].`,
      );
    }
    return (node.toJSON() as unknown[]).map((item) => item as ListItem);
  }
  if (isMap(node) || !isScalar(node) || node.tag || node.anchor || /^[|>]/.test(source.trim())) {
    throw new FolioError(
      'INVALID_ARGUMENT',
      `“${source}” is not a single value; use the editor for nested YAML.`,
    );
  }
  if (typeof node.value === 'string') return node.value;
  return { yaml: source.trim() };
}

function parseAssignment(argument: string): [string, FieldValue] {
  const at = argument.indexOf('=');
  if (at <= 0) throw new FolioError('INVALID_ARGUMENT', `“${argument}” is not key=value.`);
  return [argument.slice(0, at), parseCliValue(argument.slice(at + 1))];
}

function show(value: unknown): string {
  if (Array.isArray(value)) return value.map((item) => String(item)).join('\n');
  if (value === null || value === undefined) return '';
  return String(value);
}

async function readModel(service: LibraryService, relative: string) {
  const doc = await service.readArticle({ path: relative });
  if (doc.readOnly) throw new FolioError('READ_ONLY', doc.readOnlyReason ?? `“${relative}” is read-only.`);
  const model = readFrontmatter(doc.text);
  if (model.status === 'error' || model.status === 'unsupported') {
    const { line, column, message } = model.error!;
    throw new FolioError('INVALID_ARGUMENT', `${relative}:${line}:${column}: ${message}`);
  }
  if (model.status === 'toml')
    throw new FolioError('INVALID_ARGUMENT', `${relative}: TOML frontmatter is not supported.`);
  return { doc, model };
}

/** `folio meta get`: prints one value, or every key, as text or JSON. */
export async function metaGet(
  file: string,
  key: string | undefined,
  options: { json?: boolean; library?: string },
  out: MetaOutput = processOutput,
): Promise<void> {
  const { service, relative } = await openFile(file, options.library);
  try {
    const { model } = await readModel(service, relative);
    const data = Object.fromEntries(model.fields.map((f) => [f.key, f.value]));
    if (key === undefined) {
      if (options.json) out.write(`${JSON.stringify(data, null, 2)}\n`);
      else
        for (const f of model.fields)
          out.write(`${f.key}: ${f.kind === 'number' ? f.source : JSON.stringify(f.value)}\n`);
      return;
    }
    if (!Object.prototype.hasOwnProperty.call(data, key)) {
      throw new FolioError('NOT_FOUND', `${relative} has no “${key}” in its frontmatter.`);
    }
    const field = model.fields.find((f) => f.key === key)!;
    const text = field.kind === 'number' ? field.source : show(data[key]);
    out.write(options.json ? `${JSON.stringify(data[key])}\n` : `${text}\n`);
  } finally {
    await service.close();
  }
}

/** `folio meta set`: sets each `key=value`, then saves once, safely. */
export async function metaSet(
  file: string,
  assignments: readonly string[],
  options: { library?: string },
  out: MetaOutput = processOutput,
): Promise<void> {
  const parsed = assignments.map(parseAssignment);
  const { service, relative } = await openFile(file, options.library);
  try {
    const { doc } = await readModel(service, relative);
    let text = doc.text;
    for (const [key, value] of parsed) {
      try {
        text = applyEdits(text, setField(text, key, value));
      } catch (error) {
        throw new FolioError('INVALID_ARGUMENT', `${relative}: ${errorMessage(error, String(error))}`);
      }
    }
    const result = await service.saveArticle({ path: relative, text, baseHash: doc.hash });
    out.write(result.written ? `Updated ${relative}\n` : `${relative} already had these values\n`);
    const { schema } = await service.getSchema({});
    for (const problem of schemaProblems(text, schema)) out.warn(`warning: ${relative}: ${problem}\n`);
  } finally {
    await service.close();
  }
}
