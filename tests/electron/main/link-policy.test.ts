import { describe, expect, it } from 'vitest';
import { classifyLink } from '../../../electron/main/link-policy';

describe('the link policy', () => {
  it('sends http, https and mailto to the system browser with their host', () => {
    expect(classifyLink('https://example.com/a?b')).toEqual({
      kind: 'external',
      url: 'https://example.com/a?b',
      host: 'example.com',
    });
    expect(classifyLink('http://example.com:8080')).toMatchObject({
      kind: 'external',
      host: 'example.com:8080',
    });
    expect(classifyLink('mailto:editor@example.com')).toMatchObject({
      kind: 'external',
      host: 'editor@example.com',
    });
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'java\nscript:alert(1)',
    'file:///etc/passwd',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:x',
    '//evil.example/x',
    '\\\\server\\share',
    'smb://server/share',
    'https://',
    'image.png',
  ])('blocks %j', (href) => {
    expect(classifyLink(href).kind).toBe('blocked');
  });

  it('opens relative links to articles in Folio, confined to the library', () => {
    expect(classifyLink('other.md#part', 'notes/this.md')).toEqual({
      kind: 'article',
      path: 'notes/other.md',
      fragment: 'part',
    });
    expect(classifyLink('../top%20level.md', 'notes/this.md')).toMatchObject({ path: 'top level.md' });
    expect(classifyLink('../../escape.md', 'notes/this.md').kind).toBe('blocked');
  });
});
