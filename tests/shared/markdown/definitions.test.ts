import { describe, expect, it } from 'vitest';
import type { RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import {
  citationsOf,
  definitionsOf,
  neededStubs,
  WindowLabels,
  winningStubs,
} from '../../../shared/markdown/definitions';
import { labelMentions } from '../../../shared/markdown/label-mentions';
import { unsafeTreeProcessor } from '../../../shared/markdown/pipeline';

describe('the definition stubs a window needs', () => {
  it('takes a label only where the window writes it in brackets', () => {
    const stubs = ['[d]: <https://d.example>', '[s]: <https://s.example>', '[docs]: <https://docs.example>'];
    // "d" and "s" are in every sentence, but only `[docs]` is a reference here.
    expect(neededStubs('Read the [docs] and the [guide][docs].', stubs)).toEqual([
      '[docs]: <https://docs.example>',
    ]);
    expect(neededStubs('See [d] and ![logo][s].', stubs)).toEqual([
      '[d]: <https://d.example>',
      '[s]: <https://s.example>',
    ]);
  });

  it('matches labels as CommonMark does, ignoring case and runs of white space', () => {
    const stubs = ['[Foo  Bar]: <https://x.example>', '[ẞ]: <https://y.example>'];
    expect(neededStubs('A [foo\n   bar] and [SS].', stubs)).toEqual(stubs);
  });

  it('offers the first definition of each label, the one that wins', () => {
    const definitions = [
      '[a]: https://first.example',
      '[b]: https://b.example',
      '[A]: https://second.example',
    ]
      .join('\n\n')
      .concat('\n');
    const tree = fromMarkdown(definitions);
    const found = tree.children.flatMap((node) => definitionsOf(node as RootContent, definitions));
    const stubs = winningStubs(found);
    expect(stubs).toHaveLength(2);
    expect(stubs[0]).toMatch(/^\[a\]: .*first/);
    expect(stubs[1]).toMatch(/^\[b\]: /);
  });

  it('takes a note only where the window cites it', () => {
    const stubs = ['[^1]: x', '[^note]: x', '[1]: <https://one.example>'];
    expect(neededStubs('Cited[^note], and [1].', stubs)).toEqual([
      '[^note]: x',
      '[1]: <https://one.example>',
    ]);
    expect(neededStubs('No brackets at all.', stubs)).toEqual([]);
  });

  it('picks the same stubs from labels read once for the stubs before and after a window', () => {
    const text = 'See [docs], cited[^note]; [Guide\n  Two] too.';
    const before = ['[docs]: <https://docs.example>', '[d]: <https://d.example>', '[^note]: x'];
    const after = ['[guide two]: <https://guide.example>', '[^other]: x'];
    const labels = new WindowLabels(text);
    expect(neededStubs(labels, before)).toEqual(['[docs]: <https://docs.example>', '[^note]: x']);
    expect(neededStubs(labels, after)).toEqual(['[guide two]: <https://guide.example>']);
    expect(neededStubs(new WindowLabels('No brackets.'), before)).toEqual([]);
  });

  it('picks the same stubs, in order, from a long list asked about again (indexed by label)', () => {
    // An article's definitions: more than the index's threshold, with notes, labels that match
    // only once normalized, the same label twice, and a stub that defines nothing.
    const stubs: string[] = [];
    for (let i = 0; i < 150; i++) {
      stubs.push(i % 7 === 0 ? `[^n${i}]: x` : `[Label  ${i % 60}]: <https://example.com/${i}>`);
    }
    stubs.push('Some text a stub may carry', '[ẞ]: <https://sharp.example>');
    const filtered = (text: string): string[] =>
      stubs.filter((stub) => {
        const match = /^\[(\^?[\s\S]*?)\]: /.exec(stub);
        if (!match) return true;
        const label = (value: string) =>
          value
            .replace(/[\t\n\r ]+/g, ' ')
            .trim()
            .toLowerCase()
            .toUpperCase();
        return [...text.matchAll(/\[((?:[^[\]\\]|\\.)*)\]/g)].some((m) => label(m[1]!) === label(match[1]!));
      });
    const windows = [
      'See [label 3] and [LABEL\n 45][x], cited[^n14].',
      'Nothing bracketed here.',
      'Only [ss] and [label 59] and [^n7] [^n8].',
      '[label 3]',
      'A [missing] label.',
    ];
    for (let round = 0; round < 3; round++) {
      for (const text of windows) {
        const expected = text.includes('[') ? filtered(text) : [];
        expect(neededStubs(text, stubs)).toEqual(expected);
        expect(neededStubs(new WindowLabels(text), stubs)).toEqual(expected);
      }
    }
    expect(neededStubs('See [label 3].', stubs)).toEqual([
      '[Label  3]: <https://example.com/3>',
      '[Label  3]: <https://example.com/123>',
      'Some text a stub may carry',
    ]);
  });
});

describe('where a text writes a label', () => {
  it('finds each reference form, matched as labels match, across the lines of a quote', () => {
    const text = [
      'See [the site], [a link][The  Site], [THE SITE][] and ![logo][the\nsite].',
      '> Quoted [the\n> site] too.',
      'Not [the site\\], [the sites], [the [site]] or [the site.',
    ].join('\n');
    const found = labelMentions(text, 'THE SITE')!.map((at) => text.slice(at, text.indexOf(']', at) + 1));
    expect(found).toEqual(['[the site]', '[The  Site]', '[THE SITE]', '[the\nsite]', '[the\n> site]']);
    // A label with an escaped bracket is not read: the caller renders everything.
    expect(labelMentions(text, 'A\\]B')).toBeNull();
  });
});

describe('the footnote citations of a block', () => {
  it('counts no citation in a table cell past the columns of its table, which is not rendered', () => {
    const tree = unsafeTreeProcessor.parse(
      '| a | b |\n| --- | --- |\n| 1[^x] | 2 |[^y]\n| 3 | 4 | 5[^z] |\n\n[^x]: X.\n\n[^y]: Y.\n\n[^z]: Z.\n',
    );
    expect(citationsOf(tree.children[0]!)).toEqual(['X']);
  });

  it('finds a link definition inside a note, which defines its label for the whole article', () => {
    const text = '[^a]: [ref]: /y\n    The note.\n';
    const tree = unsafeTreeProcessor.parse(text);
    expect(definitionsOf(tree.children[0]!, text).map((def) => [def.kind, def.id])).toEqual([
      ['note', 'A'],
      ['link', 'REF'],
    ]);
  });
});
