import { describe, expect, it } from 'vitest';
import { plainListArguments } from '../../../electron/cli/list-output';

describe('the plain folio list command line', () => {
  it('is list and one folder, with --json before or after it or not at all', () => {
    expect(plainListArguments(['list', 'notes'])).toEqual({ library: 'notes', json: false });
    expect(plainListArguments(['list', 'notes', '--json'])).toEqual({ library: 'notes', json: true });
    expect(plainListArguments(['list', '--json', 'my notes'])).toEqual({ library: 'my notes', json: true });
  });

  it('leaves help, other options, missing or extra arguments and other commands to commander', () => {
    for (const argv of [
      [],
      ['list'],
      ['list', '--json'],
      ['list', '--help'],
      ['list', '-h', 'notes'],
      ['list', 'notes', '--json', '--json'],
      ['list', 'notes', 'more'],
      ['list', 'notes', '--jsonl'],
      ['list', '--', 'notes'],
      ['list', '-notes'],
      ['search', 'notes', 'word'],
      ['--help', 'list', 'notes'],
    ]) {
      expect(plainListArguments(argv), argv.join(' ')).toBeNull();
    }
  });
});
