import type { LibraryContext } from './library-context';

/** How long an outside deletion waits for a matching creation before it counts as a deletion. */
const renameWindowMs = 400;

/** Turns the watcher's article events into the service's events, recognizing renames. */
export interface RenameDetector {
  /** Handles one outside change of an article file. */
  onArticle(relative: string, absolute: string, kind: 'add' | 'change' | 'unlink'): Promise<void>;
  /** Drops the pending deletions and creations (the service is closing). */
  close(): void;
}

/**
 * Outside deletions wait briefly for a creation with the same bytes, and creations are
 * remembered as briefly for a deletion that comes after them: such a pair is a rename (git mv, a
 * file manager, a sync client), so the journal and an open article follow the file
 * (`articleRenamed`) instead of seeing a deletion.
 */
export function createRenameDetector(
  context: Pick<LibraryContext, 'index' | 'journal' | 'emit' | 'libraryChangedSoon'>,
): RenameDetector {
  const { index, emit } = context;
  const pendingRemovals = new Map<string, { hash: string | null; timer: NodeJS.Timeout }>();
  const recentAdds = new Map<string, { path: string; timer: NodeJS.Timeout }>();

  async function followRename(from: string, to: string): Promise<void> {
    await context.journal.rename(from, to).catch(() => undefined);
    emit('articleRenamed', { from, to });
    context.libraryChangedSoon();
  }

  async function onRemoved(relative: string, hash: string | null): Promise<void> {
    const renamedTo = hash ? recentAdds.get(hash) : undefined;
    if (hash && renamedTo && renamedTo.path !== relative) {
      clearTimeout(renamedTo.timer);
      recentAdds.delete(hash);
      await followRename(relative, renamedTo.path);
      return;
    }
    const timer = setTimeout(() => {
      pendingRemovals.delete(relative);
      emit('articleChanged', { path: relative, hash: null });
    }, renameWindowMs);
    pendingRemovals.set(relative, { hash, timer });
    context.libraryChangedSoon();
  }

  /** True when the added article was the other end of a pending removal (now followed). */
  async function followedRemoval(relative: string, hash: string): Promise<boolean> {
    for (const [from, pending] of pendingRemovals) {
      if (pending.hash === hash) {
        clearTimeout(pending.timer);
        pendingRemovals.delete(from);
        await followRename(from, relative);
        return true;
      }
    }
    const timer = setTimeout(() => recentAdds.delete(hash), renameWindowMs);
    recentAdds.set(hash, { path: relative, timer });
    return false;
  }

  return {
    async onArticle(relative, absolute, kind) {
      if (kind === 'unlink') {
        const before = index.get(relative);
        const outcome = await index.refresh(relative, absolute);
        if (outcome === 'removed') await onRemoved(relative, before?.hash ?? null);
        return;
      }
      const outcome = await index.refresh(relative, absolute);
      if (outcome === 'same') return;
      const hash = index.get(relative)?.hash ?? null;
      if (outcome === 'added' && hash && (await followedRemoval(relative, hash))) return;
      emit('articleChanged', { path: relative, hash });
      context.libraryChangedSoon();
    },
    close() {
      for (const pending of pendingRemovals.values()) clearTimeout(pending.timer);
      for (const add of recentAdds.values()) clearTimeout(add.timer);
    },
  };
}
