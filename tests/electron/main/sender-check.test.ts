import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../../electron/main/sender-check';

describe('the IPC sender check', () => {
  it('trusts only the top-level page of the app origin', () => {
    expect(isTrustedSender({ url: 'app://folio/index.html', parent: null })).toBe(true);
    expect(isTrustedSender({ url: 'app://folio/preview.html', parent: {} })).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'app://folio.evil/index.html', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'file:///app/index.html', parent: null })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });
});
