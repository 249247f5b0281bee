import type { ReactElement } from 'react';
import { transport } from '../api';

/** What the author typed to sign in to a remote. */
export interface Credentials {
  readonly username: string;
  readonly password: string;
  readonly remember: boolean;
}

/** No credentials typed yet; remembered by default on the desktop. */
export const emptyCredentials: Credentials = { username: '', password: '', remember: true };

/** Props of {@link CredentialsFields}. */
export interface CredentialsFieldsProps {
  readonly value: Credentials;
  readonly onChange: (value: Credentials) => void;
  /** Puts the focus in the user name field when shown (asked again after a refusal). */
  readonly autoFocus?: boolean;
  /** Marks the fields invalid (the server refused them). */
  readonly invalid?: boolean;
}

/**
 * User name, password or token, and whether to keep them: the desktop app keeps them encrypted
 * for the next runs, browser mode for this run only (said beside the box).
 */
export function CredentialsFields({
  value,
  onChange,
  autoFocus,
  invalid,
}: CredentialsFieldsProps): ReactElement {
  return (
    <>
      <label>
        User name
        <input
          autoFocus={autoFocus}
          value={value.username}
          autoComplete="username"
          spellCheck={false}
          aria-invalid={invalid ? true : undefined}
          onChange={(event) => onChange({ ...value, username: event.target.value })}
        />
      </label>
      <label>
        Password or token
        <input
          type="password"
          value={value.password}
          autoComplete="current-password"
          aria-invalid={invalid ? true : undefined}
          onChange={(event) => onChange({ ...value, password: event.target.value })}
        />
      </label>
      <label className="folio-git-remember">
        <input
          type="checkbox"
          checked={value.remember}
          onChange={(event) => onChange({ ...value, remember: event.target.checked })}
        />
        {transport === 'electron' ? 'Remember on this computer (encrypted)' : 'Remember until Folio stops'}
      </label>
    </>
  );
}
