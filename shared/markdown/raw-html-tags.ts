import type { Html, Nodes as MdastNodes, RootContent as MdastContent } from 'mdast';
import { visit } from 'unist-util-visit';

/**
 * What the raw HTML of a top-level block opens and closes, read from its tags as the HTML parser
 * would nest them: which elements it leaves open for the blocks after it (cut-units.ts groups
 * such blocks), in which order, and whether it ends inside a tag.
 */

/** Elements without an end tag: they never leave anything open. */
export const voidElements = new Set(
  'area base br col embed hr img input link meta param source track wbr'.split(' '),
);

/**
 * Elements that inline HTML can leave open past the end of the paragraph, heading or cell that
 * holds it: formatting elements (the HTML parser opens them again in the next paragraph),
 * elements that close a paragraph and stay open, and elements whose content is raw text. Any
 * other element inside a paragraph is closed with the paragraph.
 */
export const couplingElements = new Set(
  (
    'a b big code em font i nobr s small strike strong tt u ' +
    'address article aside blockquote center details dialog dir div dl dd dt fieldset figcaption ' +
    'figure footer form h1 h2 h3 h4 h5 h6 header hgroup li listing main menu nav ol p pre search ' +
    'section summary table tbody thead tfoot tr td th caption colgroup ul ' +
    'applet button iframe marquee math noembed noframes noscript object plaintext script select ' +
    'style svg template textarea title xmp'
  ).split(' '),
);

/**
 * Elements whose tags close an open `<p>`: their start tags (the HTML parser's "close a p
 * element"), and their end tags when raw HTML above left the element open around the paragraph
 * (`<div>`, a blank line, then `Text</div><span>`). In a top-level paragraph, inline HTML after
 * one of them is no longer inside the paragraph: any element it opens stays open past the
 * paragraph's end (`The <div>x</div> y <COPYRIGHT HOLDER>` opens `copyright` around everything
 * after it). The blocks above are not read here, so an end tag is taken as closing the `<p>`
 * either way: a stray one at most groups more blocks than needed.
 */
const closesParagraph = new Set(
  (
    'address article aside blockquote center details dialog dir div dl dd dt fieldset figcaption ' +
    'figure footer form h1 h2 h3 h4 h5 h6 header hgroup li listing main menu nav ol p plaintext pre ' +
    'search section summary table ul xmp'
  ).split(' '),
);

/**
 * A tag as the HTML parser's tokenizer reads it: its name runs to white space, `/` or `>` (so
 * `<e</h>` is one start tag, of an element named `e<`), and a `/` not before `>` starts its
 * attributes; `/>` ends it self-closing.
 */
const tag = /<(\/?)([a-zA-Z][^\s/>]*)(?:\s[^>]*?|\/(?!>)[^>]*?)?(\/?)>/.source;

/**
 * Tags, comments, and what the tokenizer reads as neither: a `</` not followed by a letter, and a
 * `<!` or `<?` that starts no comment, start a bogus comment that runs to the next `>` (`</</b>`
 * and `<!x</b>` hold no end tag), a `<` before a space, digit, `=` or `<` is text. A comment not
 * closed in the text runs to its end (`<!-->` and `<!--->` are whole, empty comments).
 */
const tagPattern = new RegExp(
  `${tag}|<!---?>|<!--[\\s\\S]*?--!?>|<!--(?!-?>)[\\s\\S]*$|<![^<>]*>|<!(?!--)[^>]*>|<\\?[^>]*>|<\\/(?![a-zA-Z])[^>]*>|<(?=[\\s\\d=<]|$)`,
  'g',
);

/** A tag that counts in a block's raw HTML (see {@link countedTags}). */
interface CountedTag {
  readonly closing: boolean;
  /** Lowercase. */
  readonly name: string;
}

/**
 * The rule for which tags of a block's raw HTML count, read across its HTML nodes in order: the
 * reader it returns takes each match of {@link tag} (or of a pattern that starts with it, whose
 * other matches are no tags) with the HTML node it is in, and gives the tag when it counts. Void
 * and self-closing tags never count. Inline HTML counts only with the elements that can stay open
 * past its paragraph ({@link couplingElements}), and with every element once a top-level
 * paragraph's `<p>` was closed by its raw HTML (the reader keeps track of that).
 */
function countedTags(node: MdastContent): (html: Html, match: RegExpMatchArray) => CountedTag | null {
  let outside = false;
  return (html, match) => {
    const name = match[2]?.toLowerCase();
    if (!name || voidElements.has(name) || match[3]) return null;
    const closing = match[1] === '/';
    const inline = html !== node;
    if (inline && !outside && !couplingElements.has(name)) return null;
    if (inline && node.type === 'paragraph' && closesParagraph.has(name)) outside = true;
    return { closing, name };
  };
}

