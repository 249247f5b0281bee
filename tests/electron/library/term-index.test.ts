import { describe, expect, it } from 'vitest';
import { termsOf } from '../../../electron/library/hashed-words';
import { TermIndex, type QueryTerm } from '../../../electron/library/term-index';

function exact(...words: string[]): QueryTerm[] {
  return words.map((term) => ({ term, prefix: false, maxEdits: 0 }));
}

function ids(index: TermIndex, query: QueryTerm[], combineWith: 'AND' | 'OR' = 'AND', limit = 50): string[] {
  return index.search(query, combineWith, limit).map((hit) => hit.id);
}

describe('the term index', () => {
  it('splits text into lower-case words, including other scripts', () => {
    const words: string[] = [];
    termsOf("Crème Brûlée, DON'T panic: Ärger İstanbul 日本", (term) => words.push(term));
    expect(words).toEqual(['crème', 'brûlée', 'don', 't', 'panic', 'ärger', 'i̇stanbul', '日本']);
  });

  it('ranks a title match above a body match, and more occurrences above fewer', () => {
    const index = new TermIndex();
    index.add('body.md', { title: 'Notes', tags: '', body: 'Something about sourdough once.' });
    index.add('title.md', { title: 'Sourdough', tags: '', body: 'A recipe.' });
    index.add('twice.md', { title: 'Notes', tags: '', body: 'Sourdough, and more sourdough.' });
    index.add('other.md', { title: 'Coffee', tags: '', body: 'Beans.' });
    expect(ids(index, exact('sourdough'))).toEqual(['title.md', 'twice.md', 'body.md']);
    const [best] = index.search(exact('sourdough'), 'AND', 1);
    expect(best!.score).toBeGreaterThan(0);
    expect(best!.terms).toEqual(['sourdough']);
  });

  it('needs every word with AND and any word with OR', () => {
    const index = new TermIndex();
    index.add('a.md', { title: '', tags: 'bread', body: 'flour water' });
    index.add('b.md', { title: '', tags: '', body: 'flour sugar' });
    expect(ids(index, exact('flour', 'water'))).toEqual(['a.md']);
    expect(ids(index, exact('flour', 'water'), 'OR').sort()).toEqual(['a.md', 'b.md']);
    expect(ids(index, exact('bread'))).toEqual(['a.md']);
    expect(ids(index, exact('salt'))).toEqual([]);
  });

  it('matches prefixes and typos only where the query asks, exact words first', () => {
    const index = new TermIndex();
    index.add('exact.md', { title: '', tags: '', body: 'ferment' });
    index.add('longer.md', { title: '', tags: '', body: 'fermentation' });
    index.add('typo.md', { title: '', tags: '', body: 'fermant' });
    expect(ids(index, exact('ferment'))).toEqual(['exact.md']);
    expect(ids(index, [{ term: 'ferment', prefix: true, maxEdits: 0 }])).toEqual(['exact.md', 'longer.md']);
    expect(ids(index, [{ term: 'ferment', prefix: false, maxEdits: 1 }])).toEqual(['exact.md', 'typo.md']);
    const hit = index
      .search([{ term: 'ferm', prefix: true, maxEdits: 0 }], 'AND', 5)
      .find((h) => h.id === 'longer.md');
    expect(hit!.terms).toEqual(['fermentation']);
  });

  it('replaces a document added again and forgets a removed one', () => {
    const index = new TermIndex();
    index.add('a.md', { title: '', tags: '', body: 'apples' });
    index.add('a.md', { title: '', tags: '', body: 'pears' });
    expect(index.size).toBe(1);
    expect(ids(index, exact('apples'))).toEqual([]);
    expect(ids(index, exact('pears'))).toEqual(['a.md']);
    index.remove('a.md');
    index.remove('missing.md');
    expect(index.has('a.md')).toBe(false);
    expect(ids(index, exact('pears'))).toEqual([]);
  });

  it('scores as if removed documents had never been added', () => {
    const bodies = ['apple pie', 'apple tart', 'pear tart', 'apple apple crumble', 'plum', 'apple'];
    const edited = new TermIndex();
    bodies.forEach((body, i) => edited.add(`d${i}.md`, { title: '', tags: '', body }));
    edited.search(exact('apple'), 'AND', 10); // counted once before the removals
    edited.remove('d0.md');
    edited.add('d3.md', { title: '', tags: '', body: 'apple crumble' });
    const fresh = new TermIndex();
    fresh.add('d1.md', { title: '', tags: '', body: 'apple tart' });
    fresh.add('d2.md', { title: '', tags: '', body: 'pear tart' });
    fresh.add('d4.md', { title: '', tags: '', body: 'plum' });
    fresh.add('d5.md', { title: '', tags: '', body: 'apple' });
    fresh.add('d3.md', { title: '', tags: '', body: 'apple crumble' });
    const scores = (index: TermIndex) =>
      Object.fromEntries(index.search(exact('apple'), 'AND', 10).map((hit) => [hit.id, hit.score]));
    const [got, want] = [scores(edited), scores(fresh)];
    expect(Object.keys(got).sort()).toEqual(Object.keys(want).sort());
    for (const id of Object.keys(want)) expect(got[id]).toBeCloseTo(want[id]!, 10);
  });

  it('stays correct after many removals compact it', () => {
    const index = new TermIndex();
    for (let i = 0; i < 1500; i++) index.add(`n${i}.md`, { title: '', tags: '', body: `common word${i}` });
    for (let i = 0; i < 1200; i++) index.remove(`n${i}.md`);
    expect(index.size).toBe(300);
    expect(ids(index, exact('common'), 'AND', 2000)).toHaveLength(300);
    expect(ids(index, exact('word5'))).toEqual([]);
    expect(ids(index, exact('word1300'))).toEqual(['n1300.md']);
    // Words only removed documents had are gone from prefix matching too.
    const prefixed = index.search([{ term: 'word', prefix: true, maxEdits: 0 }], 'AND', 2000);
    expect(prefixed).toHaveLength(300);
    index.add('again.md', { title: '', tags: '', body: 'word5 common' });
    expect(ids(index, exact('word5'))).toEqual(['again.md']);
  });

  it('finds every word of a vocabulary larger than its first table', () => {
    const index = new TermIndex();
    const words = Array.from({ length: 40_000 }, (_, i) => `w${i.toString(36)}`);
    for (let i = 0; i < words.length; i += 100) {
      index.add(`d${i}.md`, { title: '', tags: '', body: words.slice(i, i + 100).join(' ') });
    }
    for (const i of [0, 99, 100, 32_767, 32_768, 39_999]) {
      expect(ids(index, exact(words[i]!))).toEqual([`d${Math.floor(i / 100) * 100}.md`]);
    }
  });
});
