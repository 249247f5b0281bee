import { describe, expect, it } from 'vitest';
import { insertLink, isLinkUrl } from '../../../renderer/src/editor/link-command';
import { run } from './cursor-markers';

describe('insertLink', () => {
  it('wraps the selection with the clipboard URL and puts the cursor after the link', () => {
    expect(run(insertLink('https://example.com/a'), 'see «the docs» now')).toBe(
      'see [the docs](https://example.com/a)| now',
    );
  });
  it('leaves the cursor in the parentheses when the clipboard holds no URL', () => {
    expect(run(insertLink('just some words'), 'see «the docs»')).toBe('see [the docs](|)');
    expect(run(insertLink(null), '«docs»')).toBe('[docs](|)');
  });
  it('turns a selected URL into a link waiting for its text', () => {
    expect(run(insertLink(null), 'go «https://example.com»')).toBe('go [|](https://example.com)');
  });
  it('inserts an empty link at a cursor', () => {
    expect(run(insertLink('https://x.org'), 'a |')).toBe('a [|](https://x.org)');
  });
  it('never takes a javascript: URL from the clipboard', () => {
    expect(run(insertLink('javascript:alert(1)'), '«x»')).toBe('[x](|)');
  });
});

describe('isLinkUrl', () => {
  it('accepts http, https and mailto and nothing else', () => {
    expect(isLinkUrl(' https://example.com/path?q=1 ')).toBe(true);
    expect(isLinkUrl('mailto:a@b.c')).toBe(true);
    expect(isLinkUrl('ftp://example.com')).toBe(false);
    expect(isLinkUrl('https://a b')).toBe(false);
  });
});
