import { describe, expect, it } from 'vitest';
import {
  setHeading,
  setParagraph,
  toggleBulletList,
  toggleOrderedList,
  toggleQuote,
  toggleTaskList,
} from '../../../renderer/src/editor/block-formatting';
import { run } from './cursor-markers';

describe('setHeading', () => {
  it('makes the line a heading of the level, keeping the cursor on its text', () => {
    expect(run(setHeading(2), 'Intro|duction')).toBe('## Intro|duction');
  });
  it('replaces another heading level', () => {
    expect(run(setHeading(3), '# Ti|tle')).toBe('### Ti|tle');
  });
  it('turns a heading of the same level back into a paragraph', () => {
    expect(run(setHeading(1), '# Ti|tle')).toBe('Ti|tle');
  });
  it('applies to every selected line', () => {
    expect(run(setHeading(6), '«a\nb»')).toBe('###### «a\n###### b»');
  });
});

describe('setParagraph', () => {
  it('removes the heading marker', () => {
    expect(run(setParagraph, '#### Ti|tle')).toBe('Ti|tle');
    expect(run(setParagraph, 'plain|')).toBe('plain|');
  });
});

describe('toggleBulletList', () => {
  it('adds a bullet to each non-blank selected line', () => {
    expect(run(toggleBulletList, '«one\n\ntwo»')).toBe('- «one\n\n- two»');
  });
  it('removes the bullets when every line has one', () => {
    expect(run(toggleBulletList, '«- one\n- two»')).toBe('«one\ntwo»');
  });
  it('replaces a numbered marker and keeps the indentation', () => {
    expect(run(toggleBulletList, '  1. it|em')).toBe('  - it|em');
  });
  it('starts a list on an empty line', () => {
    expect(run(toggleBulletList, '|')).toBe('- |');
  });
});

describe('toggleOrderedList', () => {
  it('numbers the selected lines', () => {
    expect(run(toggleOrderedList, '«a\n- b\nc»')).toBe('1. «a\n2. b\n3. c»');
  });
  it('removes the numbers when every line has one', () => {
    expect(run(toggleOrderedList, '«1. a\n2) b»')).toBe('«a\nb»');
  });
});

describe('toggleTaskList', () => {
  it('makes tasks of plain and bulleted lines', () => {
    expect(run(toggleTaskList, '«a\n- b»')).toBe('- [ ] «a\n- [ ] b»');
  });
  it('removes task markers, checked ones too', () => {
    expect(run(toggleTaskList, '«- [x] done\n- [ ] todo»')).toBe('«done\ntodo»');
  });
});

describe('toggleQuote', () => {
  it('quotes every selected line, blank ones too so the quote stays one block', () => {
    expect(run(toggleQuote, '«a\n\nb»')).toBe('> «a\n>\n> b»');
  });
  it('unquotes when every line is quoted', () => {
    expect(run(toggleQuote, '> quo|ted')).toBe('quo|ted');
  });
  it('does not include a line the selection merely reaches the start of', () => {
    expect(run(toggleQuote, '«a\n»b')).toBe('> «a\n»b');
  });
});
