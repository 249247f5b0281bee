import { commentEnd } from './raw-html-tags';

/**
 * Where a long HTML block can be cut into parts that each parse alone as it does in the whole.
 *
 * CommonMark keeps an HTML block that starts with a block-level tag (`<div`, `<dl`, `<h3`: its
 * "type 6") raw until the next blank line, and the HTML parser reads its text as one stream. A
 * line inside it that itself starts with such a tag would start an HTML block of the same kind
 * when read alone, running to the same blank line, and can even break into a paragraph. So,
 * when no tag or comment spans the line break, the block's text split there is the same raw
 * stream, and the HTML parser sees the same tokens. Generated API references written in raw
 * HTML (`</dd></dl>` and the next `<h3>…<dl>` on the following lines, with no blank line for
 * pages on end) then become many small parts instead of one block of tens of kilobytes, which
 * the incremental renderer groups only where raw HTML is still open (`groupOpenHtml`).
 */

/** Block-level tags: a line starting with one starts an HTML block ended by a blank line. */
const blockTags = new Set(
  (
    'address article aside base basefont blockquote body caption center col colgroup dd details ' +
    'dialog dir div dl dt fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 ' +
    'head header hr html iframe legend li link main menu menuitem nav noframes ol optgroup option ' +
    'p param search section summary table tbody td tfoot th thead title tr track ul'
  ).split(' '),
);

/** A block-level tag's name ends at white space, `>`, `/>` or the line's end; `<dl/d>` is no tag. */
const blockTagLine = /^ {0,3}<\/?([a-zA-Z][a-zA-Z0-9]*)(?=[ \t>]|\/>|$)/;

/** HTML blocks that end at a marker, not at a blank line: `<pre`, `<script`, comments and the rest. */
const markerEnded = /^ {0,3}(?:<(?:script|pre|style|textarea)(?=[ \t>]|$)|<!--|<\?|<![A-Za-z]|<!\[CDATA\[)/i;

/** Whether `line` starts an HTML block that a blank line ends, and that may break into a paragraph. */
export function startsBlockTagLine(line: string): boolean {
  const match = blockTagLine.exec(line);
  return match !== null && blockTags.has(match[1]!.toLowerCase());
}

/**
 * For each line break of raw HTML, whether the HTML parser's tokenizer is between tags there (not
 * inside a tag, an attribute's quotes or a comment), read as `endsInsideTag` in raw-html-tags.ts
 * reads a tag: quotes open only after `=`.
 */
function breaksBetweenTags(value: string): Set<number> {
  const between = new Set<number>();
  let at = 0;
  while (at < value.length) {
    const char = value[at]!;
    if (char === '\n') {
      between.add(at);
      at++;
    } else if (char !== '<') {
      at++;
    } else if (value.startsWith('<!--', at)) {
      at = commentEnd(value, at);
      if (at === -1) return between;
    } else if (!/[a-zA-Z/!?]/.test(value[at + 1] ?? '')) {
      at++;
    } else {
      let index = at + 1;
      let quote: string | null = null;
      for (; index < value.length; index++) {
        const inTag = value[index]!;
        if (quote) {
          if (inTag === quote) quote = null;
        } else if (inTag === '"' || inTag === "'") {
          if (/=\s*$/.test(value.slice(at, index))) quote = inTag;
        } else if (inTag === '>') break;
      }
      if (index >= value.length) {
        // A tag left open at the end of the block is dropped, and the line break before it
        // merges with the one after the block into one text node, which the lines above keep:
        // a part cut at the tag's line would end without it.
        const lineBreak = value.lastIndexOf('\n', at);
        if (/^[ \t]*$/.test(value.slice(lineBreak + 1, at))) between.delete(lineBreak);
        return between;
      }
      at = index + 1;
    }
  }
  return between;
}

/**
 * Offsets in an HTML block's text (`value`, its lines without the final line break) where a
 * part may start (see above): starts of lines that begin with a block-level start tag, outside
 * any tag or comment. Empty for blocks that a marker ends.
 */
export function htmlBlockCuts(value: string): number[] {
  if (markerEnded.test(value) || !value.includes('\n')) return [];
  const between = breaksBetweenTags(value);
  const cuts: number[] = [];
  for (const at of between) {
    const start = at + 1;
    const line = value.slice(
      start,
      value.indexOf('\n', start) === -1 ? value.length : value.indexOf('\n', start),
    );
    // Not before an end tag: what it closes depends on what is open before it, anywhere above.
    if (startsBlockTagLine(line) && !/^ {0,3}<\//.test(line)) cuts.push(start);
  }
  return cuts;
}
