import { describe, expect, it } from 'vitest';
import { countWords, readArticleSummary, summarizeArticle, summarizeStart } from '../../shared/article-meta';
import { findFrontmatter } from '../../shared/frontmatter/find-block';
import { countWordsInUtf8 } from '../../shared/utf8-word-count';
import { slugify } from '../../shared/slug';
import { randomArticle } from '../helpers/random-article';
import { seededRandom } from '../helpers/seeded-random';

const at = new Date('2026-01-01T00:00:00Z');

describe('article summaries', () => {
  it('takes the title from frontmatter, then the first H1 outside code, then the file name', () => {
    expect(summarizeArticle('a.md', '---\ntitle: Set\n---\n# Not this\n', at).title).toBe('Set');
    expect(summarizeArticle('a.md', '```sh\n# comment\n```\n\n# Real {#id}\n', at).title).toBe('Real');
    expect(summarizeArticle('a.md', 'My *setext* title\n=====\n', at).title).toBe('My setext title');
    expect(summarizeArticle('a.md', '# snake_case_name\n', at).title).toBe('snake_case_name');
    expect(summarizeArticle('dir/My Post.markdown', 'text\n', at).title).toBe('My Post');
  });

  it('reads TOML frontmatter and treats draft: true as a draft', () => {
    const summary = summarizeArticle(
      'a.md',
      '+++\ntitle = "Hugo"\ndraft = true\ndate = 2024-01-02\n+++\n',
      at,
    );
    expect(summary).toMatchObject({ title: 'Hugo', status: 'draft', date: '2024-01-02' });
  });

  it('reports invalid frontmatter with a line and column and keeps listing the file', () => {
    const summary = summarizeArticle('a.md', '---\ntitle: [unclosed\n---\n# Fallback\n', at);
    expect(summary.title).toBe('Fallback');
    expect(summary.problems[0]).toMatch(/Invalid frontmatter at line \d+, column \d+/);
    const duplicate = summarizeArticle('a.md', '---\ntitle: a\ntitle: b\n---\n', at);
    expect(duplicate.problems[0]).toMatch(/Invalid frontmatter/);
  });

  it('keeps yes/no as strings (YAML 1.2) and reads tags as a list or a comma string', () => {
    expect(summarizeArticle('a.md', '---\ntitle: yes\ntags: a, b\n---\n', at)).toMatchObject({
      title: 'yes',
      tags: ['a', 'b'],
    });
  });
});

describe('word counts from the whole file', () => {
  it('gives the body the same count as counting the body itself, whatever the block and endings', () => {
    const texts = [
      '---\ntitle: Words in the title\ntags: [a, b]\n---\nFour words right here.\n',
      '---\ntitle: x\n---',
      '---\ntitle: x\n---\n',
      '---\ntitle: x\n---\nno-final newline',
      '+++\ntitle = "TOML words"\n+++\nTwo words\n',
      '---\ntitle: [unclosed\n---\nBroken block, body still counts.\n',
      'No frontmatter at all, just don’t stop.\n',
      '---\r\ntitle: CRLF title\r\n---\r\nBody with CRLF endings.\r\n',
      '\ufeff---\ntitle: BOM\n---\nAfter a BOM.\n',
      '---\ntitle: Здравствуй мир\n---\n日本語 and 𝑥-ray e-mail.\n',
      '---\ntitle: ends-with-joiner-\n---\n-starts with one\n',
    ];
    for (const raw of texts) {
      // As the library reads a file: the text without BOM and with `\n` endings.
      const text = raw.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
      const fromBytes = readArticleSummary('a.md', text, at, countWordsInUtf8(Buffer.from(raw, 'utf8')));
      expect(fromBytes.summary.words, raw).toBe(summarizeArticle('a.md', text, at).words);
    }
  });
});

describe('summaries from the start of an article', () => {
  it('equal the whole text’s summary, or say they cannot tell, wherever the start is cut', () => {
    const random = seededRandom(5);
    let told = 0;
    for (let seed = 0; seed < 1500; seed++) {
      const bytes = randomArticle(seed);
      const text = bytes
        .toString('utf8')
        .replace(/^\ufeff/, '')
        .replace(/\r\n?/g, '\n');
      // (The scan decodes a text that starts with a second BOM whole.)
      if (text.startsWith('\ufeff')) continue;
      const whole = readArticleSummary('a/b.md', text, at);
      const block = whole.bodyFrom > 0 ? findFrontmatter(text) : null;
      // The body's first lines, cut after a random line (or all of it).
      const body = text.slice(whole.bodyFrom);
      const cut = random() < 0.2 ? body.length : body.lastIndexOf('\n', Math.floor(random() * 3000)) + 1;
      const words = countWords(body);
      const start = summarizeStart('a/b.md', block, body.slice(0, cut), cut === body.length, at, words);
      // Without the excerpt, as `folio list` reads: the same, but for the excerpt left empty.
      let decoded = false;
      const bodyStart = (): string => {
        decoded = true;
        return body.slice(0, cut);
      };
      const listed = summarizeStart(
        'a/b.md',
        block,
        bodyStart,
        cut === body.length,
        at,
        words,
        undefined,
        false,
      );
      if (start) expect(listed, text).not.toBeNull();
      if (listed) {
        expect(listed.summary, text).toEqual({ ...whole.summary, excerpt: '' });
        expect(listed.schemaData, text).toEqual(whole.schemaData);
        // The body's start is decoded only to look for a title there.
        const data = listed.schemaData;
        if (typeof data?.title === 'string' && data.title.trim() !== '') expect(decoded, text).toBe(false);
        if (!block) expect(decoded, text).toBe(true);
      }
      if (!start) continue;
      told++;
      expect(start.summary, text).toEqual(whole.summary);
      expect(start.schemaData, text).toEqual(whole.schemaData);
    }
    expect(told).toBeGreaterThan(500);
  });
});

describe('slugs', () => {
  it('folds accents, keeps other scripts and joins words with dashes', () => {
    expect(slugify('Über die Brücke: Notes!')).toBe('uber-die-brucke-notes');
    expect(slugify("Writer's block")).toBe('writers-block');
    expect(slugify('Ελληνικά κείμενα')).toBe('ελληνικα-κειμενα');
    expect(slugify('!!!')).toBe('');
  });
});
