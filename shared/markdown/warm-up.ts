import { planChunks } from './chunk-plan';
import { renderChunk } from './chunk-render';

/** One section of the warm-up text: the constructs long articles are made of, numbered by `n`. */
function section(n: number): string {
  return [
    `## Section ${n}: on *drafting* and **revising**`,
    '',
    `Paragraph ${n} has *emphasis*, **strong text**, \`inline code\`, a [link to a note](notes/n-${n}.md#top),`,
    `an [anchor](#section-${n}) and a [reference][ref-${n}], a footnote[^note-${n}], a bare`,
    `<https://example.com/${n}> and www.example.org/${n}, ~~struck~~ words and $x_${n}^2 + y$, then`,
    `a line that wraps on to the next one with a hard break  `,
    `and {++an addition++} and {--a deletion--} marked for review.`,
    '',
    `- a first item with \`code\` and _emphasis_`,
    `- a second item with [a link](https://example.com/${n})`,
    `  - a nested item`,
    `- [ ] a task`,
    `- [x] a done task`,
    '',
    `1. first`,
    `2. second`,
    '',
    `> A quotation ${n}, with *emphasis*`,
    `> over two lines.`,
    '',
    '```js',
    `const value${n} = compute(${n}, 'text'); // a comment`,
    `function compute(a, b) { return a + b.length; }`,
    '```',
    '',
    `| Column | Value ${n} |`,
    `| ------ | -------: |`,
    `| *one*  | ${n} |`,
    `| two    | \`${n * 2}\` |`,
    '',
    '$$',
    `\\int_0^${n} x\\,dx`,
    '$$',
    '',
    `![A figure ${n}](images/figure-${n}.png "Figure ${n}")`,
    '',
    `[ref-${n}]: https://example.com/ref/${n} "Reference ${n}"`,
    `[^note-${n}]: The note of section ${n}, with *emphasis*.`,
    '',
  ].join('\n');
}

/** The warm-up text: about 12 KB, every construct of a long article a dozen times. */
export function warmUpText(): string {
  return `# Warm-up\n\n${Array.from({ length: 12 }, (_, i) => section(i + 1)).join('\n')}`;
}

/**
 * Renders {@link warmUpText} in chunks, as a split render's worker renders an article's, so that
 * a thread's first real work runs on code the JIT has already optimised: a worker that renders
 * chunks of a long article straight after loading took about a tenth longer than one that
 * had rendered this first (the 100k-word article's export with a fresh worker: p50 1.66 s
 * against 1.51 s, 15 and 21 runs). Costs about 0.15 s of the calling thread; the result is
 * dropped.
 */
export function warmUpPipeline(): void {
  const plan = planChunks(warmUpText(), { chunkSize: 4_000 });
  for (const chunk of plan?.chunks ?? []) renderChunk(chunk);
}
