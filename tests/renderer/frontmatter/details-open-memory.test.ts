import { describe, expect, it } from 'vitest';
import {
  DetailsOpenMemory,
  rememberedLibraries,
  type OpenStateStorage,
} from '../../../renderer/src/frontmatter/details-open-memory';

function memoryStorage(initial: Record<string, string> = {}): OpenStateStorage & {
  data: Record<string, string>;
} {
  const data = { ...initial };
  return { data, getItem: (key) => data[key] ?? null, setItem: (key, value) => void (data[key] = value) };
}

describe('the memory of the Article details form being open', () => {
  it('starts open on a tall window and closed on one shorter than 800 px when nothing is remembered', () => {
    const memory = new DetailsOpenMemory(memoryStorage());
    expect(memory.isOpen('/library', 900)).toBe(true);
    expect(memory.isOpen('/library', 800)).toBe(true);
    expect(memory.isOpen('/library', 720)).toBe(false);
  });

  it('remembers each library on its own, across a restart, whatever the window height', () => {
    const storage = memoryStorage();
    const memory = new DetailsOpenMemory(storage);
    const seen: number[] = [];
    memory.subscribe(() => seen.push(1));
    memory.remember('/notes', false);
    memory.remember('/articles', true);
    expect(seen).toHaveLength(2);
    const restarted = new DetailsOpenMemory(storage);
    expect(restarted.isOpen('/notes', 900)).toBe(false);
    expect(restarted.isOpen('/articles', 600)).toBe(true);
    expect(restarted.isOpen('/other', 600)).toBe(false);
  });

  it('ignores broken or foreign storage instead of failing', () => {
    for (const stored of ['{not json', '[true]', '"open"', '{"/a": "yes", "/b": false}']) {
      const memory = new DetailsOpenMemory(memoryStorage({ 'folio.frontmatter.open.v1': stored }));
      expect(memory.isOpen('/a', 900)).toBe(true);
    }
    const mixed = new DetailsOpenMemory(
      memoryStorage({ 'folio.frontmatter.open.v1': '{"/a": 1, "/b": false}' }),
    );
    expect(mixed.isOpen('/b', 900)).toBe(false);
    const failing = new DetailsOpenMemory({
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    });
    failing.remember('/a', false);
    expect(failing.isOpen('/a', 900)).toBe(false);
  });

  it(`forgets the least recently changed library beyond ${rememberedLibraries}`, () => {
    const storage = memoryStorage();
    const memory = new DetailsOpenMemory(storage);
    for (let i = 0; i <= rememberedLibraries; i++) memory.remember(`/library-${i}`, false);
    const restarted = new DetailsOpenMemory(storage);
    expect(Object.keys(restarted.getSnapshot())).toHaveLength(rememberedLibraries);
    expect(restarted.isOpen('/library-0', 900)).toBe(true);
    expect(restarted.isOpen(`/library-${rememberedLibraries}`, 900)).toBe(false);
  });

  it('keeps the state of a library not known yet in the window only', () => {
    const storage = memoryStorage();
    const memory = new DetailsOpenMemory(storage);
    memory.remember(null, false);
    expect(memory.isOpen(null, 900)).toBe(false);
    expect(storage.data).toEqual({});
  });
});
