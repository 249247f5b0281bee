import MarkdownIt from 'markdown-it';
import { renderMarkdown } from '../shared/markdown';
import { generateArticle } from './generate-article';
import { measure, ms, printTable } from './measure';

/** Full render of generated articles: Folio's unified pipeline against markdown-it, same run. */
export function renderBench(): void {
  const markdownIt = new MarkdownIt({ html: true, linkify: true });
  const rows: string[][] = [['article', 'unified p50', 'markdown-it p50', 'ratio']];
  for (const words of [2_000, 10_000, 100_000]) {
    const text = generateArticle(words);
    const runs = words >= 100_000 ? 3 : 10;
    const unified = measure(() => renderMarkdown(text), runs, 1);
    const peer = measure(() => markdownIt.render(text), runs, 1);
    rows.push([
      `${words / 1000}k words`,
      ms(unified.p50),
      ms(peer.p50),
      `${(unified.p50 / peer.p50).toFixed(1)}×`,
    ]);
  }
  console.log('\nFull render (the preview pipeline) against markdown-it');
  printTable(rows);
}
