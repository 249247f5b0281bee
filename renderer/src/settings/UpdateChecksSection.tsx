import { useEffect, useState, type ReactElement } from 'react';
import { errorMessage } from '../../../shared/errors';
import type { UpdateChecks } from '../../../shared/update-contract';
import { api } from '../api';

/**
 * The settings' Updates section: the opt-in for update checks (off until the author turns it
 * on). Where Folio cannot update itself (browser mode, a checkout) it says why and stays off.
 */
export function UpdateChecksSection(): ReactElement {
  const [state, setState] = useState<UpdateChecks | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    api.getUpdateChecks({}).then(
      (value) => current && setState(value),
      () =>
        current && setState({ available: false, enabled: false, unavailableReason: 'Folio cannot tell.' }),
    );
    return () => {
      current = false;
    };
  }, []);
  const change = (enabled: boolean) => {
    setError(null);
    api
      .setUpdateChecks({ enabled })
      .then(setState, (reason: unknown) => setError(errorMessage(reason, 'The setting was not saved.')));
  };
  const hint = state?.available
    ? 'Folio asks a server for a newer version at start (once a day) and from Help › Check for Updates…, and asks you before downloading anything.'
    : (state?.unavailableReason ?? '');
  return (
    <section>
      <h3>Updates</h3>
      <label className="folio-settings-check">
        <input
          type="checkbox"
          checked={state?.enabled ?? false}
          disabled={!state?.available}
          aria-describedby="folio-update-checks-hint"
          onChange={(event) => change(event.target.checked)}
        />
        Check for updates
      </label>
      <span id="folio-update-checks-hint" className="folio-settings-hint">
        {error ?? hint}
      </span>
    </section>
  );
}
