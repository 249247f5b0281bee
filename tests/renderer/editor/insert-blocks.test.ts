import { describe, expect, it } from 'vitest';
import {
  insertCodeBlock,
  insertHorizontalRule,
  insertTable,
  tableTemplate,
} from '../../../renderer/src/editor/insert-blocks';
import { run, stateOf } from './cursor-markers';

describe('insertCodeBlock', () => {
  it('inserts an empty fenced block after the current line with a blank line before it', () => {
    expect(run(insertCodeBlock, 'text|')).toBe('text\n\n```\n|\n```');
  });
  it('replaces a blank line and keeps a blank line before the next paragraph', () => {
    expect(run(insertCodeBlock, 'a\n|\nb')).toBe('a\n\n```\n|\n```\n\nb');
  });
  it('wraps the selected lines and leaves the cursor ready for the language', () => {
    expect(run(insertCodeBlock, '«let a = 1;\nlet b = 2;»')).toBe('```|\nlet a = 1;\nlet b = 2;\n```');
  });
  it('uses a longer fence when the code contains backticks', () => {
    expect(run(insertCodeBlock, '«say ```hi```»')).toBe('````|\nsay ```hi```\n````');
  });
});

describe('insertHorizontalRule', () => {
  it('keeps a blank line before the rule so the text above does not become a heading', () => {
    expect(run(insertHorizontalRule, 'text|')).toBe('text\n\n---\n|');
  });
  it('replaces a blank line between paragraphs', () => {
    expect(run(insertHorizontalRule, 'a\n\n|\n\nb')).toBe('a\n\n---\n|\n\nb');
  });
});

describe('insertTable', () => {
  it('inserts a table on its own lines with the first header selected', () => {
    let state = stateOf('Intro\nNext');
    state = state.update({ selection: { anchor: 2 } }).state;
    insertTable({ state, dispatch: (tr) => (state = tr.state) });
    expect(state.doc.toString()).toBe(`Intro\n\n${tableTemplate}\n\nNext`);
    expect(state.sliceDoc(state.selection.main.from, state.selection.main.to)).toBe('Column 1');
  });
});
