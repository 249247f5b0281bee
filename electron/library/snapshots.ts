import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { articleBody, countWords } from '../../shared/article-meta';
import type { FolioApi, SnapshotDocument, SnapshotInfo } from '../../shared/contract';
import { FolioError, isFolioError } from '../../shared/errors';
import { readArticleDocument } from './article-reading';

/** Options of {@link createSnapshotStore}. */
export interface SnapshotStoreOptions {
  /** The library's real root; its hash names the library's history folder. */
  readonly root: string;
  /** Folio's data folder; snapshots live in `snapshots/<library>/` under it. */
  readonly appDataDir: string;
  /** Snapshots kept by saves, per article; the oldest go first. Default 50. */
  readonly maxAutomatic?: number;
  /** Named snapshots kept per article. Default 100. */
  readonly maxNamed?: number;
}

interface SnapshotRecord {
  readonly id: string;
  readonly time: string;
  readonly name: string | null;
  readonly hash: string;
  readonly words: number;
}

interface ArticleHistory {
  path: string;
  snapshots: SnapshotRecord[];
}

interface SnapshotIndex {
  version: 1;
  /** Keyed by a stable article id, so that a rename only changes `path`. */
  articles: Record<string, ArticleHistory>;
}

/** The history of a library's articles: content-addressed texts plus an index. */
export interface SnapshotStore {
  /** Keeps `text` as the newest snapshot of `articlePath` unless it equals the newest one. */
  record(articlePath: string, text: string, name?: string | null): Promise<SnapshotInfo>;
  /** True when the article has any snapshot (following a rename by content hash). */
  has(articlePath: string, currentText: string | null): Promise<boolean>;
  /** Snapshots of an article, newest first. */
  list(articlePath: string, currentText: string | null): Promise<SnapshotInfo[]>;
  /** One snapshot with its text. */
  read(articlePath: string, id: string, currentText: string | null): Promise<SnapshotDocument>;
  /** Moves an article's history to its new path (for renames done by Folio). */
  renamed(from: string, to: string): Promise<void>;
}

/** Hash of a text as the history stores it. */
export function textHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Creates the snapshot store of one library. Texts are stored once per content hash
 * (deduplicated across articles and versions) under the app-data folder, so the library folder
 * stays clean for sync clients and Git. A rename done outside Folio is followed by content: an
 * article with no history whose text equals the newest snapshot of a history whose file is gone
 * takes that history over.
 */
