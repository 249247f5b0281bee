/**
 * Generates a realistic article of about `words` words: frontmatter, headings, paragraphs with
 * emphasis and links, lists, tables, code blocks and footnotes. Deterministic for a given size.
 */
export function generateArticle(words: number, seed = 1): string {
  let state = seed;
  const random = (): number => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const vocabulary =
    'the draft editor article words page folio light quiet river story reader writer sentence paragraph margin ink paper evening morning city market idea argument source evidence chapter'.split(
      ' ',
    );
  const word = (): string => vocabulary[Math.floor(random() * vocabulary.length)]!;
  const sentence = (n: number): string => {
    const parts = Array.from({ length: n }, word);
    parts[0] = parts[0]!.charAt(0).toUpperCase() + parts[0]!.slice(1);
    if (n > 6) parts[3] = `*${parts[3]}*`;
    if (n > 9) parts[7] = `[${parts[7]}](https://example.com/${parts[7]})`;
    return `${parts.join(' ')}.`;
  };
  const out: string[] = ['---', 'title: Generated article', 'status: draft', 'tags: [bench]', '---', ''];
  let count = 0;
  let section = 0;
  let note = 0;
  while (count < words) {
    section++;
    out.push(`## Section ${section}`, '');
    for (let p = 0; p < 4 && count < words; p++) {
      const sentences = Array.from({ length: 4 }, () => sentence(8 + Math.floor(random() * 8)));
      if (random() < 0.2) sentences.push(`A claim.[^n${++note}]`);
      out.push(sentences.join(' '), '');
      count += sentences.join(' ').split(/\s+/).length;
    }
    const kind = section % 4;
    if (kind === 0) {
      out.push('- ' + sentence(6), '- ' + sentence(7), '  - ' + sentence(5), '- ' + sentence(6), '');
    } else if (kind === 1) {
      out.push('| Name | Value | Note |', '| --- | ---: | --- |');
      for (let r = 0; r < 4; r++) out.push(`| ${word()} | ${r * 7} | ${word()} ${word()} |`);
      out.push('');
    } else if (kind === 2) {
      out.push('```ts', 'export function f(x: number): number {', '  return x * 2;', '}', '```', '');
    } else {
      out.push('> ' + sentence(12), '');
    }
    count += 20;
  }
  for (let n = 1; n <= note; n++) out.push(`[^n${n}]: ${sentence(6)}`, '');
  return out.join('\n');
}
