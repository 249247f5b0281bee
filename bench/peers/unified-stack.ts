/**
 * The export bench's unified peer: the fixed stack as it comes (remark-parse with remark-gfm,
 * remark-frontmatter and remark-math, remark-rehype, rehype-stringify), turning Markdown into a
 * standalone HTML page, with nothing of Folio (no sanitizing, highlighting, math rendering or
 * theme). What it costs is the floor of any export built on this stack. Run as a command
 * (`node unified-stack.js <in.md> <out.html>`, from its bundle) it is the floor of a one-off
 * `folio export` too.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import rehypeStringify from 'rehype-stringify';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

const stack = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkFrontmatter, ['yaml', 'toml'])
  .use(remarkMath)
  .use(remarkRehype)
  .use(rehypeStringify)
  .freeze();

/** The page for `markdown`, as the bare stack makes it. */
export function unifiedStackPage(markdown: string): string {
  const body = String(stack.processSync(markdown));
  return `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>bench</title>\n</head>\n<body>\n${body}\n</body>\n</html>\n`;
}

const [input, output] = process.argv.slice(2);
if (input && output && path.resolve(process.argv[1] ?? '') === fileURLToPath(import.meta.url)) {
  writeFileSync(output, unifiedStackPage(readFileSync(input, 'utf8')));
}
