import type { FolioApi } from '../../shared/contract';
import { FolioError } from '../../shared/errors';
import type { UpdateChecks } from '../../shared/update-contract';
import { readUpdatePreference, writeUpdatePreference, type UpdatePreference } from './update-preference';

/** The installed desktop app's updater, as the service sees it. */
export interface UpdateHost {
  /** Why this Folio cannot update itself (e.g. it runs from its sources); `null` when it can. */
  readonly unavailableReason: string | null;
  /** Told after the author turned update checks on or off. */
  readonly checksChanged: (enabled: boolean) => void;
}

/** Why browser mode and the command line never update themselves. */
const notDesktop =
  'Only the installed desktop app updates itself. Update a checkout with git pull and npm install.';

/**
 * The contract's update methods: the author's opt-in, kept in Folio's app-data folder. Without
 * an `updates` host (browser mode, the CLI) checks stay off and cannot be turned on.
 */
export function updateCheckMethods(context: {
  readonly host: { readonly appDataDir: string; readonly updates?: UpdateHost };
}): Pick<FolioApi, 'getUpdateChecks' | 'setUpdateChecks'> {
  const { appDataDir, updates: host } = context.host;
  const state = (preference: UpdatePreference): UpdateChecks => {
    const unavailableReason = host ? host.unavailableReason : notDesktop;
    return { available: unavailableReason === null, enabled: preference.enabled, unavailableReason };
  };
  return {
    async getUpdateChecks() {
      return state(await readUpdatePreference(appDataDir));
    },
    async setUpdateChecks({ enabled }) {
      const current = state(await readUpdatePreference(appDataDir));
      if (enabled && !current.available)
        throw new FolioError('INVALID_ARGUMENT', current.unavailableReason ?? notDesktop);
      const next = await writeUpdatePreference(appDataDir, { enabled });
      host?.checksChanged(enabled);
      return state(next);
    },
  };
}
