/**
 * A fast read of frontmatter data (the second reader of data.ts) for the library listing, which
 * reads thousands of files: js-yaml (YAML 1.2 core schema, no custom types) is five to ten times
 * faster than the lossless `yaml` parser the form and the CLI use. The two must agree on what is an error and on every
 * value, so js-yaml only answers where they are known to agree; anything else goes to `yaml`:
 *
 * - js-yaml refuses the block (a syntax error, a duplicate key): `yaml` gives the message;
 * - anchors, aliases and explicit tags (`&a`, `*a`, `!tag`): `yaml` counts aliases (a bomb is an
 *   error, not a value) and refuses unknown tags, where js-yaml would expand or reject them
 *   with other words;
 * - a block over the size cap, or not a mapping: `yaml` says why;
 * - the few spots where the two were seen to differ: keys written as null (`~:`, `null:`),
 *   which `yaml` turns into an empty key; lines over 1024 characters (`yaml` refuses an
 *   implicit key that long); numbers beyond the float range (`1e400`: `yaml` reads Infinity).
 *
 * `tests/shared/frontmatter/js-yaml-data.test.ts` checks the agreement on every golden case.
 */
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import type { FrontmatterBlock } from './find-block';
import { maxFrontmatterChars } from './yaml-block';

/** An anchor, alias or tag where a YAML node can start (not `!` inside a word like "Hi!"). */
const nodeProperty = /(?:^|[\s[{,:?-])[&*!][^\s,\]}]/;

/** The spots where js-yaml and `yaml` were seen to differ (see the module comment). */
const knownDifference = /^[ \t?-]*(?:~|null|Null|NULL)[ \t]*:|\d[eE][-+]?\d{3}/m;
const longLine = /[^\r\n]{1025}/;

/**
 * The data of a YAML block read with js-yaml, or `null` when the shared `yaml` reader must
 * decide (see the module comment). Never executes anything: js-yaml's core schema has no
 * function or regexp types.
 */
export function jsYamlData(block: FrontmatterBlock): Record<string, unknown> | null {
  if (block.kind !== 'yaml' || block.content.length > maxFrontmatterChars) return null;
  const content = block.content;
  // Cheap character checks first: most blocks have no `&`, `*` or `!` and no long line.
  if (/[&*!]/.test(content) && nodeProperty.test(content)) return null;
  if (knownDifference.test(content)) return null;
  if (content.length > 1024 && longLine.test(content)) return null;
  let data: unknown;
  try {
    data = loadYaml(block.content, { schema: CORE_SCHEMA });
  } catch {
    return null;
  }
  if (data === null || data === undefined) return {};
  if (typeof data !== 'object' || Array.isArray(data)) return null;
  return data as Record<string, unknown>;
}
