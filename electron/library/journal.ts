import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';

/** One journaled unsaved text. */
export interface JournalRecord {
  readonly root: string;
  readonly path: string;
  readonly text: string;
  readonly baseHash: string | null;
  readonly journaledAt: string;
}

/**
 * The recovery journal: unsaved text of open articles, kept in Folio's app-data folder (never in
 * the library, so sync clients and git do not see it) until the article is saved. Each record is
 * one file written atomically with fsync, so a crash leaves either the previous record or the new
 * one. Records are keyed by library root and article path.
 */
export class Journal {
  private readonly dir: string;

  constructor(
    appDataDir: string,
    private readonly realRoot: string,
  ) {
    this.dir = path.join(appDataDir, 'journal');
  }

  /** Writes (or replaces) the record for one article. */
  async write(relative: string, text: string, baseHash: string | null): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const record: JournalRecord = {
      root: this.realRoot,
      path: relative,
      text,
      baseHash,
      journaledAt: new Date().toISOString(),
    };
    await writeFileAtomic(this.fileFor(relative), JSON.stringify(record), { fsync: true, mode: 0o600 });
  }

  /** Removes the record of one article; true when there was one. */
  async discard(relative: string): Promise<boolean> {
    const file = this.fileFor(relative);
    const existed = await readFile(file).then(
      () => true,
      () => false,
    );
    await rm(file, { force: true });
    return existed;
  }

  /** Every record of this library, oldest first. Unreadable records are skipped. */
  async list(): Promise<JournalRecord[]> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const records: JournalRecord[] = [];
    for (const name of names) {
      if (!name.endsWith('.json')) continue;
      try {
        const value = JSON.parse(await readFile(path.join(this.dir, name), 'utf8')) as Partial<JournalRecord>;
        if (
          value.root === this.realRoot &&
          typeof value.path === 'string' &&
          typeof value.text === 'string' &&
          typeof value.journaledAt === 'string' &&
          (typeof value.baseHash === 'string' || value.baseHash === null)
        ) {
          records.push(value as JournalRecord);
        }
      } catch {
        // A torn or foreign file is not a record; leave it for a person to inspect.
      }
    }
    return records.sort((a, b) => a.journaledAt.localeCompare(b.journaledAt));
  }

  /** Moves a record when its article is renamed, so the unsaved text follows the file. */
  async rename(from: string, to: string): Promise<void> {
    const record = (await this.list()).find((entry) => entry.path === from);
    if (!record) return;
    await this.write(to, record.text, record.baseHash);
    await this.discard(from);
  }

  private fileFor(relative: string): string {
    const key = createHash('sha256').update(`${this.realRoot}\0${relative}`).digest('hex').slice(0, 40);
    return path.join(this.dir, `${key}.json`);
  }
}
