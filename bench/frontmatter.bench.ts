import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import { parse, stringify } from 'yaml';
import { createSchemaMarks } from '../electron/library/schema-marks';
import { summarizeArticle } from '../shared/article-meta';
import { applyEdits, builtinSchema, readFrontmatter, setScalar } from '../shared/frontmatter';
import { measure, ms, printTable } from './measure';

function frontmatter(keys: number, title = 'A title', last = ''): string {
  const lines = ['---', '# generated for the benchmark', `title: ${title}`, 'tags: [one, two, three]'];
  for (let i = 0; i < keys; i++)
    lines.push(i % 3 === 0 ? `key_${i}: "quoted value ${i}" # note` : `key_${i}: value ${i}`);
  return `${lines.join('\n')}${last}\n---\n\nBody.\n`;
}

/**
 * One form edit (set the title) with Folio's verified minimal splice, against a plain `yaml`
 * parse of the same block (the least any checked edit could cost) and against what lossy form
 * editors do in the same run: parse the block, set the value and dump it again.
 *
 * - "edit after the form read it": the form has just read the current text (it does on every
 *   change), so the engine reuses that parse and verifies by parsing the edited pair alone.
 * - "edit, cold": a text nobody parsed yet (the CLI): one full parse plus the pair check.
 * - "keystroke in the form": what one typed character costs in all: the edit, then the form
 *   reading the new text again (which re-parses only the changed pair and reuses the rest).
 */
export function frontmatterBench(): void {
  const rows: string[][] = [
    [
      'block',
      'yaml parse p50',
      'edit after the form read it',
      'edit, cold',
      'keystroke in the form',
      'parse+dump (lossy)',
    ],
  ];
  for (const keys of [10, 100, 1000]) {
    // Texts that differ in two keys, so no recent parse of a neighbour can be reused: cold.
    const texts = Array.from({ length: 8 }, (_, i) => frontmatter(keys, `A title ${i}`, ` ${i}`));
    const text = texts[0]!;
    const block = text.slice(4, text.indexOf('\n---\n') + 1);
    const runs = keys >= 1000 ? 9 : 25;
    const plain = measure(() => parse(block), runs, 3);
    readFrontmatter(text);
    const warm = measure(() => applyEdits(text, setScalar(text, 'title', 'Another title')), runs, 3);
    let i = 0;
    const cold = measure(
      () => {
        const t = texts[i++ % texts.length]!;
        return applyEdits(t, setScalar(t, 'title', 'Another title'));
      },
      runs,
      3,
    );
    // A typed character: the edit on the text the form shows, then the form reads the result.
    let current = frontmatter(keys, 'A');
    readFrontmatter(current);
    const keystroke = measure(
      () => {
        const title = readFrontmatter(current).fields.find((f) => f.key === 'title')!.value as string;
        current = applyEdits(current, setScalar(current, 'title', `${title}a`));
        return readFrontmatter(current);
      },
      runs,
      3,
    );
    const dump = measure(() => stringify({ ...parse(block), title: 'Another title' }), runs, 3);
    const ratio = (value: number): string => `${(value / plain.p50).toFixed(2)}×`;
    rows.push([
      `${keys} keys`,
      ms(plain.p50),
      `${ms(warm.p50)} (${ratio(warm.p50)})`,
      `${ms(cold.p50)} (${ratio(cold.p50)})`,
      `${ms(keystroke.p50)} (${ratio(keystroke.p50)})`,
      `${ms(dump.p50)} (${ratio(dump.p50)})`,
    ]);
  }
  console.log(
    '\nOne frontmatter form edit (ratios to a plain `yaml` parse of the block, measured in this run)',
  );
  printTable(rows);
  schemaMarksBench();
}

/**
 * The library pane's schema marks on 10,000 articles: the first listing checks every article,
 * later listings reuse the memo except for changed frontmatter. The peer is the least a check
 * needs: one js-yaml parse of each block.
 */
function schemaMarksBench(): void {
  const statuses = ['draft', 'review', 'published', 'gone'];
  const heads = Array.from(
    { length: 10_000 },
    (_, n) =>
      `---\ntitle: Article ${n}\nstatus: ${statuses[n % 4]}\ntags: [bench, t${n % 13}]\ndate: 2024-0${(n % 9) + 1}-1${n % 10}\n---\n`,
  );
  const summaries = heads.map((head, n) =>
    summarizeArticle(`a-${n}.md`, `${head}\nBody ${n}.\n`, new Date(0)),
  );
  const headOf = (p: string): string => heads[Number(p.slice(2, -3))]!;
  const peer = measure(() => heads.forEach((h) => loadYaml(h.slice(4, -4), { schema: CORE_SCHEMA })), 5, 1);
  const first = measure(() => createSchemaMarks()(summaries, headOf, builtinSchema), 5, 1);
  const mark = createSchemaMarks();
  mark(summaries, headOf, builtinSchema);
  let round = 0;
  const again = measure(
    () => {
      heads[7] = heads[7]!.replace(/title: [^\n]*/, `title: Changed ${round++}`);
      return mark(summaries, headOf, builtinSchema);
    },
    15,
    2,
  );
  console.log('\nLibrary schema marks (built-in schema) on 10,000 articles');
  printTable([
    ['measure', 'p50', 'ratio to peer'],
    ['peer: one js-yaml parse per article', ms(peer.p50), ''],
    ['first listing: check every article', ms(first.p50), `${(first.p50 / peer.p50).toFixed(2)}×`],
    ['next listing, one article changed (memo)', ms(again.p50), `${(again.p50 / peer.p50).toFixed(3)}×`],
  ]);
}
