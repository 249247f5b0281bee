import { describe, expect, it } from 'vitest';
import { readExportMetadata } from '../../../shared/export';

const fallback = { heading: 'From heading', path: 'notes/file-name.md' };

describe('readExportMetadata', () => {
  it('reads title, description, authors, dates, lang, canonical, image and tags', () => {
    const meta = readExportMetadata(
      {
        title: ' T ',
        description: 'D',
        authors: [{ name: 'Ada' }, 'Grace'],
        date: '2024-01-02',
        updated: '2024-02-03',
        lang: 'de-CH',
        canonical_url: 'https://example.com/t',
        cover: 'https://example.com/c.png',
        tags: 'a, b',
        status: 'Draft',
      },
      fallback,
    );
    expect(meta).toEqual({
      title: 'T',
      titleSource: 'frontmatter',
      description: 'D',
      authors: ['Ada', 'Grace'],
      date: '2024-01-02',
      updated: '2024-02-03',
      lang: 'de-CH',
      canonical: 'https://example.com/t',
      image: 'https://example.com/c.png',
      tags: ['a', 'b'],
      draft: true,
    });
  });

  it('falls back to the first heading, then the file name', () => {
    expect(readExportMetadata({}, fallback)).toMatchObject({ title: 'From heading', titleSource: 'heading' });
    expect(readExportMetadata({ title: '' }, { heading: null, path: 'a/b.md' })).toMatchObject({
      title: 'b',
      titleSource: 'file',
    });
  });

  it('refuses unsafe URLs, odd languages and values that are not text', () => {
    const meta = readExportMetadata(
      {
        lang: 'en" onload="x',
        canonical: 'javascript:alert(1)',
        image: '//evil.example/x.png',
        title: { nested: true },
        author: 42,
        tags: [{}, null, 'ok'],
      },
      fallback,
    );
    expect(meta).toMatchObject({
      lang: 'en',
      canonical: null,
      image: null,
      title: 'From heading',
      tags: ['ok'],
    });
    expect(meta.authors).toEqual(['42']);
  });
});
