import { html } from '@codemirror/lang-html';
import { markdown, markdownLanguage } from '@codemirror/lang-markdown';
import { yamlLanguage } from '@codemirror/lang-yaml';
import { Language, LanguageDescription, LanguageSupport, ParseContext } from '@codemirror/language';
import { languages } from '@codemirror/language-data';
import {
  NodeType,
  parseMixed,
  Parser,
  Tree,
  type Input,
  type NestedParse,
  type PartialParse,
  type SyntaxNode,
  type SyntaxNodeRef,
  type TreeFragment,
} from '@lezer/common';
import type { MarkdownParser } from '@lezer/markdown';
import { frontmatterSyntax } from './frontmatter-syntax';
import { reuseFragments } from './fragment-reuse';

/** HTML inside Markdown, as `@codemirror/lang-markdown` sets it up (no closing-tag matching). */
const htmlTags = html({ matchClosingTags: false });

/** The parser of a fence's language, loaded on first use (`@codemirror/language-data`). */
function codeParser(info: string): Parser | null {
  const name = /\S*/.exec(info)?.[0];
  if (!name) return null;
  const found = LanguageDescription.matchLanguageName(languages, name, true);
  if (!found) return null;
  return found.support ? found.support.language.parser : ParseContext.getSkippingParser(found.load());
}

/** The stretches of `node` between its children (an HTML block's text, not its Markdown marks). */
function spaceBetweenChildren(node: SyntaxNode): { from: number; to: number }[] {
  const ranges: { from: number; to: number }[] = [];
  for (let child = node.firstChild, pos = node.from; ; child = child.nextSibling) {
    const next = child ? child.from : node.to;
    if (next > pos) ranges.push({ from: pos, to: next });
    if (!child) break;
    pos = child.to;
  }
  return ranges;
}

/**
 * Characters around the editor's viewport within which code and HTML blocks are parsed in
 * their own language; farther ones wait until they come into view.
 */
const nestMargin = 5_000;

/**
 * A parser that leaves its range as one untyped node, for a block out of view: CodeMirror's
 * `ParseContext.skipUntilInView` has it parsed again when it comes into view. (CodeMirror's
 * own skipping parser also asks for a new parse on the next edit, of every block it skipped.)
 */
class OutOfViewParser extends Parser {
  createParse(
    _input: Input,
    _fragments: readonly TreeFragment[],
    ranges: readonly { from: number; to: number }[],
  ): PartialParse {
    const from = ranges[0]!.from;
    const to = ranges[ranges.length - 1]!.to;
    const parse = {
      parsedPos: from,
      stoppedAt: null,
      stopAt(): void {},
      advance(): Tree {
        parse.parsedPos = to;
        return new Tree(NodeType.none, [], [], to - from);
      },
    };
    return parse;
  }
}

const outOfView = new OutOfViewParser();

/**
 * Whether a block lies far from the editor's viewport (parsing in an editor only): then it is
 * marked to be parsed once it comes into view. A long article holds hundreds of fences; parsed
 * in their languages all at once, after a jump into the middle of a 1.4-million-character
 * book, they kept CodeMirror busy for long after each keystroke, where only the few in view
 * are shown.
 */
function farFromView(node: SyntaxNodeRef): boolean {
  const context = ParseContext.get();
  if (!context) return false;
  const { from, to } = context.viewport;
  if (node.to >= from - nestMargin && node.from <= to + nestMargin) return false;
  context.skipUntilInView(node.from, node.to);
  return true;
}

/**
 * Which grammar runs inside a node: fenced and indented code in their language, HTML as HTML
 * (both as `@codemirror/lang-markdown` nests them), and YAML frontmatter as YAML. Code and HTML
 * blocks far from the editor's viewport wait until they come into view (see {@link farFromView}).
 */
function nest(node: SyntaxNodeRef, input: { read(from: number, to: number): string }): NestedParse | null {
  switch (node.name) {
    case 'FrontmatterContent':
      return { parser: yamlLanguage.parser };
    case 'FencedCode':
    case 'CodeBlock': {
      const info = node.name === 'FencedCode' ? node.node.getChild('CodeInfo') : null;
      const parser = codeParser(info ? input.read(info.from, info.to) : '');
      return parser
        ? {
            parser: farFromView(node) ? outOfView : parser,
            overlay: (inner) => inner.type.name === 'CodeText',
            bracketed: node.name === 'FencedCode',
          }
        : null;
    }
    case 'HTMLBlock':
    case 'CommentBlock':
      return {
        parser: farFromView(node) ? outOfView : htmlTags.language.parser,
        overlay: spaceBetweenChildren(node.node),
      };
    case 'HTMLTag':
      return { parser: htmlTags.language.parser, overlay: spaceBetweenChildren(node.node) };
    default:
      return null;
  }
}

/**
 * GFM Markdown with frontmatter, fenced code in its own language and inline HTML, in one
 * parse. `markdown()` of `@codemirror/lang-markdown` nests code and HTML with a mixed parse of
 * its own; a second one for the frontmatter walked every block of the article again after each
 * keystroke (about 2 ms at 100k words), so this language nests all three in one mixed parse
 * and keeps `markdown()`'s editing support (list continuation, URL paste, HTML completion).
 * After a keystroke, the parse reuses the blocks around it in groups (`fragment-reuse.ts`).
 */
export function markdownWithFrontmatter(): LanguageSupport {
  const { support } = markdown({ base: markdownLanguage, codeLanguages: languages });
  const parser = (markdownLanguage.parser as MarkdownParser).configure([
    frontmatterSyntax,
    { wrap: parseMixed(nest) },
  ]);
  // markdownLanguage's data facet: language data given for Markdown (brackets) applies here too.
  return new LanguageSupport(
    new Language(markdownLanguage.data, reuseFragments(parser), [], 'markdown'),
    support,
  );
}
