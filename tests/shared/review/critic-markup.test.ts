import { describe, expect, it } from 'vitest';
import {
  acceptAll,
  hasCriticMarkup,
  parseCriticMarkup,
  rejectAll,
  resolveMark,
} from '../../../shared/review/critic-markup';

describe('parsing CriticMarkup', () => {
  it('finds all five kinds with their offsets and texts', () => {
    const text = 'A {++new++} {--old--} {~~this~>that~~} {==look==} {>>note<<}.';
    const marks = parseCriticMarkup(text);
    expect(marks.map((m) => [m.kind, m.oldText, m.newText, m.comment])).toEqual([
      ['insertion', '', 'new', null],
      ['deletion', 'old', '', null],
      ['substitution', 'this', 'that', null],
      ['highlight', 'look', 'look', null],
      ['comment', '', '', 'note'],
    ]);
    expect(text.slice(marks[0]!.from, marks[0]!.to)).toBe('{++new++}');
    expect(text.slice(marks[2]!.bodyFrom, marks[2]!.bodyTo)).toBe('this~>that');
    expect(text.slice(marks[2]!.arrowAt, marks[2]!.arrowAt + 2)).toBe('~>');
  });

  it('attaches a comment written right after a mark to that mark', () => {
    const text = 'See {==this claim==}{>>Source?<<} here.';
    const [mark] = parseCriticMarkup(text);
    expect(mark).toMatchObject({ kind: 'highlight', comment: 'Source?' });
    expect(text.slice(mark!.from, mark!.to)).toBe('{==this claim==}{>>Source?<<}');
    expect(text.slice(mark!.commentFrom, mark!.to)).toBe('{>>Source?<<}');
  });

  it('leaves nested marks as text, inner marks included', () => {
    const text = 'x {++outer {--inner--} still++} y {++ok++}';
    const marks = parseCriticMarkup(text);
    expect(marks).toHaveLength(1);
    expect(marks[0]!.newText).toBe('ok');
    expect(acceptAll(text)).toBe('x {++outer {--inner--} still++} y ok');
  });

  it('leaves unclosed marks and substitutions without an arrow as text', () => {
    const text = 'a {++never closed and {~~no arrow~~} and {--gone--}';
    const marks = parseCriticMarkup(text);
    expect(marks.map((m) => m.kind)).toEqual(['deletion']);
    expect(rejectAll(text)).toBe('a {++never closed and {~~no arrow~~} and gone');
  });

  it('reads marks that span lines and empty marks', () => {
    expect(acceptAll('a{++\nb\n++}c{++++}')).toBe('a\nb\nc');
  });

  it('says whether a text holds any suggestion', () => {
    expect(hasCriticMarkup('plain {text} ++ --')).toBe(false);
    expect(hasCriticMarkup('one {>>comment<<}')).toBe(true);
  });
});

describe('accepting and rejecting suggestions', () => {
  const text = 'The {~~quick~>swift~~} fox {++really ++}jumps {--over--}{>>why?<<} the {==dog==}{>>lazy?<<}.';

  it('accepts every suggestion and drops comments', () => {
    expect(acceptAll(text)).toBe('The swift fox really jumps  the dog.');
  });

  it('rejects every suggestion and drops comments', () => {
    expect(rejectAll(text)).toBe('The quick fox jumps over the dog.');
  });

  it('resolves one mark as a change of its whole span', () => {
    const marks = parseCriticMarkup(text);
    const change = resolveMark(marks[2]!, 'reject');
    expect(text.slice(change.from, change.to)).toBe('{--over--}{>>why?<<}');
    expect(change.insert).toBe('over');
    expect(resolveMark(marks[0]!, 'accept')).toMatchObject({ insert: 'swift' });
  });

  it('leaves text without marks untouched', () => {
    const plain = '# Title\n\nNo {suggestions} here -- really ++ ok.\n';
    expect(acceptAll(plain)).toBe(plain);
    expect(rejectAll(plain)).toBe(plain);
  });
});
