import { chmod, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLibraryService, type LibraryService } from '../../../electron/library';
import { DocumentStore } from '../../../renderer/src/app/document-store';
import { SaveController, type SaveControllerOptions } from '../../../renderer/src/app/save-controller';
import { useTempDirs, writeFiles } from '../../helpers/temp-dir';
import { typedChange } from '../../helpers/typed-change';

const tempDir = useTempDirs();
const stops: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

/** Waits for what the controller does on its own (timers, events), without a time threshold. */
const eventually = (check: () => Promise<void> | void) =>
  vi.waitFor(check, { timeout: 10_000, interval: 20 });

interface Setup {
  readonly root: string;
  readonly data: string;
  readonly service: LibraryService;
  readonly store: DocumentStore;
  readonly controller: SaveController;
  readonly librarySaves: () => number;
  readonly onDisk: (file: string) => Promise<string>;
}

async function setup(
  files: Record<string, string>,
  options: { watch?: boolean } & Partial<SaveControllerOptions> = {},
): Promise<Setup> {
  const root = await tempDir();
  const data = path.join(await tempDir(), 'data');
  await writeFiles(root, files);
  const service = await createLibraryService({
    root,
    host: { appDataDir: data },
    watch: options.watch ?? false,
  });
  stops.push(() => service.close());
  await service.watching;
  const store = new DocumentStore();
  let saves = 0;
  const controller = new SaveController({
    store,
    api: service,
    autosave: false,
    autosaveDelayMs: 60_000,
    journalDelayMs: 60_000,
    ...options,
  });
  stops.push(controller.start());
  controller.onLibraryChanged(() => saves++);
  return {
    root,
    data,
    service,
    store,
    controller,
    librarySaves: () => saves,
    onDisk: (file) => readFile(path.join(root, file), 'utf8'),
  };
}

