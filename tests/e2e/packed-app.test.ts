// The package electron-builder makes from electron-builder.config.ts, checked file by file. It
// sits with the end-to-end tests because it packs the app their global setup builds; Electron's
// binary is replaced by a stand-in (scripts/pack-with-stand-in.js), the only part not real.
import { readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { extractFile, listPackage, statFile } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packWithStandIn, type StandInPackage } from '../../scripts/pack-with-stand-in.js';

let packed: StandInPackage;
let files: string[];
let outDir: string;

beforeAll(async () => {
  packed = await packWithStandIn();
  outDir = path.dirname(path.dirname(packed.appDir));
  files = listPackage(packed.asar, { isPack: false }).map((file) => file.replaceAll('\\', '/'));
}, 300_000);
afterAll(async () => {
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

/** The packages in the ASAR, by the path of their folder (`/node_modules/a/node_modules/b`). */
function packageFolders(): string[] {
  return files
    .filter((file) => /\/node_modules\/(@[^/]+\/)?[^/]+\/package\.json$/.test(file))
    .map((file) => file.slice(0, -'/package.json'.length))
    .filter((folder) => !/\/node_modules\/(@[^/]+\/)?[^/]+\/.+\/node_modules$/.test(folder));
}

function isFile(file: string): boolean {
  return !('files' in statFile(packed.asar, file.slice(1)));
}

describe('the packed app', () => {
  it('holds the built app, the export stylesheets and production dependencies, nothing else', () => {
    const outside = files.filter(
      (file) =>
        isFile(file) &&
        !file.startsWith('/node_modules/') &&
        !/^\/out\/(main|preload|renderer)\//.test(file) &&
        !/^\/shared\/.+\.css$/.test(file) &&
        file !== '/package.json',
    );
    expect(outside).toEqual([]);
    expect(files).toContain('/out/main/index.js');
    expect(files).toContain('/out/preload/index.cjs');
    expect(files).toContain('/out/renderer/index.html');
    expect(files).toContain('/shared/markdown/themes/article.css');
    for (const folder of ['/tests', '/electron', '/renderer/src', '/bench', '/scripts', '/docs', '/out/cli'])
      expect(files.filter((file) => file.startsWith(`${folder}/`))).toEqual([]);
  });

  it('has no TypeScript, no source maps and nothing unpacked beside the ASAR', async () => {
    expect(files.filter((file) => /\.(ts|tsx|mts|cts|map)$/.test(file))).toEqual([]);
    expect(await stat(`${packed.asar}.unpacked`).catch(() => null)).toBeNull();
  });

  it('has no dev dependency, by the lockfile', async () => {
    const lock = JSON.parse(await readFile('package-lock.json', 'utf8')) as {
      packages: Record<string, { version?: string; dev?: boolean; devOptional?: boolean }>;
    };
    // electron-builder hoists what it packs, so a package is known by name and version: it must
    // be installed somewhere as a production dependency (not `dev` in the lockfile).
    const production = new Set<string>();
    for (const [at, entry] of Object.entries(lock.packages)) {
      if (!at || entry.dev || entry.devOptional) continue;
      production.add(
        `${at.slice(at.lastIndexOf('node_modules/') + 'node_modules/'.length)}@${entry.version}`,
      );
    }
    const folders = packageFolders();
    expect(folders.length).toBeGreaterThan(50);
    const devOnly = folders
      .map((folder) => {
        const manifest = JSON.parse(
          extractFile(packed.asar, `${folder.slice(1)}/package.json`).toString('utf8'),
        ) as {
          name: string;
          version: string;
        };
        return `${manifest.name}@${manifest.version}`;
      })
      .filter((id) => !production.has(id));
    expect(devOnly).toEqual([]);
    for (const name of [
      'electron',
      'electron-builder',
      'vite',
      'vitest',
      'typescript',
      'tsx',
      'esbuild',
      'react',
    ])
      expect(folders, name).not.toContain(`/node_modules/${name}`);
    expect(folders).toContain('/node_modules/electron-updater');
  });

  it('carries every package the main process imports, and what those need', () => {
    const folders = new Set(packageFolders());
    const bundles = files.filter((file) => /^\/out\/main\/.+\.js$/.test(file));
    const imported = new Set<string>();
    for (const bundle of bundles) {
      const code = extractFile(packed.asar, bundle.slice(1)).toString('utf8');
      for (const match of code.matchAll(/(?:from\s*|import\(\s*|require\(\s*)["']([^"'./][^"']*)["']/g)) {
        const name = /^(@[^/]+\/)?[^/]+/.exec(match[1]!)![0];
        if (name !== 'electron' && !name.startsWith('node:')) imported.add(name);
      }
    }
    expect(imported.size).toBeGreaterThan(20);
    expect([...imported].filter((name) => !folders.has(`/node_modules/${name}`))).toEqual([]);
    // Each packed package finds its dependencies as Node would: beside it or further up.
    const missing: string[] = [];
    for (const folder of folders) {
      const manifest = JSON.parse(
        extractFile(packed.asar, `${folder.slice(1)}/package.json`).toString('utf8'),
      ) as {
        dependencies?: Record<string, string>;
      };
      for (const dependency of Object.keys(manifest.dependencies ?? {})) {
        let at = folder;
        let found = false;
        while (!found && at.includes('/node_modules/')) {
          found = folders.has(`${at}/node_modules/${dependency}`);
          at = at.slice(0, at.lastIndexOf('/node_modules/'));
        }
        if (!found && !folders.has(`/node_modules/${dependency}`)) missing.push(`${folder} → ${dependency}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('packs the built files byte for byte, and weighs less than 40 MB', async () => {
    const built = files.filter((file) => /^\/out\//.test(file) && isFile(file));
    expect(built.length).toBeGreaterThan(10);
    for (const file of built) {
      const inPackage = extractFile(packed.asar, file.slice(1));
      expect(inPackage.equals(await readFile(path.join('.', file))), file).toBe(true);
    }
    const size = (await stat(packed.asar)).size;
    const renderer = built
      .filter((file) => file.startsWith('/out/renderer/'))
      .reduce((sum, file) => sum + statFileSize(file), 0);
    console.log(
      `app.asar: ${files.length} entries, ${(size / 1e6).toFixed(1)} MB (out/renderer: ${(renderer / 1e6).toFixed(1)} MB)`,
    );
    expect(size).toBeGreaterThan(renderer);
    expect(size).toBeLessThan(40e6);
  });

  it('has its fuses flipped as the configuration says', async () => {
    // Each fuse is one byte of the wire: the character '1' when on, '0' when off.
    const wire = (await getCurrentFuseWire(packed.executable)) as unknown as Record<number, number>;
    const state = (fuse: FuseV1Options) => (wire[fuse] === '1'.charCodeAt(0) ? 'on' : 'off');
    expect({
      runAsNode: state(FuseV1Options.RunAsNode),
      nodeOptions: state(FuseV1Options.EnableNodeOptionsEnvironmentVariable),
      inspectArguments: state(FuseV1Options.EnableNodeCliInspectArguments),
      cookieEncryption: state(FuseV1Options.EnableCookieEncryption),
      asarIntegrity: state(FuseV1Options.EnableEmbeddedAsarIntegrityValidation),
      onlyLoadFromAsar: state(FuseV1Options.OnlyLoadAppFromAsar),
      fileProtocolPrivileges: state(FuseV1Options.GrantFileProtocolExtraPrivileges),
    }).toEqual({
      runAsNode: 'off',
      nodeOptions: 'off',
      inspectArguments: 'off',
      cookieEncryption: 'on',
      asarIntegrity: 'on',
      onlyLoadFromAsar: 'on',
      fileProtocolPrivileges: 'off',
    });
  });

  it('tells the updater where releases are published', async () => {
    const update = parse(await readFile(packed.updateConfig, 'utf8')) as Record<string, unknown>;
    expect(update).toMatchObject({ provider: 'github', owner: 'folio-app', repo: 'folio' });
  });
});

function statFileSize(file: string): number {
  const entry = statFile(packed.asar, file.slice(1));
  return 'size' in entry ? entry.size : 0;
}
