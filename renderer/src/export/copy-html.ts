/**
 * Puts HTML on the clipboard with a plain-text flavour. Tries the async Clipboard API first;
 * where it is refused (the desktop shell grants no permissions), falls back to a `copy` event,
 * which needs no permission, only the user's click.
 */
export async function copyHtmlToClipboard(html: string, text: string): Promise<void> {
  try {
    await navigator.clipboard.write([
      new ClipboardItem({
        'text/html': new Blob([html], { type: 'text/html' }),
        'text/plain': new Blob([text], { type: 'text/plain' }),
      }),
    ]);
    return;
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
  if (!copied) throw new Error('The clipboard refused the copy.');
}
