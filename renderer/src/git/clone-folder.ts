/**
 * A folder name for a clone, from the remote's address: its last path segment without `.git`
 * (`https://host/team/essays.git` → `essays`); `null` when the address has none.
 */
export function folderNameFromUrl(url: string): string | null {
  let pathname: string;
  try {
    pathname = new URL(url.trim()).pathname;
  } catch {
    return null;
  }
  const last = pathname.split('/').filter(Boolean).pop();
  if (!last) return null;
  const name = decodeURIComponent(last).replace(/\.git$/i, '');
  // Only a plain folder name: the service checks the folder anyway; this is a suggestion.
  const plain = /^[^\\/:*?"<>|]+$/.test(name) && ![...name].some((char) => char.charCodeAt(0) < 32);
  return plain && name !== '.' && name !== '..' ? name : null;
}

/** The folder a clone suggests: `name` beside the library open now (or in `~`). */
export function suggestedCloneFolder(url: string, currentRoot: string | null): string {
  const name = folderNameFromUrl(url);
  if (!name) return '';
  if (!currentRoot) return `~/${name}`;
  const separator = currentRoot.includes('\\') && !currentRoot.includes('/') ? '\\' : '/';
  const parent = currentRoot.slice(0, Math.max(currentRoot.lastIndexOf(separator), 0));
  return parent ? `${parent}${separator}${name}` : `~/${name}`;
}
