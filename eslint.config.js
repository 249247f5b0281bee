import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Import boundaries: code is placed by where it runs (see docs/conventions.md, "Layers"). */
const notElectronOrNode = ['electron', 'electron/*', 'node:*', 'fs', 'path', 'os', 'child_process'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'tests/e2e/screenshots/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: notElectronOrNode, message: 'shared/ runs everywhere: no Electron or Node.' },
            { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'shared/ has no React.' },
            { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ imports nothing from the app.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              importNames: ['ipcMain'],
              message: 'Only electron/main/ipc.ts uses ipcMain.',
            },
            { name: 'electron', importNames: ['ipcRenderer'], message: 'Only the preload uses ipcRenderer.' },
          ],
          patterns: [
            { group: ['**/renderer/**'], message: 'electron/ and renderer/ never import each other.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/library/**/*.ts', 'electron/cli/**/*.ts', 'electron/web/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'electron/*'],
              message: 'The service, CLI and browser mode run without Electron.',
            },
            { group: ['**/renderer/**'], message: 'electron/ and renderer/ never import each other.' },
            {
              group: ['**/main/**', '**/preload/**'],
              message: 'Only Electron glue lives in main/ and preload/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/main/ipc.ts', 'electron/preload/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: notElectronOrNode,
              message: 'The renderer is a sandboxed web page: no Electron or Node.',
            },
            { group: ['**/electron/**'], message: 'electron/ and renderer/ never import each other.' },
          ],
        },
      ],
    },
  },
);
