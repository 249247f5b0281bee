// Reads electron-builder's output after a failed `npm run dist` and says in words what went
// wrong when it was a download (see dist.js); anything else is left to electron-builder's own
// message.

/** Error codes Node and `got` give when a host cannot be reached. */
const networkError =
  /\b(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|CERT_HAS_EXPIRED|UNABLE_TO_GET_ISSUER_CERT_LOCALLY)\b|Response code 40[34]|HTTPError/;
/** The step electron-builder logs before it fetches Electron, and the ones that follow it. */
const packagingStep = /•\s+packaging\s+.*\belectron=(\S+)/;
const afterElectronSteps = /•\s+(copying unpacked Electron|executing @electron\/fuses|building\s+target=)/;

/**
 * What a failed electron-builder run means, from its output: `electron` when Electron's zip
 * could not be downloaded (a network error after the "packaging" step and before Electron was
 * unpacked), `tool` when another download failed (AppImage, deb and NSIS tools come from GitHub
 * too), `null` when it was not a download (a bad configuration, a missing build, …).
 * @param {string} output electron-builder's stdout and stderr
 * @returns {{ kind: 'electron', version: string, reason: string } | { kind: 'tool', reason: string } | null}
 */
export function explainDistFailure(output) {
  const failure = /⨯\s+(.*)/.exec(output);
  const reason = (failure?.[1] ?? '').replace(/\s+failedTask=.*$/, '').trim();
  const network = networkError.exec(failure?.[0] ?? '') ?? null;
  if (!failure || !network) return null;
  const beforeFailure = output.slice(0, failure.index);
  const packaging = packagingStep.exec(beforeFailure);
  if (packaging && !afterElectronSteps.test(beforeFailure.slice(packaging.index + packaging[0].length)))
    return { kind: 'electron', version: packaging[1], reason };
  return { kind: 'tool', reason };
}

/**
 * The message `npm run dist` prints for {@link explainDistFailure}'s answer.
 * @param {NonNullable<ReturnType<typeof explainDistFailure>>} failure
 * @returns {string}
 */
export function distFailureMessage(failure) {
  const what =
    failure.kind === 'electron'
      ? `Electron ${failure.version}'s zip, which every installer is built from`
      : 'a packaging tool (AppImage, deb or NSIS tools come from GitHub)';
  return [
    '',
    `npm run dist stopped: electron-builder could not download ${what}.`,
    `  ${failure.reason}`,
    '',
    'The configuration was accepted; nothing was built. Build the installers on a machine that',
    'can reach github.com, or point ELECTRON_MIRROR at a mirror of Electron releases (or',
    "ELECTRON_CACHE at a folder holding the zip). See README.md, 'Installers'.",
    '',
  ].join('\n');
}
