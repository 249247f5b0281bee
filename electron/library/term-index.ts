import SearchableMap from 'minisearch/SearchableMap';
import { ownString } from './own-string';
import { bestSlots } from './best-slots';
import { forEachHashedWord, sameWord } from './hashed-words';
import { hasSlot, type Term } from './term-postings';

/**
 * An inverted index for library search, scored with BM25+ like MiniSearch. It exists because
 * MiniSearch (and FlexSearch) spend several microseconds per word on a Map of Maps, so indexing a
 * 10,000-article library (about 11 million words) took 7 s on an idle machine and over 30 s on a
 * busy one. Here every document's words are counted in one hash map and appended to packed
 * postings (document, count) once per distinct word, which is several times cheaper; the
 * dictionary of distinct words still lives in MiniSearch's radix tree (`SearchableMap`), which
 * gives prefix and fuzzy (edit distance) look-ups.
 */

/** The fields of a document, in the order of {@link fieldBoosts}. */
export interface TermDocument {
  readonly title: string;
  readonly tags: string;
  readonly body: string;
}

/** How much a match in each field counts: title, tags, body. */
export const fieldBoosts = [3, 2, 1] as const;

/** One word of a query and how it may match. */
export interface QueryTerm {
  readonly term: string;
  /** Also match longer words starting with `term` (the word being typed). */
  readonly prefix: boolean;
  /** Also match words within this many edits (0: none). */
  readonly maxEdits: number;
}

/** One result: the document id, its score, and the indexed words it matched. */
export interface TermHit {
  readonly id: string;
  readonly score: number;
  /** Indexed words that matched, best match first (for highlighting). */
  readonly terms: string[];
}

/** One way a query word matched: the indexed word and the weight of that kind of match. */
interface Expansion {
  readonly term: Term;
  readonly weight: number;
}

const fieldCount = fieldBoosts.length;
// BM25+ parameters, as MiniSearch uses them.
const k1 = 1.2;
const b = 0.7;
const delta = 0.5;
// Weights of inexact matches, as MiniSearch weighs them.
const prefixWeight = 0.375;
const fuzzyWeight = 0.45;
/** Words a query word may expand to (prefix and fuzzy): a short prefix matches thousands. */
const maxExpansions = 4000;

/** An incrementally updatable inverted index over documents with a title, tags and a body. */
export class TermIndex {
  private readonly terms = new Map<string, Term>();
  /**
   * Open-addressing table from a word's hash to its term (index in `termList`, plus one), so
   * that a document's words are found without cutting each one out as a string first.
   */
  private table = new Int32Array(1 << 16);
  private termList: Term[] = [];
  private readonly dictionary = new SearchableMap<Term>();
  private readonly slotOf = new Map<string, number>();
  /** Document id per slot; `null` once the document was removed (its postings stay until compacted). */
  private ids: (string | null)[] = [];
  /** Number of words per slot and field (slot * 3 + field). */
  private lengths = new Float64Array(1024);
  private readonly totalLengths = [0, 0, 0];
  private deadSlots = 0;
  /** Goes up with every removal: live counts of other generations must be counted again. */
  private removals = 0;

  /** Number of documents indexed. */
  get size(): number {
    return this.slotOf.size;
  }

  /** True when a document with this id is indexed. */
  has(id: string): boolean {
    return this.slotOf.has(id);
  }

