// Fails when source modules import each other in a cycle (type-only imports count: a cycle of
// types still ties two modules together). Part of `npm run lint`. Written here rather than taken
// from madge or dpdm because TypeScript (already a dependency) lists a file's imports in one call
// and the rest is a dozen lines of Tarjan's algorithm; the whole tree takes about a second.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** The folders whose modules are checked, relative to the project root. */
export const sourceFolders = ['shared', 'electron', 'renderer/src'];

/** The `.ts` and `.tsx` files under `folder` (absolute), declaration files aside. */
function sourceFiles(folder) {
  const out = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(full));
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

/** The file a relative import `specifier` in `from` names, or `null` (a package, an asset). */
function resolveImport(from, specifier) {
  const base = path.resolve(path.dirname(from), specifier);
  for (const candidate of [
    `${base}.ts`,
    `${base}.tsx`,
    path.join(base, 'index.ts'),
    path.join(base, 'index.tsx'),
  ]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/**
 * The import cycles among the modules under `folders` of `root`: each a list of files (relative
 * to `root`) that reach one another through relative imports. Empty when there is none.
 */
export function importCycles(root, folders = sourceFolders) {
  const graph = new Map();
  for (const folder of folders) {
    const dir = path.join(root, folder);
    if (!existsSync(dir)) continue;
    for (const file of sourceFiles(dir)) {
      const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
      const targets = importedFiles
        .map((imported) => imported.fileName)
        .filter((specifier) => specifier.startsWith('.'))
        .map((specifier) => resolveImport(file, specifier))
        .filter((target) => target !== null);
      graph.set(file, targets);
    }
  }
  // Tarjan's strongly connected components: each component of more than one module is a cycle.
  let next = 0;
  const order = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const cycles = [];
  const visit = (file) => {
    order.set(file, next);
    low.set(file, next);
    next++;
    stack.push(file);
    onStack.add(file);
    for (const target of graph.get(file) ?? []) {
      if (!order.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file), low.get(target)));
      } else if (onStack.has(target)) low.set(file, Math.min(low.get(file), order.get(target)));
    }
    if (low.get(file) !== order.get(file)) return;
    const component = [];
    let member;
    do {
      member = stack.pop();
      onStack.delete(member);
      component.push(path.relative(root, member).split(path.sep).join('/'));
    } while (member !== file);
    if (component.length > 1 || (graph.get(file) ?? []).includes(file)) cycles.push(component.sort());
  };
  for (const file of graph.keys()) if (!order.has(file)) visit(file);
  return cycles;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const cycles = importCycles(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'));
  for (const cycle of cycles) console.error(`Import cycle: ${cycle.join(' ⇄ ')}`);
  if (cycles.length > 0) {
    console.error('Move what both modules need into a module of its own (docs/conventions.md).');
    process.exitCode = 1;
  }
}
