import { describe, expect, it } from 'vitest';
import {
  automaticCheckInterval,
  nextUpdateAction,
  type UpdateContext,
} from '../../../electron/main/update-flow';

const on: UpdateContext = { enabled: true, unavailableReason: null, currentVersion: '1.2.0' };
const off: UpdateContext = { ...on, enabled: false };
const fromSources: UpdateContext = { ...on, unavailableReason: 'This Folio runs from its sources.' };
const now = new Date('2026-12-06T12:00:00Z');
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3600_000).toISOString();

describe('the update checks', () => {
  it('never check while the author has not turned them on, and the menu says how to', () => {
    expect(nextUpdateAction(off, { kind: 'start', lastCheck: null, now })).toEqual({ kind: 'nothing' });
    const menu = nextUpdateAction(off, { kind: 'menu' });
    expect(menu).toMatchObject({ kind: 'tell', message: 'Checking for updates is off.' });
    expect(menu.kind === 'tell' && menu.detail).toMatch(/Settings/);
  });

  it('never check where Folio cannot update itself, and say why', () => {
    expect(nextUpdateAction(fromSources, { kind: 'start', lastCheck: null, now })).toEqual({
      kind: 'nothing',
    });
    expect(nextUpdateAction(fromSources, { kind: 'menu' })).toEqual({
      kind: 'tell',
      message: 'This Folio does not update itself.',
      detail: 'This Folio runs from its sources.',
    });
  });

  it('check from the menu when on, and at start at most once a day', () => {
    expect(nextUpdateAction(on, { kind: 'menu' })).toEqual({ kind: 'check', manual: true });
    expect(nextUpdateAction(on, { kind: 'start', lastCheck: null, now })).toEqual({
      kind: 'check',
      manual: false,
    });
    expect(nextUpdateAction(on, { kind: 'start', lastCheck: hoursAgo(23), now })).toEqual({
      kind: 'nothing',
    });
    expect(
      nextUpdateAction(on, { kind: 'start', lastCheck: hoursAgo(automaticCheckInterval / 3600_000), now }),
    ).toEqual({
      kind: 'check',
      manual: false,
    });
    // A last check in the future (a clock set back) or unreadable does not stop checks forever.
    expect(nextUpdateAction(on, { kind: 'start', lastCheck: hoursAgo(-48), now }).kind).toBe('check');
    expect(nextUpdateAction(on, { kind: 'start', lastCheck: 'yesterday', now }).kind).toBe('check');
  });

  it('ask before downloading, and again before installing', () => {
    const found = nextUpdateAction(on, { kind: 'available', version: '1.3.0', manual: false });
    expect(found).toMatchObject({
      kind: 'ask-download',
      version: '1.3.0',
      message: 'Folio 1.3.0 is available.',
    });
    expect(found.kind === 'ask-download' && found.detail).toMatch(/You have 1\.2\.0/);
    expect(nextUpdateAction(on, { kind: 'downloaded', version: '1.3.0' })).toMatchObject({
      kind: 'ask-restart',
      version: '1.3.0',
    });
  });

  it('report "up to date" and failures only to an author who asked', () => {
    expect(nextUpdateAction(on, { kind: 'not-available', manual: false })).toEqual({ kind: 'nothing' });
    expect(nextUpdateAction(on, { kind: 'not-available', manual: true })).toMatchObject({
      kind: 'tell',
      message: 'Folio is up to date.',
    });
    expect(
      nextUpdateAction(on, { kind: 'failed', message: 'net::ERR_NAME_NOT_RESOLVED', manual: false }),
    ).toEqual({
      kind: 'nothing',
    });
    expect(
      nextUpdateAction(on, { kind: 'failed', message: 'net::ERR_NAME_NOT_RESOLVED', manual: true }),
    ).toEqual({
      kind: 'tell',
      message: 'Folio could not check for updates.',
      detail: 'net::ERR_NAME_NOT_RESOLVED',
    });
  });
});
