import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLibraryService } from '../../../electron/library';
import { createSchemaMarks, headProblems } from '../../../electron/library/schema-marks';
import { summarizeArticle } from '../../../shared/article-meta';
import { builtinSchema, parseSchema } from '../../../shared/frontmatter';
import { useTempDirs, writeFiles } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

async function library(files: Record<string, string>) {
  const root = await tempDir();
  await writeFiles(root, files);
  const service = await createLibraryService({
    root,
    host: { appDataDir: path.join(await tempDir(), 'data') },
    watch: false,
  });
  return { root, service };
}

describe('schema marks in the library listing', () => {
  it('marks articles that break the built-in schema when the library has no schema file', async () => {
    const { service } = await library({
      'fine.md': '---\ntitle: Fine\nstatus: draft\ndate: May 1, 2024\nslug: fine-post\n---\nBody\n',
      'bad.md': '---\ntitle: Bad\nstatus: gone\ndate: 2024-13-45\nslug: Not A Slug\n---\nBody\n',
      'plain.md': '# No frontmatter\n',
      'toml.md': '+++\nstatus = "gone"\n+++\n',
      'broken.md': '---\ntitle: [unclosed\n---\n',
    });
    const articles = await service.listArticles({});
    const problems = (name: string): readonly string[] => articles.find((a) => a.path === name)!.problems;
    expect(problems('fine.md')).toEqual([]);
    expect(problems('plain.md')).toEqual([]);
    expect(problems('toml.md')).toEqual([]);
    expect(problems('bad.md')).toEqual([
      'Date should be a date like 2024-05-31 (found “2024-13-45”).',
      'Status should be one of draft, review, published.',
      'Slug does not have the expected form.',
    ]);
    // Unreadable YAML keeps its one parser message, without schema marks on top.
    expect(problems('broken.md')).toHaveLength(1);
    expect(problems('broken.md')[0]).toMatch(/^Invalid frontmatter at line \d+, column \d+/);
    await service.close();
  });

  it('re-checks only articles whose frontmatter changed when the listing is asked again', () => {
    const seen: string[] = [];
    const mark = createSchemaMarks((head, schema) => {
      seen.push(head);
      return headProblems(head, schema);
    });
    const texts: Record<string, string> = {
      'a.md': '---\nstatus: gone\n---\nBody A\n',
      'b.md': '---\nstatus: draft\n---\nBody B\n',
    };
    const list = (schema = builtinSchema) =>
      mark(
        Object.entries(texts).map(([p, t]) => summarizeArticle(p, t, new Date(0))),
        (p) => texts[p]!.slice(0, texts[p]!.indexOf('---\n', 4) + 4),
        schema,
      );
    expect(list()[0]!.problems).toEqual(['Status should be one of draft, review, published.']);
    expect(seen).toHaveLength(2);
    list();
    expect(seen).toHaveLength(2);
    texts['b.md'] = '---\nstatus: draft\n---\nBody B, edited\n';
    list();
    expect(seen).toHaveLength(2); // the body changed, not the frontmatter
    texts['b.md'] = '---\nstatus: review\n---\nBody B\n';
    list();
    expect(seen).toHaveLength(3);
    const custom = parseSchema('fields:\n  title: { required: true }\n').schema;
    expect(list(custom)[1]!.problems).toEqual(['Title is required.']);
    expect(seen).toHaveLength(5); // a new schema checks everything again
  });

  it('checks the data the scan already read instead of parsing the head again', () => {
    const mark = createSchemaMarks();
    const text = '---\nstatus: draft\n---\nBody\n';
    const summaries = [
      summarizeArticle('a.md', text, new Date(0)),
      summarizeArticle('t.md', text, new Date(0)),
    ];
    const data: Record<string, Readonly<Record<string, unknown>> | null> = {
      'a.md': { status: 'gone' },
      't.md': null,
    };
    const [a, t] = mark(
      summaries,
      () => '---\nstatus: draft\n---\n',
      builtinSchema,
      (p) => data[p],
    );
    expect(a!.problems).toEqual(['Status should be one of draft, review, published.']);
    expect(t!.problems).toEqual([]); // null: TOML or unreadable YAML, never schema-checked
  });
});