describe('SaveController', () => {
  it('saves the edited text with the hash it was based on and marks the document clean', async () => {
    const { store, controller, onDisk, librarySaves } = await setup({ 'a.md': 'Before.\n' });
    await controller.openArticle('a.md');
    store.edit('After.\n');
    expect(await controller.save()).toBe(true);
    expect(await onDisk('a.md')).toBe('After.\n');
    expect(store.getSnapshot()).toMatchObject({ savedText: 'After.\n', saving: false, saveError: null });
    expect(controller.getSnapshot().message).toMatch(/^Saved at /);
    expect(librarySaves()).toBe(1);
  });

  it('runs one save at a time, so a save asked for during another is based on the first one’s result', async () => {
    const { store, service, onDisk } = await setup({ 'a.md': 'One.\n' });
    const sent: { text: string; baseHash: string | null }[] = [];
    const answered: string[] = [];
    const controller = new SaveController({
      store,
      api: {
        ...service,
        saveArticle: async (input) => {
          sent.push({ text: input.text, baseHash: input.baseHash });
          const result = await service.saveArticle(input);
          answered.push(result.hash);
          return result;
        },
      },
    });
    await controller.openArticle('a.md');
    const opened = store.getSnapshot()!.baseHash;
    store.edit('Two.\n');
    const first = controller.save();
    store.edit('Three.\n');
    const second = controller.save();
    expect(await Promise.all([first, second])).toEqual([true, true]);
    expect(sent).toEqual([
      { text: 'Two.\n', baseHash: opened },
      { text: 'Three.\n', baseHash: answered[0] },
    ]);
    expect(await onDisk('a.md')).toBe('Three.\n');
  });

  it('autosaves once typing pauses, and not when autosave is off', async () => {
    const on = await setup({ 'a.md': 'Draft.\n' }, { autosave: true, autosaveDelayMs: 20 });
    await on.controller.openArticle('a.md');
    on.store.typed(typedChange('Draft, typed on.\n', 'Draft'.length));
    await eventually(async () => expect(await on.onDisk('a.md')).toBe('Draft, typed on.\n'));

    // With autosave off, the journal (which follows the same edits) shows the pause has passed.
    const off = await setup({ 'a.md': 'Draft.\n' }, { autosaveDelayMs: 20, journalDelayMs: 40 });
    await off.controller.openArticle('a.md');
    off.store.typed(typedChange('Draft, typed on.\n', 'Draft'.length));
    await eventually(async () => expect(await off.service.listRecoveries({})).toHaveLength(1));
    expect(await off.onDisk('a.md')).toBe('Draft.\n');
  });

  it('neither autosaves nor journals while the author types, except a journal after long steady typing', async () => {
    const { store, controller, service, onDisk } = await setup(
      { 'a.md': 'Draft.\n' },
      { autosave: true, autosaveDelayMs: 1500, journalDelayMs: 1000 },
    );
    await controller.openArticle('a.md');
    const saves = vi.spyOn(service, 'saveArticle');
    const journals = vi.spyOn(service, 'journalArticle');
    let text = 'Draft.\n';
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      // A key every 150 ms for 25 s: never the pause autosave waits for.
      for (let key = 0; key < 166; key++) {
        text = `${text.slice(0, -2)}x.\n`;
        store.typed(typedChange(text, text.length - 3));
        vi.advanceTimersByTime(150);
      }
      expect(saves).not.toHaveBeenCalled();
      // The journal still catches up every journalMaxWaitMs (10 s) of steady typing.
      expect(journals).toHaveBeenCalledTimes(2);
      vi.advanceTimersByTime(2000);
    } finally {
      vi.useRealTimers();
    }
    await eventually(async () => expect(await onDisk('a.md')).toBe(text));
    expect(saves).toHaveBeenCalledTimes(1);
  });

  it('asks for the autosave delay each time, so that a changed setting takes effect', async () => {
    let delayMs = 60_000;
    const { store, controller, onDisk } = await setup(
      { 'a.md': 'Draft.\n' },
      { autosave: true, autosaveDelayMs: () => delayMs },
    );
    await controller.openArticle('a.md');
    store.edit('Draft, edited.\n');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await onDisk('a.md')).toBe('Draft.\n');
    delayMs = 10;
    store.edit('Draft, edited again.\n');
    await eventually(async () => expect(await onDisk('a.md')).toBe('Draft, edited again.\n'));
  });

  it('journals unsaved text after a pause and drops the journal once the text is saved', async () => {
    const { store, controller, service } = await setup({ 'a.md': 'Kept.\n' }, { journalDelayMs: 10 });
    await controller.openArticle('a.md');
    store.edit('Kept, and more.\n');
    await eventually(async () =>
      expect((await service.listRecoveries({})).map((entry) => entry.text)).toEqual(['Kept, and more.\n']),
    );
    await controller.save();
    await eventually(async () => expect(await service.listRecoveries({})).toEqual([]));
  });

  it('refuses to overwrite a file changed on disk, keeps my text, and writes it only when I choose to', async () => {
    const { root, store, controller, onDisk } = await setup({ 'a.md': 'Original.\n' });
    await controller.openArticle('a.md');
    await writeFile(path.join(root, 'a.md'), 'Theirs.\n');
    store.edit('Mine.\n');
    expect(await controller.save()).toBe(false);
    expect(await onDisk('a.md')).toBe('Theirs.\n');
    expect(store.getSnapshot()).toMatchObject({ text: 'Mine.\n', conflict: { diskText: 'Theirs.\n' } });
    expect(await controller.save()).toBe(false); // a plain save never resolves a conflict
    await controller.keepMine();
    expect(await onDisk('a.md')).toBe('Mine.\n');
    expect(store.getSnapshot()?.conflict).toBeNull();
    expect(controller.getSnapshot().message).toBe('Saved your version over the one on disk.');
  });

  it('resolves a conflict with a merged text, or by taking the version on disk, or by saving a copy', async () => {
    const { root, store, controller, onDisk, service } = await setup({ 'a.md': 'Base.\n' });
    const conflict = async (mine: string) => {
      await controller.openArticle('a.md');
      await writeFile(path.join(root, 'a.md'), `Theirs ${mine}`);
      store.edit(mine);
      await controller.save();
      expect(store.getSnapshot()?.conflict).not.toBeNull();
    };
    await conflict('Merge me.\n');
    await controller.resolveWithText('Merged.\n');
    expect(await onDisk('a.md')).toBe('Merged.\n');
    expect(store.getSnapshot()?.loaded.text).toBe('Merged.\n');

    await conflict('Drop me.\n');
    await controller.takeTheirs();
    expect(store.getSnapshot()).toMatchObject({ text: 'Theirs Drop me.\n', conflict: null });

    await conflict('Copy me.\n');
    await controller.saveMineAsCopy();
    expect(store.getSnapshot()?.text).toBe('Theirs Copy me.\n');
    const copies = (await service.listArticles({}))
      .map((article) => article.path)
      .filter((p) => p !== 'a.md');
    expect(copies).toHaveLength(1);
    expect(await onDisk(copies[0]!)).toBe('Copy me.\n');
  });

  it('keeps the text when a save fails, says why, and saves it when asked again', async () => {
    const { root, store, controller, onDisk } = await setup({ 'a.md': 'Text.\n' }, { autosave: true });
    await controller.openArticle('a.md');
    await chmod(path.join(root, 'a.md'), 0o444);
    store.edit('Text I must not lose.\n');
    expect(await controller.save()).toBe(false);
    expect(store.getSnapshot()).toMatchObject({ text: 'Text I must not lose.\n', saving: false });
    expect(store.getSnapshot()?.saveError).toMatch(/read-only on disk/);
    expect(controller.getSnapshot().message).toMatch(/^Not saved: .*Your text is kept\.$/);
    await chmod(path.join(root, 'a.md'), 0o644);
    expect(await controller.save()).toBe(true);
    expect(await onDisk('a.md')).toBe('Text I must not lose.\n');
    expect(store.getSnapshot()?.saveError).toBeNull();
  });

  it('reloads a clean document changed on disk, and raises a conflict when it has unsaved text', async () => {
    const { root, store, controller } = await setup({ 'a.md': 'First.\n' }, { watch: true });
    await controller.openArticle('a.md');
    const opened = store.getSnapshot()?.loaded;
    await writeFile(path.join(root, 'a.md'), 'Second.\n');
    await eventually(() => expect(store.getSnapshot()?.text).toBe('Second.\n'));
    expect(store.getSnapshot()?.loaded).not.toBe(opened); // the editor gets the new text
    expect(controller.getSnapshot().message).toBe('Reloaded: the file changed on disk.');

    store.edit('Mine.\n');
    await writeFile(path.join(root, 'a.md'), 'Third.\n');
    await eventually(() => expect(store.getSnapshot()?.conflict?.diskText).toBe('Third.\n'));
    expect(store.getSnapshot()?.text).toBe('Mine.\n');
  });

  it('follows the open article when it is renamed, without replacing the editor’s text', async () => {
    const { store, controller, service } = await setup({ 'a.md': 'Moving.\n' });
    await controller.openArticle('a.md');
    const loaded = store.getSnapshot()?.loaded;
    store.edit('Moving, edited.\n');
    await service.moveArticle({ path: 'a.md', to: 'b.md' });
    expect(store.getSnapshot()?.doc.path).toBe('b.md');
    expect(store.getSnapshot()?.loaded).toBe(loaded);
    expect(controller.getSnapshot().message).toBe('Now at b.md');
    expect(await controller.save()).toBe(true);
  });

  it('offers text journaled in an earlier session and restores it as unsaved work', async () => {
    const earlier = await setup({ 'a.md': 'Saved.\n' }, { journalDelayMs: 10 });
    await earlier.controller.openArticle('a.md');
    earlier.store.edit('Saved, and typed before a crash.\n');
    await eventually(async () => expect(await earlier.service.listRecoveries({})).toHaveLength(1));
    await earlier.service.close();
    await new Promise((resolve) => setTimeout(resolve, 5)); // the next start comes later

    const service = await createLibraryService({
      root: earlier.root,
      host: { appDataDir: earlier.data },
      watch: false,
    });
    stops.push(() => service.close());
    const store = new DocumentStore();
    const controller = new SaveController({ store, api: service });
    stops.push(controller.start());
    await eventually(() => expect(controller.getSnapshot().recoveries).toHaveLength(1));
    await controller.restoreRecovery(controller.getSnapshot().recoveries[0]!);
    expect(store.getSnapshot()).toMatchObject({
      text: 'Saved, and typed before a crash.\n',
      savedText: 'Saved.\n',
      conflict: null,
    });
    expect(controller.getSnapshot().recoveries).toEqual([]);
    expect(await controller.save()).toBe(true);
    expect(await earlier.onDisk('a.md')).toBe('Saved, and typed before a crash.\n');
  });

  it('asks before opening a file too large for the editor, and opens it read-only when told to', async () => {
    const { root, store, controller } = await setup({});
    await writeFile(path.join(root, 'big.md'), Buffer.alloc(21 * 1024 * 1024, 'a'));
    await controller.openArticle('big.md');
    expect(store.getSnapshot()).toBeNull();
    expect(controller.getSnapshot().largeFile).toMatchObject({ path: 'big.md', size: 21 * 1024 * 1024 });
    await controller.answerLargeFile(true);
    expect(controller.getSnapshot().largeFile).toBeNull();
    expect(store.getSnapshot()?.doc).toMatchObject({ path: 'big.md', readOnly: true });
    store.edit('x');
    expect(await controller.save()).toBe(false);
  });
});
