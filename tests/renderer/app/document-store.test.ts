import { describe, expect, it } from 'vitest';
import type { ArticleDocument } from '../../../shared/contract';
import {
  DocumentStore,
  frontmatterPrefix,
  isDirty,
  typingSettleMs,
} from '../../../renderer/src/app/document-store';
import { typedChange } from '../../helpers/typed-change';

const body = `---\ntitle: A title\n---\n\n${'A paragraph of the body.\n\n'.repeat(50)}`;

function openStore(text = body): DocumentStore {
  const store = new DocumentStore();
  store.open({ path: 'a.md', text, hash: 'h0', readOnly: false } as ArticleDocument);
  return store;
}

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('DocumentStore', () => {
  it('builds typed text only when something reads it, and then once', () => {
    const store = openStore();
    let built = 0;
    const text = `${body}x`;
    store.typed(typedChange(text, body.length, () => built++));
    expect(built).toBe(0);
    expect(store.getSnapshot()!.text).toBe(text);
    expect(store.getSnapshot()!.text).toBe(text);
    expect(built).toBe(1);
    expect(isDirty(store.getSnapshot())).toBe(true);
  });

  it('tells subscribers of the first keystroke at once, and of later typing once it pauses', async () => {
    const store = openStore();
    const heard: string[] = [];
    store.subscribe(() => heard.push(store.getSnapshot()!.text));
    let text = `${body}a`;
    const first = text;
    store.typed(typedChange(first, first.length - 1));
    await wait(0);
    expect(heard).toEqual([first]);
    expect(isDirty(store.getSnapshot())).toBe(true);
    for (const letter of 'bcd') {
      text += letter;
      const typed = text;
      store.typed(typedChange(typed, typed.length - 1));
    }
    // Node runs a timer's promise reactions before the next timer: this looks before the settle.
    await wait(typingSettleMs / 3);
    expect(heard).toEqual([first]);
    await wait(typingSettleMs + 100);
    expect(heard).toEqual([first, text]);
  });

  it('tells subscribers of typing in the frontmatter in the next task', async () => {
    const store = openStore();
    const heard: string[] = [];
    store.subscribe(() => heard.push(store.getSnapshot()!.text));
    const at = body.indexOf('A title') + 1;
    const text = `${body.slice(0, at)}n${body.slice(at)}`;
    store.typed(typedChange(text, at));
    expect(heard).toEqual([]);
    await wait(0);
    expect(heard).toEqual([text]);
  });

  it('tells whether typed text is dirty and gives its frontmatter without building the text', async () => {
    const store = openStore();
    let built = 0;
    const heard: boolean[] = [];
    store.subscribe(() => heard.push(isDirty(store.getSnapshot())));
    const text = `${body.slice(0, 18)}x${body.slice(18)}`;
    store.typed(typedChange(text, 18, () => built++));
    await wait(typingSettleMs + 100);
    expect(heard).toEqual([true]);
    expect(frontmatterPrefix(store.getSnapshot()!)).toBe('---\ntitle: A titlex\n---\n');
    expect(built).toBe(0);
    // Text of the same length as on disk is compared whole.
    store.typed(typedChange(body.replace('A title', 'B title'), 12, () => built++));
    expect(isDirty(store.getSnapshot())).toBe(true);
    expect(built).toBe(1);
  });

  it('keeps every other field of the snapshot as it was when text is typed', () => {
    const store = openStore();
    store.savingStarted();
    const before = store.getSnapshot()!;
    store.typed(typedChange(`${body}!`, body.length));
    const after = store.getSnapshot()!;
    expect({ ...after, text: before.text }).toEqual(before);
    expect(after.text).toBe(`${body}!`);
  });
});
