import type { ArticleSummary } from '../shared/contract';
import { buildTree, type SortKey } from '../renderer/src/library/library-tree';
import { visibleRows } from '../renderer/src/library/tree-navigation';
import { measure, ms, printTable } from './measure';
import { seededRandom } from './seeded-random';

/** Articles in the synthetic library (`FOLIO_BENCH_ARTICLES` overrides). */
const articleCount = Math.max(100, Number(process.env.FOLIO_BENCH_ARTICLES ?? 10_000));

/** Summaries as the service lists them, spread over two levels of folders. */
function summaries(count: number): { articles: ArticleSummary[]; folders: string[] } {
  const random = seededRandom(3);
  const words = ['river', 'Market', 'evening', 'Draft', 'chapter', 'éclair', 'garden', 'letter', 'zebra'];
  const statuses = ['draft', 'review', 'published', null] as const;
  const folders = new Set<string>();
  const articles: ArticleSummary[] = [];
  for (let i = 0; i < count; i++) {
    const top = `section-${Math.floor(random() * 40)}`;
    const folder = random() < 0.3 ? `${top}/part-${Math.floor(random() * 8)}` : top;
    folders.add(top).add(folder);
    const title = Array.from({ length: 3 }, () => words[Math.floor(random() * words.length)]).join(' ');
    articles.push({
      path: `${folder}/article-${i}.md`,
      title: `${title} ${i}`,
      status: statuses[i % 4]!,
      tags: [],
      date: null,
      updated: new Date(Date.UTC(2026, 0, 1) + Math.floor(random() * 3e10)).toISOString(),
      words: 500,
      excerpt: '',
      problems: [],
    });
  }
  return { articles, folders: [...folders] };
}

/**
 * The library pane's own work for one sort change over a big library: build the folder tree
 * (filter, group, sort, count) and flatten it into rows. The peer is the least any sorted list
 * must do: sort the same summaries by title with one collator. The DOM side (only a window of
 * rows is rendered) is measured in Chromium by `bench/library-pane.browser.ts`.
 */
export function libraryPaneBench(): void {
  const { articles, folders } = summaries(articleCount);
  const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
  const peer = measure(() => [...articles].sort((a, b) => collator.compare(a.title, b.title)), 9);
  const rows: string[][] = [['library pane', `${articleCount} articles`, 'p50', 'p95', 'vs peer']];
  rows.push(['peer: sort by title', '', ms(peer.p50), ms(peer.p95), '1.0×']);
  // What the pane did before: localeCompare with options builds a collator per comparison.
  const perCall = measure(
    () =>
      [...articles].sort((a, b) =>
        a.title.localeCompare(b.title, undefined, { sensitivity: 'base', numeric: true }),
      ),
    3,
    1,
  );
  rows.push([
    'localeCompare with options',
    '',
    ms(perCall.p50),
    ms(perCall.p95),
    `${(perCall.p50 / peer.p50).toFixed(1)}×`,
  ]);
  for (const sort of ['title', 'updated', 'status'] as SortKey[]) {
    const timing = measure(
      () => visibleRows(buildTree(articles, folders, sort, { status: null, tag: null }), new Set()),
      9,
    );
    rows.push([
      `tree + rows, sort by ${sort}`,
      '',
      ms(timing.p50),
      ms(timing.p95),
      `${(timing.p50 / peer.p50).toFixed(1)}×`,
    ]);
  }
  printTable(rows);
}
