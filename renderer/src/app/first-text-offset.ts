import { findFrontmatter } from '../../../shared/frontmatter';

/**
 * Where the writing starts in an article: the first line after the frontmatter and the title
 * heading that is not blank (the text's length when there is none). The first start puts the
 * cursor there, so that typing goes into the text rather than into the YAML.
 */
export function firstTextOffset(text: string): number {
  let at = findFrontmatter(text)?.to ?? 0;
  let passedTitle = false;
  while (at < text.length) {
    const end = text.indexOf('\n', at);
    const lineEnd = end === -1 ? text.length : end;
    const line = text.slice(at, lineEnd);
    const blank = line.trim() === '';
    const title = !passedTitle && /^ {0,3}#{1,6}(\s|$)/.test(line);
    if (!blank && !title) return at;
    if (title) passedTitle = true;
    at = lineEnd + 1;
  }
  return text.length;
}