  /** Adds a document, replacing any document with the same id. */
  add(id: string, doc: TermDocument): void {
    this.remove(id);
    const slot = this.ids.length;
    this.ids.push(id);
    this.slotOf.set(id, slot);
    if (this.lengths.length < (slot + 1) * fieldCount) {
      const bigger = new Float64Array(this.lengths.length * 2);
      bigger.set(this.lengths);
      this.lengths = bigger;
    }
    const values = [doc.title, doc.tags, doc.body];
    for (let field = 0; field < fieldCount; field++) {
      // Counted on the terms themselves: one hash look-up per word, no map per document.
      const marker = slot * fieldCount + field;
      const distinct: Term[] = [];
      let words = 0;
      forEachHashedWord(values[field]!, (text, start, end, hash) => {
        words++;
        const term = this.termAt(text, start, end, hash);
        if (term.seenIn === marker) {
          term.count++;
        } else {
          term.seenIn = marker;
          term.count = 1;
          distinct.push(term);
        }
      });
      this.lengths[marker] = words;
      this.totalLengths[field]! += words;
      for (const term of distinct) {
        const postings = (term.fields[field] ??= {
          data: new Int32Array(4),
          length: 0,
          live: 0,
          counted: this.removals,
        });
        if (postings.length + 2 > postings.data.length) {
          const bigger = new Int32Array(postings.data.length * 2);
          bigger.set(postings.data);
          postings.data = bigger;
        }
        postings.data[postings.length++] = slot;
        postings.data[postings.length++] = term.count;
        if (postings.counted === this.removals) postings.live++;
      }
    }
  }

  /** Removes a document (no-op when it is not indexed). */
  remove(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    this.slotOf.delete(id);
    this.ids[slot] = null;
    for (let field = 0; field < fieldCount; field++) {
      this.totalLengths[field]! -= this.lengths[slot * fieldCount + field]!;
    }
    this.deadSlots++;
    this.removals++;
    // Removed documents' postings are skipped when scoring; drop them once they are many.
    if (this.deadSlots > 1000 && this.deadSlots > this.slotOf.size) this.compact();
  }

  /**
   * Documents matching the query, best first. With `combineWith: 'AND'` a document must match
   * every query word (through any of its expansions); with `'OR'`, at least one.
   */
  search(query: readonly QueryTerm[], combineWith: 'AND' | 'OR', limit: number): TermHit[] {
    const liveDocs = this.slotOf.size;
    if (query.length === 0 || liveDocs === 0) return [];
    const slots = this.ids.length;
    const scores = new Float64Array(slots);
    const matched = new Uint16Array(slots);
    const lastQueryWord = new Int32Array(slots).fill(-1);
    const touched: number[] = [];
    const averages = this.totalLengths.map((total) => total / liveDocs || 1);
    const expansionsPerWord: Expansion[][] = [];
    for (let word = 0; word < query.length; word++) {
      const expansions = this.expand(query[word]!);
      expansionsPerWord.push(expansions);
      for (const { term, weight } of expansions) {
        for (let field = 0; field < fieldCount; field++) {
          const postings = term.fields[field];
          if (!postings) continue;
          const { data, length } = postings;
          // Documents removed since the last count are counted out once, not on every search.
          if (postings.counted !== this.removals) {
            let live = 0;
            for (let i = 0; i < length; i += 2) if (this.ids[data[i]!] !== null) live++;
            postings.live = live;
            postings.counted = this.removals;
          }
          const frequency = postings.live;
          if (frequency === 0) continue;
          const idf = Math.log(1 + (liveDocs - frequency + 0.5) / (frequency + 0.5));
          const factor = weight * fieldBoosts[field]! * idf;
          // BM25's length normalization, k1 * (1 - b + b * length / average), split into parts.
          const fixed = k1 * (1 - b);
          const perWord = (k1 * b) / averages[field]!;
          const checkDead = this.deadSlots > 0;
          for (let i = 0; i < length; i += 2) {
            const slot = data[i]!;
            if (checkDead && this.ids[slot] === null) continue;
            const count = data[i + 1]!;
            const fieldLength = this.lengths[slot * fieldCount + field]!;
            scores[slot]! += factor * (delta + (count * (k1 + 1)) / (count + fixed + perWord * fieldLength));
            if (lastQueryWord[slot] !== word) {
              if (matched[slot] === 0) touched.push(slot);
              lastQueryWord[slot] = word;
              matched[slot]!++;
            }
          }
        }
      }
    }
    const needed = combineWith === 'AND' ? query.length : 1;
    return bestSlots(touched, matched, needed, scores, limit).map((slot) => ({
      id: this.ids[slot]!,
      score: scores[slot]!,
      terms: this.matchedTerms(slot, expansionsPerWord),
    }));
  }

