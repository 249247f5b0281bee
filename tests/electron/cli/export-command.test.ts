import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { formatProgressBar } from '../../../electron/cli/progress-bar';
import { useTempDirs, writeFiles } from '../../helpers/temp-dir';

const tempDir = useTempDirs();
const folio = path.resolve('bin/folio.js');

async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [folio, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function library(files: Record<string, string>): Promise<string> {
  const root = path.join(await tempDir(), 'library');
  await writeFiles(root, files);
  return root;
}

describe('folio check', () => {
  it('finds each kind of problem, prints them with lines, and exits 1 on errors', async () => {
    const root = await library({
      '.folio/schema.yaml': 'fields:\n  author:\n    required: true\n',
      'a.md': [
        '---',
        `title: ${'A very long title '.repeat(6)}`,
        'description: ""',
        '---',
        '# One',
        '',
        '### Skipped a level',
        '',
        '[gone](gone.md) [bad anchor](b.md#nowhere) [own](#missing)',
        '',
        '![no alt](img.png) ![](missing.png)',
        '',
        '# Two',
        '',
      ].join('\n'),
      'b.md': '---\ntitle: ""\nauthor: Ada\n---\n## Here\n',
      'img.png': 'not really a png',
    });
    const result = await run('check', root, '--json');
    expect(result.code).toBe(1);
    const problems = JSON.parse(result.stdout) as { path: string; code: string; line: number | null }[];
    expect(new Set(problems.map((p) => p.code))).toEqual(
      new Set([
        'long-title',
        'empty-description',
        'missing-field',
        'skipped-heading-level',
        'broken-link',
        'broken-anchor',
        'missing-image',
        'image-without-alt',
        'multiple-h1',
        'empty-title',
      ]),
    );
    expect(problems.find((p) => p.code === 'broken-link')).toMatchObject({ path: 'a.md', line: 9 });

    const text = await run('check', path.join(root, 'b.md'));
    expect(text.code).toBe(1);
    expect(text.stdout).toBe('b.md:1: error: The title is empty. [empty-title]\n');
  });

  it('reports each resource left out for its local host, with its line, and counts in English', async () => {
    const root = await library({
      'a.md':
        '# A\n\n![x](http://localhost:3000/api/delete?all=1)\n\n<img alt="y" src="http://2130706433/json">\n',
    });
    const result = await run('check', root);
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n').filter(Boolean)).toEqual([
      "a.md:3: error: The img “http://localhost:3000/api/delete?all=1” would load from the reader's own computer or network; it was left out. [local-resource]",
      "a.md:5: error: The img “http://2130706433/json” would load from the reader's own computer or network; it was left out. [local-resource]",
    ]);
    expect(result.stderr).toContain('2 errors, 0 warnings.');
  });

  it('exits 0 when there are only warnings or nothing, and 2 on bad usage', async () => {
    const root = await library({ 'a.md': '# Fine\n\n![](https://example.com/x.png)\n' });
    const result = await run('check', root);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('warning');
    expect((await run('check', path.join(root, 'nothing.md'))).code).toBe(2);
    expect((await run('check')).code).toBe(2);
  });
});

describe('folio render', () => {
  it('prints plain heading slugs, links to them, prefixed footnotes and no local resource', async () => {
    const root = await library({
      'a.md':
        '# Introduction\n\n## Introduction\n\n[see](#introduction) Note.[^1] ![x](http://127.1/x.png)\n\n[^1]: A note.\n',
    });
    const { code, stdout } = await run('render', path.join(root, 'a.md'));
    expect(code).toBe(0);
    expect(stdout).toContain('<h1 id="introduction"');
    expect(stdout).toContain('<h2 id="introduction-1"');
    expect(stdout).toContain('<a href="#introduction">see</a>');
    expect(stdout).toContain('href="#user-content-fn-1" id="user-content-fnref-1"');
    expect(stdout).toContain('<li id="user-content-fn-1">');
    expect(stdout).not.toContain('127.1');
  });
});

describe('folio export', () => {
  it('exports a library, and with --strict writes nothing and exits 1 when checks find errors', async () => {
    const root = await library({
      'a.md': '---\ntitle: A\ndate: 2024-01-01\n---\nLink to [b](b.md).\n',
      'b.md': '---\ntitle: B\nstatus: draft\n---\n![gone](gone.png)\n',
    });
    const out = path.join(path.dirname(root), 'out');
    const ok = await run('export', root, '--out', out, '--theme', 'modern', '--images', 'copy');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('Exported 1 article to');
    expect(ok.stdout).toContain('1 draft left out');
    expect(await readFile(path.join(out, 'a.html'), 'utf8')).toContain('href="b.html"');

    const strictOut = path.join(path.dirname(root), 'strict');
    const strict = await run('export', root, '--out', strictOut, '--include-drafts', '--strict');
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('b.md:5: error: The image “gone.png” does not exist.');
    await expect(readFile(path.join(strictOut, 'index.html'))).rejects.toThrow();
  });

  it('exits 2 on bad usage', async () => {
    const root = await library({ 'a.md': '# A\n' });
    expect((await run('export', root)).code).toBe(2);
    expect((await run('export', root, '--out', 'x', '--images', 'base64')).code).toBe(2);
    expect((await run('export', root, '--out', 'x', '--theme', 'neon')).code).toBe(2);
    expect((await run('export', path.join(root, 'none.md'), '--out', 'x')).code).toBe(2);
  });
});

describe('formatProgressBar', () => {
  it('draws the share done, the counts and a label cut to fit', () => {
    expect(formatProgressBar(5, 10, 'a.md', 10)).toBe('[#####-----]  50%  5/10  a.md');
    expect(formatProgressBar(0, 0, '', 4)).toBe('[####] 100%  0/0');
    expect(formatProgressBar(1, 4, 'x'.repeat(200)).length).toBeLessThanOrEqual(100);
  });
});
