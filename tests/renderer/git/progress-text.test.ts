import { describe, expect, it } from 'vitest';
import { progressView } from '../../../renderer/src/git/progress-text';

describe('progressView', () => {
  it('says the phase and the share done when the total is known', () => {
    expect(progressView({ jobId: 'j', phase: 'fetching', loaded: 30, total: 120 })).toEqual({
      label: 'Receiving changes… 25%',
      fraction: 0.25,
    });
  });
  it('is indeterminate while the total is unknown', () => {
    expect(progressView({ jobId: 'j', phase: 'pushing', loaded: 3, total: null })).toEqual({
      label: 'Sending changes…',
      fraction: null,
    });
    expect(progressView(null).fraction).toBeNull();
  });
  it('never shows more than all of it', () => {
    expect(progressView({ jobId: 'j', phase: 'cloning', loaded: 15, total: 10 }).fraction).toBe(1);
  });
});