/**
 * The tags of a block's raw HTML that count (see {@link countedTags}), in order (see
 * {@link Block.tags}); `null` when some `<` starts no well-formed tag, comment or text.
 */
export function htmlTags(node: MdastContent): string[] | null {
  const tags: string[] = [];
  const counted = countedTags(node);
  let wellFormed = true;
  visit(node as MdastNodes, 'html', (html) => {
    let covered = 0;
    for (const match of html.value.matchAll(tagPattern)) {
      if (html.value.slice(covered, match.index).includes('<')) wellFormed = false;
      covered = match.index + match[0].length;
      const each = counted(html, match);
      if (each) tags.push(`${each.closing ? '-' : '+'}${each.name}`);
    }
    if (html.value.slice(covered).includes('<')) wellFormed = false;
  });
  return wellFormed ? tags : null;
}

/** Net count of elements the block's raw HTML leaves open (negative: closes earlier ones). */
export function htmlBalance(node: MdastContent): number {
  let balance = 0;
  const counted = countedTags(node);
  visit(node as MdastNodes, 'html', (html) => {
    // Tags inside a comment are text to the HTML parser: `<!-- <div align="center"> -->` above a
    // README's title opens nothing, where counting its `<div>` grouped every block after it.
    for (const match of html.value.matchAll(tagPattern)) {
      const each = counted(html, match);
      if (each) balance += each.closing ? -1 : 1;
    }
    const open = html.value.lastIndexOf('<!--');
    if (open >= 0 && commentEnd(html.value, open) === -1) balance += 1;
    // A tag left unfinished (an attribute's quote never closed) takes in what follows it.
    if (endsInsideTag(html.value)) balance += 1;
  });
  return balance;
}

/**
 * Whether raw HTML ends inside a tag, as the HTML parser's tokenizer reads it: after `<name`
 * with no `>` outside quotes after it (`<img alt="logo>` then more text). Comments are skipped.
 */
export function endsInsideTag(value: string): boolean {
  let at = 0;
  while (at < value.length) {
    const open = value.indexOf('<', at);
    if (open === -1) return false;
    if (value.startsWith('<!--', open)) {
      at = commentEnd(value, open);
      if (at === -1) return false;
      continue;
    }
    if (!/[a-zA-Z/]/.test(value[open + 1] ?? '')) {
      at = open + 1;
      continue;
    }
    let index = open + 1;
    let quote: string | null = null;
    for (; index < value.length; index++) {
      const char = value[index]!;
      if (quote) {
        if (char === quote) quote = null;
      } else if (char === '"' || char === "'") {
        // Only an attribute's value opens a quote: right after `=` (spaces allowed).
        if (/=\s*$/.test(value.slice(open, index))) quote = char;
      } else if (char === '>') break;
    }
    if (index >= value.length) return true;
    at = index + 1;
  }
  return false;
}

/** The raw HTML of a block (its HTML nodes' text, in order). */
function rawText(node: MdastContent): string {
  let text = '';
  visit(node as MdastNodes, 'html', (html) => {
    text += html.value;
  });
  return text;
}

/**
 * How a block's raw HTML leaves comments: `opens` when a `<!--` in it is not closed (the HTML
 * parser reads what follows as the comment, whatever end tags it holds, until a `-->`),
 * `closes` when it holds a `-->` and opens none after it, `null` when neither.
 */
export function commentEdge(node: MdastContent): 'opens' | 'closes' | null {
  const text = rawText(node);
  const open = text.lastIndexOf('<!--');
  if (open >= 0 && commentEnd(text, open) === -1) return 'opens';
  return /--!?>/.test(text) ? 'closes' : null;
}

/**
 * Where the comment that starts at `open` (its `<!--`) in `value` ends, past its last
 * character, as the HTML parser reads it; -1 when it runs to the end of `value`. `<!-->` and
 * `<!--->` are whole, empty comments (`<!--> </div> -->` closes a `<div>`), and `--!>` ends a
 * comment as `-->` does.
 */
export function commentEnd(value: string, open: number): number {
  const body = open + 4;
  if (value.startsWith('>', body)) return body + 1;
  if (value.startsWith('->', body)) return body + 2;
  const close = /--!?>/g;
  close.lastIndex = body;
  const found = close.exec(value);
  return found ? found.index + found[0].length : -1;
}
