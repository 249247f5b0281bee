import { randomArticle } from './random-article';
import { writeFiles } from './temp-dir';

/**
 * Writes a library under `root` holding every kind of file a listing meets: YAML that the fast
 * readers read and YAML only the full parser reads, invalid YAML, TOML, CRLF, a BOM, no
 * frontmatter, an empty file, a binary one, one that is not UTF-8, a nested name, a large
 * article, a schema whose rules some articles break, and `randomArticles` random articles.
 */
export async function writeMixedLibrary(root: string, randomArticles = 300): Promise<void> {
  const files: Record<string, string | Buffer> = {
    '.folio/schema.yaml': 'fields:\n  title: { required: true }\n  summary: { type: text, maxLength: 20 }\n',
    'simple.md':
      '---\ntitle: Simple\nstatus: draft\ntags: [a, b]\ndate: 2024-05-01\n---\n# Heading\n\nBody text.\n',
    'complex-yaml.md':
      '---\ntitle: "Escaped \\"quote\\""\nanchor: &a 1\nalias: *a\nnested:\n  deep: [1, 2]\n---\nBody.\n',
    'breaks-schema.md': '---\nsummary: A summary far longer than twenty characters\n---\nNo title.\n',
    'invalid-yaml.md': '---\ntitle: [unclosed\n---\n# Fallback title\n',
    'toml.md': '+++\ntitle = "Hugo"\ndraft = true\ndate = 2024-01-02T10:00:00+02:00\n+++\nToml body.\n',
    'crlf.md': '---\r\ntitle: Windows\r\n---\r\nLine one.\r\nLine two.\r\n',
    'bom.md': '\ufeff---\ntitle: With BOM\n---\nAfter the BOM.\n',
    'no-frontmatter.md': 'Setext title\n============\n\nPlain note.\n',
    'empty.md': '',
    'binary.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0xff, 0x00]),
    'latin1.md': Buffer.from('---\ntitle: caf\xe9\n---\nna\xefve\n', 'latin1'),
    'deep/er/still/nested name.markdown': '# Nested\n\nUnicode café and 日本語.\n',
    'large.md': `# Large\n\n${'A long paragraph of words, don’t stop. '.repeat(40_000)}\n`,
  };
  for (let seed = 0; seed < randomArticles; seed++)
    files[`random/${seed % 9}/article-${seed}.md`] = randomArticle(seed);
  await writeFiles(root, files);
}
