// Packs the desktop app exactly as `npm run dist -- --dir` does on Linux (electron-builder, with
// electron-builder.config.ts: the same file rules, ASAR, fuses and update metadata), except
// that a stand-in takes the place of Electron's binary, whose download is blocked on machines
// without GitHub. The stand-in carries Electron's fuse wire with its default settings, so the
// fuses electron-builder flips can be read back. Needs the built app (`npm run build`).
// `node scripts/pack-with-stand-in.js [dir]` prints what the package holds.
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The marker that precedes the fuse wire in every Electron binary (@electron/fuses' SENTINEL). */
const fuseSentinel = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/**
 * Electron's own fuse settings, as shipped (fuse wire version 1; '1' on, '0' off): RunAsNode on,
 * cookie encryption off, NODE_OPTIONS on, --inspect on, ASAR integrity off, only-ASAR off,
 * browser V8 snapshot off, file:// privileges on.
 */
const electronDefaultWire = '10110001';

/**
 * Writes an unpacked "Electron" folder whose `electron` file is a stand-in holding only the fuse
 * wire: enough for electron-builder to copy, rename and flip the fuses of, never to run.
 * @param {string} dir
 */
export async function writeStandInElectron(dir) {
  await mkdir(path.join(dir, 'resources'), { recursive: true });
  const wire = Buffer.concat([
    Buffer.from('stand-in for the Electron binary\n'),
    Buffer.from(fuseSentinel),
    Buffer.from([1, electronDefaultWire.length]),
    Buffer.from(electronDefaultWire),
  ]);
  await writeFile(path.join(dir, 'electron'), wire, { mode: 0o755 });
  await writeFile(path.join(dir, 'LICENSE'), 'Electron is MIT-licensed.\n');
  const electron = JSON.parse(
    await readFile(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8'),
  );
  await writeFile(path.join(dir, 'version'), String(electron.version));
}

/**
 * @typedef {object} StandInPackage
 * @property {string} appDir the unpacked app folder (`linux-unpacked`)
 * @property {string} asar its `resources/app.asar`
 * @property {string} executable the renamed stand-in binary, whose fuses were flipped
 * @property {string} updateConfig its `resources/app-update.yml`
 */

/**
 * Packs the app into `outDir` (created; a temporary folder by default) with electron-builder's
 * `dir` target for Linux x64 and a stand-in Electron. Throws when the app is not built or
 * electron-builder refuses the configuration.
 * @param {{ outDir?: string }} [options]
 * @returns {Promise<StandInPackage>}
 */
export async function packWithStandIn(options = {}) {
  for (const part of ['main/index.js', 'preload/index.cjs', 'renderer/index.html']) {
    if (!(await stat(path.join(root, 'out', part)).catch(() => null)))
      throw new Error(`The app is not built (out/${part} is missing): run \`npm run build\` first.`);
  }
  const outDir = options.outDir ?? (await mkdtemp(path.join(os.tmpdir(), 'folio-pack-')));
  const electronDist = path.join(outDir, 'electron-stand-in');
  await writeStandInElectron(electronDist);
  const { build, Platform, Arch } = await import('electron-builder');
  const { getConfig } = await import('app-builder-lib/out/util/config/config.js');
  const config = await getConfig(root, path.join(root, 'electron-builder.config.ts'), null);
  await build({
    projectDir: root,
    targets: Platform.LINUX.createTarget('dir', Arch.x64),
    publish: 'never',
    config: {
      ...config,
      electronDist,
      directories: { ...config.directories, output: path.join(outDir, 'dist') },
    },
  });
  const appDir = path.join(outDir, 'dist', 'linux-unpacked');
  return {
    appDir,
    asar: path.join(appDir, 'resources', 'app.asar'),
    executable: path.join(appDir, String(config.linux?.executableName ?? 'folio')),
    updateConfig: path.join(appDir, 'resources', 'app-update.yml'),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { listPackage } = await import('@electron/asar');
  const { getCurrentFuseWire, FuseV1Options } = await import('@electron/fuses');
  const outDir = process.argv[2] ? path.resolve(process.argv[2]) : undefined;
  if (outDir) await rm(outDir, { recursive: true, force: true });
  const packed = await packWithStandIn({ outDir });
  const files = listPackage(packed.asar, { isPack: false });
  const packages = new Set(
    files.map((file) => /^[/\\]node_modules[/\\]((?:@[^/\\]+[/\\])?[^/\\]+)/.exec(file)?.[1]),
  );
  packages.delete(undefined);
  const wire = await getCurrentFuseWire(packed.executable);
  const fuses = Object.entries(FuseV1Options)
    .filter(([, index]) => typeof index === 'number')
    .map(([name, index]) => `${name}=${wire[/** @type {number} */ (index)] === 49 ? 'on' : 'off'}`);
  process.stdout.write(
    [
      `app.asar: ${files.length} entries, ${((await stat(packed.asar)).size / 1e6).toFixed(1)} MB`,
      `packages: ${packages.size}`,
      `fuses: ${fuses.join(' ')}`,
      `in ${packed.appDir}`,
      '',
    ].join('\n'),
  );
}
