import { parse, parseDocument, stringify } from 'yaml';
import { applyEdits, setScalar } from '../shared/frontmatter';
import { measure, ms, printTable } from './measure';

function frontmatter(keys: number): string {
  const lines = ['---', '# generated for the benchmark', 'title: A title', 'tags: [one, two, three]'];
  for (let i = 0; i < keys; i++)
    lines.push(i % 3 === 0 ? `key_${i}: "quoted value ${i}" # note` : `key_${i}: value ${i}`);
  return `${lines.join('\n')}\n---\n\nBody.\n`;
}

/**
 * One form edit (set the title) with Folio's verified minimal splice, against what lossy form
 * editors do in the same run: parse the block, set the value and dump it again.
 */
export function frontmatterBench(): void {
  const rows: string[][] = [
    ['block', 'folio edit p50', 'parse+dump p50', 'Document set+toString p50', 'ratio to parse+dump'],
  ];
  for (const keys of [10, 100, 1000]) {
    const text = frontmatter(keys);
    const block = text.slice(4, text.indexOf('\n---\n') + 1);
    const runs = keys >= 1000 ? 5 : 15;
    const folio = measure(() => applyEdits(text, setScalar(text, 'title', 'Another title')), runs, 5);
    const dump = measure(() => stringify({ ...parse(block), title: 'Another title' }), runs, 5);
    const doc = measure(
      () => {
        const d = parseDocument(block);
        d.set('title', 'Another title');
        return d.toString();
      },
      runs,
      5,
    );
    rows.push([
      `${keys} keys`,
      ms(folio.p50),
      ms(dump.p50),
      ms(doc.p50),
      `${(folio.p50 / dump.p50).toFixed(1)}×`,
    ]);
  }
  console.log(
    '\nOne frontmatter form edit: verified minimal splice against load-and-dump (which loses comments)',
  );
  printTable(rows);
}
