/**
 * True on Apple platforms (macOS, iPadOS, iOS), where `Mod` is Cmd: shortcuts are read from
 * `metaKey` and shown as `⌘`. Elsewhere they are Ctrl. False where there is no `navigator`.
 */
export function isApplePlatform(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
}
