/**
 * What Folio does at each step of an update check: the decisions, without Electron, so that
 * they can be tested. updates.ts carries them out with electron-updater and message boxes.
 * Nothing is checked while the author has not turned checks on, and nothing is downloaded or
 * installed without a yes.
 */

/** What the updater knows when something happens. */
export interface UpdateContext {
  /** The author turned update checks on in the settings. */
  readonly enabled: boolean;
  /** Why this Folio cannot update itself; `null` when it can. */
  readonly unavailableReason: string | null;
  /** The version running now. */
  readonly currentVersion: string;
}

/** Something that happened: the menu item, the start of the app, or an answer of the updater. */
export type UpdateEvent =
  | { readonly kind: 'menu' }
  | { readonly kind: 'start'; readonly lastCheck: string | null; readonly now: Date }
  | { readonly kind: 'available'; readonly version: string; readonly manual: boolean }
  | { readonly kind: 'not-available'; readonly manual: boolean }
  | { readonly kind: 'downloaded'; readonly version: string }
  | { readonly kind: 'failed'; readonly message: string; readonly manual: boolean };

/** What to do next. */
export type UpdateAction =
  | { readonly kind: 'nothing' }
  | { readonly kind: 'check'; readonly manual: boolean }
  | { readonly kind: 'tell'; readonly message: string; readonly detail: string }
  | {
      readonly kind: 'ask-download';
      readonly version: string;
      readonly message: string;
      readonly detail: string;
    }
  | {
      readonly kind: 'ask-restart';
      readonly version: string;
      readonly message: string;
      readonly detail: string;
    };

/** How long an automatic check at start waits after the previous one. */
export const automaticCheckInterval = 24 * 60 * 60 * 1000;

/** The next step after `event` (see {@link UpdateAction}). */
export function nextUpdateAction(context: UpdateContext, event: UpdateEvent): UpdateAction {
  switch (event.kind) {
    case 'menu':
      if (context.unavailableReason !== null)
        return {
          kind: 'tell',
          message: 'This Folio does not update itself.',
          detail: context.unavailableReason,
        };
      if (!context.enabled)
        return {
          kind: 'tell',
          message: 'Checking for updates is off.',
          detail:
            'Folio never contacts a server unless you allow it. Turn on “Check for updates” in Settings (Ctrl+, or ⌘,), then choose Check for Updates… again.',
        };
      return { kind: 'check', manual: true };
    case 'start': {
      if (!context.enabled || context.unavailableReason !== null) return { kind: 'nothing' };
      const last = event.lastCheck === null ? Number.NaN : Date.parse(event.lastCheck);
      const due =
        Number.isNaN(last) ||
        event.now.getTime() - last >= automaticCheckInterval ||
        last > event.now.getTime();
      return due ? { kind: 'check', manual: false } : { kind: 'nothing' };
    }
    case 'available':
      return {
        kind: 'ask-download',
        version: event.version,
        message: `Folio ${event.version} is available.`,
        detail: `You have ${context.currentVersion}. Download it now? Folio installs it when you restart, after asking again.`,
      };
    case 'not-available':
      return event.manual
        ? {
            kind: 'tell',
            message: 'Folio is up to date.',
            detail: `You have the latest version, ${context.currentVersion}.`,
          }
        : { kind: 'nothing' };
    case 'downloaded':
      return {
        kind: 'ask-restart',
        version: event.version,
        message: `Folio ${event.version} is ready to install.`,
        detail: 'Restart now to install it? Otherwise it installs when you quit Folio.',
      };
    case 'failed':
      return event.manual
        ? { kind: 'tell', message: 'Folio could not check for updates.', detail: event.message }
        : { kind: 'nothing' };
  }
}
