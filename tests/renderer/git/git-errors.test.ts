import { describe, expect, it } from 'vitest';
import { FolioError } from '../../../shared/errors';
import { gitFailure } from '../../../renderer/src/git/git-errors';

describe('gitFailure', () => {
  it('asks for credentials on AUTH_REQUIRED and says offline on OFFLINE, with the service’s words', () => {
    expect(gitFailure(new FolioError('AUTH_REQUIRED', 'The remote asks for a user name.'))).toEqual({
      kind: 'auth',
      message: 'The remote asks for a user name.',
    });
    expect(gitFailure(new FolioError('OFFLINE', 'Cannot reach 127.0.0.1.'))).toEqual({
      kind: 'offline',
      message: 'Cannot reach 127.0.0.1.',
    });
  });
  it('passes any other failure on as it is, and never shows a raw value', () => {
    expect(gitFailure(new FolioError('PUSH_REJECTED', 'The remote refused the push.')).kind).toBe('other');
    expect(gitFailure('boom')).toEqual({ kind: 'other', message: 'Something went wrong.' });
  });
});
