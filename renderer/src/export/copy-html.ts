/** How the copy reached the clipboard: the async Clipboard API, or the `copy` command. */
export type CopyMethod = 'clipboard-api' | 'copy-command';

/**
 * Puts HTML on the clipboard with a plain-text flavour. Tries the async Clipboard API first;
 * where it is refused (the desktop shell grants no permissions, a browser may deny it), falls
 * back to a `copy` event, which needs no permission, only the user's click. Resolves with the
 * way that worked, so the caller can say so; throws when both were refused.
 */
export async function copyHtmlToClipboard(html: string, text: string): Promise<CopyMethod> {
  try {
    await navigator.clipboard.write([
      new ClipboardItem({
        'text/html': new Blob([html], { type: 'text/html' }),
        'text/plain': new Blob([text], { type: 'text/plain' }),
      }),
    ]);
    return 'clipboard-api';
  } catch {
    // Fall through to the copy event.
  }
  let copied = false;
  const onCopy = (event: ClipboardEvent): void => {
    event.preventDefault();
    event.clipboardData?.setData('text/html', html);
    event.clipboardData?.setData('text/plain', text);
    copied = true;
  };
  document.addEventListener('copy', onCopy, { once: true });
  try {
    document.execCommand('copy');
  } finally {
    document.removeEventListener('copy', onCopy);
  }
  if (!copied) throw new Error('the clipboard refused it, and so did the copy command.');
  return 'copy-command';
}
