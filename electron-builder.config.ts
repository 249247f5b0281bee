import type { Configuration } from 'electron-builder';

type FuseOptions = NonNullable<Configuration['electronFuses']>;

/**
 * Electron's fuses as the installers flip them: no way to run the app as plain Node or to pass
 * it Node options or an inspector, cookies encrypted, and the code loaded only from the app's
 * ASAR, whose integrity is checked (macOS and Windows). Folio serves its pages from its own
 * `app://` protocol, so `file://` gets no extra privileges.
 */
export const folioFuses = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableCookieEncryption: true,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  grantFileProtocolExtraPrivileges: false,
} as const satisfies FuseOptions;

/**
 * Production dependencies that only the renderer uses: electron-vite bundles them into
 * `out/renderer`, so the main process never loads them from `node_modules`. (The tests check
 * that every package the main bundle imports, and everything those need, is still packed.)
 */
export const rendererOnlyPackages = [
  '@codemirror',
  '@lezer',
  '@marijn',
  '@replit',
  '@tanstack',
  'codemirror',
  'crelt',
  'react',
  'react-dom',
  'scheduler',
  'style-mod',
  'w3c-keyname',
  // The command line's own parser; the desktop app has no command line.
  'commander',
] as const;

/**
 * What goes into the app's ASAR besides `package.json` and the production dependencies
 * (electron-builder adds those itself and leaves dev dependencies out): the built app in
 * `out/`, without the command-line bundle (the desktop app does not run it), and the
 * stylesheets the HTML export reads at run time (the `.css` files in `shared/`). The
 * exclusions apply to the dependencies too: no TypeScript sources or declarations, source
 * maps, tests or examples of any package (their licences stay), and no package only the
 * renderer uses.
 */
export const packedFiles = [
  'out/main/**',
  'out/preload/**',
  'out/renderer/**',
  'shared/**/*.css',
  `!node_modules/{${rendererOnlyPackages.join(',')}}/**`,
  '!**/*.{ts,tsx,mts,cts,map}',
  '!**/node_modules/*/{test,tests,__tests__,example,examples,benchmark,coverage}/**',
  '!**/node_modules/@*/*/{test,tests,__tests__,example,examples,benchmark,coverage}/**',
] as const;

/**
 * The installers `npm run dist` builds (electron-builder reads this file). Signing comes from
 * the usual environment variables when present: `CSC_LINK` and `CSC_KEY_PASSWORD` (macOS and
 * Windows; `WIN_CSC_LINK`/`WIN_CSC_KEY_PASSWORD` for Windows alone), and `APPLE_ID`,
 * `APPLE_APP_SPECIFIC_PASSWORD`, `APPLE_TEAM_ID` to notarize on macOS. Without them the
 * installers are unsigned.
 */
const config: Configuration = {
  appId: 'app.folio.desktop',
  productName: 'Folio',
  copyright: 'Copyright © Folio contributors',
  directories: { output: 'dist', buildResources: 'build' },
  files: [...packedFiles],
  asar: true,
  // Folio has no native modules: nothing to rebuild for Electron.
  npmRebuild: false,
  electronFuses: folioFuses,
  fileAssociations: [
    {
      ext: ['md', 'markdown'],
      name: 'Markdown article',
      description: 'Markdown article',
      mimeType: 'text/markdown',
      role: 'Editor',
      rank: 'Alternate',
    },
  ],
  // Updates are offered from GitHub Releases (electron-updater reads this from app-update.yml).
  publish: [{ provider: 'github', owner: 'folio-app', repo: 'folio', releaseType: 'release' }],
  mac: {
    category: 'public.app-category.productivity',
    target: [
      { target: 'dmg', arch: ['x64', 'arm64'] },
      { target: 'zip', arch: ['x64', 'arm64'] },
    ],
    hardenedRuntime: true,
  },
  dmg: { title: '${productName} ${version}' },
  win: { target: [{ target: 'nsis', arch: ['x64', 'arm64'] }] },
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Office',
    executableName: 'folio',
    synopsis: 'Draft articles in Markdown',
    description: 'A desktop app for drafting articles in Markdown with YAML frontmatter.',
    maintainer: 'Folio contributors <folio@users.noreply.github.com>',
    mimeTypes: ['text/markdown'],
    desktop: { entry: { Keywords: 'markdown;writing;articles;editor;' } },
  },
  deb: { priority: 'optional' },
  appImage: { artifactName: '${productName}-${version}-${arch}.${ext}' },
};

export default config;
