import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';
import type { Configuration } from 'electron-builder';
import { describe, expect, it } from 'vitest';
import { folioFuses, packedFiles, rendererOnlyPackages } from '../electron-builder.config';

const root = path.resolve('.');

/** The configuration as electron-builder itself loads it from electron-builder.config.ts. */
function loadConfig(): Promise<Configuration> {
  return getConfig(root, path.join(root, 'electron-builder.config.ts'), null);
}

function validate(config: Configuration): Promise<void> {
  return validateConfiguration(config, new DebugLogger(false));
}

describe('the installer configuration', () => {
  it("passes electron-builder's own validation", async () => {
    const config = await loadConfig();
    await expect(validate(config)).resolves.toBeUndefined();
    expect(config.appId).toBe('app.folio.desktop');
    expect(config.productName).toBe('Folio');
  });

  it('is refused by that validation when an option is misspelt or misplaced', async () => {
    const config = await loadConfig();
    await expect(
      validate({ ...config, electronFuses: { ...folioFuses, runAsNod: false } as never }),
    ).rejects.toThrow(/electronFuses/);
    await expect(validate({ ...config, mac: { ...config.mac, title: 'Folio' } as never })).rejects.toThrow(
      /mac/,
    );
  });

  it('builds an AppImage and a .deb, a .dmg and a .zip, and an NSIS installer', async () => {
    const config = await loadConfig();
    const names = (targets: unknown) =>
      (targets as (string | { target: string })[]).map((t) => (typeof t === 'string' ? t : t.target));
    expect(names(config.linux?.target)).toEqual(['AppImage', 'deb']);
    expect(names(config.mac?.target)).toEqual(['dmg', 'zip']);
    expect(names(config.win?.target)).toEqual(['nsis']);
    expect(config.mac?.category).toBe('public.app-category.productivity');
    expect(config.linux?.category).toBe('Office');
  });

  it('opens .md and .markdown files', async () => {
    const config = await loadConfig();
    const associations = [config.fileAssociations].flat();
    expect(associations.flatMap((a) => [a?.ext].flat())).toEqual(['md', 'markdown']);
    expect(config.linux?.mimeTypes).toContain('text/markdown');
  });

  it('flips the fuses: no Node, no NODE_OPTIONS, no inspector, encrypted cookies, only a checked ASAR', async () => {
    const config = await loadConfig();
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true);
  });

  it('names a publish provider for updates', async () => {
    const config = await loadConfig();
    const [provider] = [config.publish].flat();
    expect(provider).toMatchObject({
      provider: 'github',
      owner: expect.any(String),
      repo: expect.any(String),
    });
  });

  it('packs the built app only, and no package that only the renderer uses', async () => {
    const config = await loadConfig();
    expect(config.files).toEqual([{ filter: [...packedFiles] }]);
    const included = packedFiles.filter((rule) => !rule.startsWith('!'));
    expect(included.every((rule) => rule.startsWith('out/') || rule === 'shared/**/*.css')).toBe(true);
    expect(included).not.toContain('out/cli/**');
    // The main process's code (and the shared code it runs) never imports a package left out.
    const mainImports = await readMainImports();
    expect(mainImports.length).toBeGreaterThan(20);
    const leftOut = mainImports.filter((specifier) =>
      rendererOnlyPackages.some((name) => specifier === name || specifier.startsWith(`${name}/`)),
    );
    expect(leftOut).toEqual([]);
  });

  it('takes its icons from one 1024-pixel square made from build/icon.svg', async () => {
    const config = await loadConfig();
    expect(config.directories?.buildResources).toBe('build');
    const png = await readFile(path.join(root, 'build', 'icon.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1024, 1024]);
    expect(await readFile(path.join(root, 'build', 'icon.svg'), 'utf8')).toMatch(/viewBox="0 0 1024 1024"/);
  });
});

/**
 * The bare module specifiers that the desktop app's privileged code can load: every module
 * reachable by imports from the entries electron-vite builds for the main process and the
 * preload (electron.vite.config.ts), through electron/ and shared/ (not the CLI or browser mode).
 */
async function readMainImports(): Promise<string[]> {
  const { existsSync } = await import('node:fs');
  const entries = [
    'electron/main/index.ts',
    'electron/library/export/export-worker.ts',
    'electron/library/scan-worker.ts',
    'electron/preload/index.ts',
  ];
  const specifiers = new Set<string>();
  const seen = new Set<string>();
  const queue = entries.map((entry) => path.join(root, entry));
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = await readFile(file, 'utf8');
    for (const match of text.matchAll(/\bfrom\s+'([^']+)'|\bimport\(\s*'([^']+)'\s*\)/g)) {
      const specifier = match[1] ?? match[2]!;
      if (!specifier.startsWith('.')) {
        specifiers.add(specifier);
        continue;
      }
      const base = path.resolve(path.dirname(file), specifier);
      const found = [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), base].find(
        (candidate) => candidate.endsWith('.ts') && existsSync(candidate),
      );
      if (found) queue.push(found);
    }
  }
  expect(seen.size).toBeGreaterThan(50);
  return [...specifiers];
}
