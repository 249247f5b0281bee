import { describe, expect, it } from 'vitest';
import { eventNames, isMethodName, methodNames, parseInput } from '../../shared/contract';
import { dispatch } from '../../shared/dispatch';
import type { FolioApi } from '../../shared/contract';
import { FolioError, fromErrorPayload, toErrorPayload } from '../../shared/errors';

describe('the contract', () => {
  it('lists every method and event at run time', () => {
    expect(methodNames).toEqual(
      expect.arrayContaining(['getLibrary', 'listArticles', 'readArticle', 'saveArticle']),
    );
    expect(eventNames).toEqual(expect.arrayContaining(['articleChanged', 'libraryChanged']));
  });

  it('does not treat inherited object keys as methods', () => {
    expect(isMethodName('toString')).toBe(false);
    expect(isMethodName('__proto__')).toBe(false);
    expect(isMethodName('readArticle')).toBe(true);
  });

  it('rejects arguments of the wrong shape with a readable message', () => {
    const result = parseInput('saveArticle', { path: 'a.md', text: 42, baseHash: null });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/text/);
    expect(parseInput('readArticle', { path: 'a.md', extra: true }).ok).toBe(false);
    expect(parseInput('readArticle', { path: 'a\0.md' }).ok).toBe(false);
    expect(parseInput('readArticle', { path: 'notes/a.md' }).ok).toBe(true);
  });
});

describe('dispatch', () => {
  const api = {
    getLibrary: async () => ({ name: 'x', root: '/x' }),
    listArticles: async () => [],
    readArticle: async () => {
      throw new FolioError('NOT_FOUND', 'gone');
    },
    saveArticle: async () => {
      throw new Error('/secret/absolute/path exploded');
    },
  } as unknown as FolioApi;

  it('answers unknown methods and invalid input without calling the service', async () => {
    await expect(dispatch(api, 'deleteEverything', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_METHOD' },
    });
    await expect(dispatch(api, 'readArticle', { path: 7 })).resolves.toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
  });

  it('keeps stable codes and never leaks internal messages', async () => {
    await expect(dispatch(api, 'readArticle', { path: 'a.md' })).resolves.toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'gone' },
    });
    const leaked = await dispatch(api, 'saveArticle', { path: 'a.md', text: '', baseHash: null });
    expect(JSON.stringify(leaked)).not.toContain('/secret');
    expect(leaked).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('round-trips errors through their payload', () => {
    const error = fromErrorPayload(toErrorPayload(new FolioError('CONFLICT', 'changed', { diskHash: 'h' })));
    expect(error).toBeInstanceOf(FolioError);
    expect(error.code).toBe('CONFLICT');
    expect(error.details).toEqual({ diskHash: 'h' });
    expect(fromErrorPayload({ code: 'NOPE' }).code).toBe('INTERNAL');
  });
});