  /** The term of the word `text.slice(start, end)` (lower-case), created when new. */
  private termAt(text: string, start: number, end: number, hash: number): Term {
    const mask = this.table.length - 1;
    for (let at = hash & mask; ; at = (at + 1) & mask) {
      const id = this.table[at]!;
      if (id === 0) break;
      const term = this.termList[id - 1]!;
      if (term.hash === hash && sameWord(term.text, text, start, end)) return term;
    }
    // Its own copy: a slice would keep the article's whole text alive as long as the term.
    const word = ownString(text.slice(start, end));
    const term: Term = { text: word, hash, fields: [null, null, null], seenIn: -1, count: 0 };
    this.terms.set(word, term);
    this.dictionary.set(word, term);
    this.termList.push(term);
    this.place(term, this.termList.length);
    if (this.termList.length * 2 > this.table.length) this.rehash(this.table.length * 2);
    return term;
  }

  private place(term: Term, id: number): void {
    const mask = this.table.length - 1;
    let at = term.hash & mask;
    while (this.table[at] !== 0) at = (at + 1) & mask;
    this.table[at] = id;
  }

  private rehash(size: number): void {
    this.table = new Int32Array(size);
    this.termList.forEach((term, index) => this.place(term, index + 1));
  }

  /** The indexed words a query word matches, with weights; the exact word first. */
  private expand({ term, prefix, maxEdits }: QueryTerm): Expansion[] {
    const found = new Map<Term, number>();
    const exact = this.terms.get(term);
    if (exact) found.set(exact, 1);
    if (prefix) {
      for (const [text, candidate] of this.dictionary.atPrefix(term)) {
        if (found.size >= maxExpansions) break;
        const distance = text.length - term.length;
        if (distance === 0) continue;
        found.set(candidate, (prefixWeight * term.length) / (term.length + 0.3 * distance));
      }
    }
    if (maxEdits > 0) {
      for (const [, [candidate, distance]] of this.dictionary.fuzzyGet(term, maxEdits)) {
        if (distance === 0 || found.size >= maxExpansions) continue;
        const weight = (fuzzyWeight * term.length) / (term.length + distance);
        if ((found.get(candidate) ?? 0) < weight) found.set(candidate, weight);
      }
    }
    return [...found]
      .map(([candidate, weight]) => ({ term: candidate, weight }))
      .sort((x, y) => y.weight - x.weight);
  }

  /** The indexed words of `slot` that matched, a few per query word, best match first. */
  private matchedTerms(slot: number, expansionsPerWord: readonly Expansion[][]): string[] {
    const out: string[] = [];
    for (const expansions of expansionsPerWord) {
      let found = 0;
      for (let i = 0; i < expansions.length && i < 300 && found < 3; i++) {
        const { term } = expansions[i]!;
        if (term.fields.some((postings) => postings !== null && hasSlot(postings, slot))) {
          out.push(term.text);
          found++;
        }
      }
    }
    return out;
  }

  /** Drops the postings of removed documents. */
  private compact(): void {
    for (const [text, term] of this.terms) {
      let empty = true;
      for (let field = 0; field < fieldCount; field++) {
        const postings = term.fields[field];
        if (!postings) continue;
        let kept = 0;
        for (let i = 0; i < postings.length; i += 2) {
          if (this.ids[postings.data[i]!] === null) continue;
          postings.data[kept++] = postings.data[i]!;
          postings.data[kept++] = postings.data[i + 1]!;
        }
        postings.length = kept;
        postings.live = kept / 2;
        postings.counted = this.removals;
        if (kept === 0) term.fields[field] = null;
        else empty = false;
      }
      if (empty) {
        this.terms.delete(text);
        this.dictionary.delete(text);
      }
    }
    this.termList = [...this.terms.values()];
    this.rehash(this.table.length);
    this.deadSlots = 0;
  }
}