export function createSnapshotStore(options: SnapshotStoreOptions): SnapshotStore {
  const maxAutomatic = options.maxAutomatic ?? 50;
  const maxNamed = options.maxNamed ?? 100;
  const libraryKey = createHash('sha256').update(options.root).digest('hex').slice(0, 16);
  const dir = path.join(options.appDataDir, 'snapshots', libraryKey);
  const blobDir = path.join(dir, 'texts');
  const indexFile = path.join(dir, 'index.json');
  let index: SnapshotIndex | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  // Every operation runs after the previous one, so the index is never written concurrently.
  function serial<T>(work: () => Promise<T>): Promise<T> {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  }

  async function load(): Promise<SnapshotIndex> {
    if (index) return index;
    try {
      const parsed = JSON.parse(await readFile(indexFile, 'utf8')) as SnapshotIndex;
      index = parsed?.version === 1 && typeof parsed.articles === 'object' ? parsed : fresh();
    } catch {
      index = fresh();
    }
    return index;
  }

  async function persist(): Promise<void> {
    await mkdir(dir, { recursive: true });
    await writeFileAtomic(indexFile, JSON.stringify(index), { fsync: true });
  }

  function articleExists(articlePath: string): Promise<boolean> {
    return fileExists(path.join(options.root, ...articlePath.split('/')));
  }

  async function historyOf(articlePath: string, currentText: string | null): Promise<ArticleHistory | null> {
    const data = await load();
    const direct = Object.values(data.articles).find((entry) => entry.path === articlePath);
    if (direct || currentText === null) return direct ?? null;
    const hash = textHash(currentText);
    for (const entry of Object.values(data.articles)) {
      const newest = entry.snapshots[entry.snapshots.length - 1];
      if (newest?.hash === hash && !(await articleExists(entry.path))) {
        entry.path = articlePath;
        await persist();
        return entry;
      }
    }
    return null;
  }

  function infos(history: ArticleHistory): SnapshotInfo[] {
    return history.snapshots
      .map((record, i) => ({
        id: record.id,
        time: record.time,
        name: record.name,
        words: record.words,
        hash: record.hash,
        wordDelta: i === 0 ? null : record.words - history.snapshots[i - 1]!.words,
      }))
      .reverse();
  }

  async function prune(history: ArticleHistory): Promise<void> {
    const drop = new Set<SnapshotRecord>();
    const automatic = history.snapshots.filter((record) => record.name === null);
    const named = history.snapshots.filter((record) => record.name !== null);
    for (const record of automatic.slice(0, Math.max(0, automatic.length - maxAutomatic))) drop.add(record);
    for (const record of named.slice(0, Math.max(0, named.length - maxNamed))) drop.add(record);
    if (drop.size === 0) return;
    history.snapshots = history.snapshots.filter((record) => !drop.has(record));
    // Texts are shared by hash: delete only those no snapshot of any article still uses.
    const used = new Set(
      Object.values(index!.articles).flatMap((entry) => entry.snapshots.map((r) => r.hash)),
    );
    const files = await readdir(blobDir).catch(() => [] as string[]);
    await Promise.all(
      files
        .filter((file) => !used.has(file.replace(/\.md$/, '')))
        .map((file) => rm(path.join(blobDir, file), { force: true })),
    );
  }

  return {
    record(articlePath, text, name = null) {
      return serial(async () => {
        const data = await load();
        let history = await historyOf(articlePath, null);
        if (!history) {
          history = { path: articlePath, snapshots: [] };
          data.articles[randomUUID()] = history;
        }
        const hash = textHash(text);
        const newest = history.snapshots[history.snapshots.length - 1];
        if (newest?.hash === hash && (name === null || newest.name === null)) {
          // Same text as the newest snapshot: nothing new to keep; a name upgrades it.
          if (name !== null) {
            history.snapshots[history.snapshots.length - 1] = { ...newest, name };
            await persist();
          }
          return infos(history)[0]!;
        }
        await mkdir(blobDir, { recursive: true });
        const blob = path.join(blobDir, `${hash}.md`);
        if (!(await fileExists(blob))) await writeFileAtomic(blob, text, { fsync: true });
        history.snapshots.push({
          id: `${Date.now().toString(36)}-${hash.slice(0, 8)}`,
          time: new Date().toISOString(),
          name,
          hash,
          words: countWords(articleBody(text)),
        });
        await prune(history);
        await persist();
        return infos(history)[0]!;
      });
    },

    has(articlePath, currentText) {
      return serial(async () => ((await historyOf(articlePath, currentText))?.snapshots.length ?? 0) > 0);
    },

    list(articlePath, currentText) {
      return serial(async () => {
        const history = await historyOf(articlePath, currentText);
        return history ? infos(history) : [];
      });
    },

    read(articlePath, id, currentText) {
      return serial(async () => {
        const history = await historyOf(articlePath, currentText);
        const info = history ? infos(history).find((item) => item.id === id) : undefined;
        if (!info) throw new FolioError('NOT_FOUND', 'That snapshot no longer exists.');
        try {
          return { info, text: await readFile(path.join(blobDir, `${info.hash}.md`), 'utf8') };
        } catch {
          throw new FolioError('NOT_FOUND', 'The text of that snapshot is missing from Folio’s data folder.');
        }
      });
    },

    renamed(from, to) {
      return serial(async () => {
        const history = await historyOf(from, null);
        if (!history) return;
        history.path = to;
        await persist();
      });
    },
  };
}

function fresh(): SnapshotIndex {
  return { version: 1, articles: {} };
}

async function fileExists(file: string): Promise<boolean> {
  return stat(file).then(
    (info) => info.isFile(),
    () => false,
  );
}

/**
 * The contract's snapshot methods: list, read and take snapshots of an article (saves keep theirs
 * in save-pipeline.ts). A history whose file is gone is adopted by the article with its newest
 * text, so a rename done outside Folio keeps the history.
 */
export function snapshotMethods(context: {
  /** The library folder with symlinks resolved. */
  readonly realRoot: string;
  /** The library's snapshot store. */
  readonly history: SnapshotStore;
}): Pick<FolioApi, 'listSnapshots' | 'readSnapshot' | 'takeSnapshot'> {
  const store = context.history;

  async function diskText(articlePath: string): Promise<string | null> {
    try {
      const doc = await readArticleDocument(context.realRoot, articlePath);
      return doc.readOnly ? null : doc.text;
    } catch (error) {
      if (isFolioError(error, 'NOT_FOUND')) return null;
      throw error;
    }
  }

  return {
    async listSnapshots({ path: articlePath }) {
      return store.list(articlePath, await diskText(articlePath));
    },

    async readSnapshot({ path: articlePath, id }) {
      return store.read(articlePath, id, await diskText(articlePath));
    },

    async takeSnapshot({ path: articlePath, name, text }) {
      const current = await diskText(articlePath);
      const keep = text ?? current;
      if (keep === null) throw new FolioError('NOT_FOUND', `“${articlePath}” has no text to keep.`);
      await store.has(articlePath, current); // adopt a renamed article's history first
      return store.record(articlePath, keep, name);
    },
  };
}
