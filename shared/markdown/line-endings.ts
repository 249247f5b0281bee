/**
 * How many line endings a text holds, as micromark counts them: `\r\n`, a lone `\r` and `\n`
 * each end a line (the source lines the preview shows are micromark's). Apart from
 * article-text.ts, whose rope the main process must not load (see index.ts).
 */
export function countLines(text: string): number {
  let count = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (char === 10 || (char === 13 && text.charCodeAt(index + 1) !== 10)) count++;
  }
  return count;
}
