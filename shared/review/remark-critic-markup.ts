import type { Data, Nodes, Parent, PhrasingContent, Root, Text } from 'mdast';
import type { Plugin } from 'unified';

/**
 * Renders CriticMarkup in the preview: `{++a++}` as `<ins class="critic-ins">`, `{--a--}` as
 * `<del class="critic-del">`, `{~~a~>b~~}` as a deletion followed by an insertion,
 * `{==a==}` as `<mark class="critic-mark">` and `{>>a<<}` as
 * `<span class="critic-comment">` (the stylesheet puts comments in the margin).
 *
 * It works on the Markdown tree after parsing, so marks inside code stay code, and Markdown
 * inside a mark (`{++**bold**++}`) still renders. As in the source parser, nested and unclosed
 * marks stay text. A mark cannot span paragraphs (Markdown has already split them). GFM reads
 * `~~old~>new~~` as strikethrough, so a strikethrough framed by `{` and `}` is read back as a
 * substitution.
 */
const remarkCriticMarkup: Plugin<[], Root> = () => (tree) => {
  visitParents(tree);
};

export default remarkCriticMarkup;

const mayHoldDelimiter = /[{}]|~>/;
const delimiter = /\{\+\+|\+\+\}|\{--|--\}|\{~~|~~\}|\{==|==\}|\{>>|<<\}|~>/g;
const closeOf: Record<string, string> = {
  '{++': '++}',
  '{--': '--}',
  '{~~': '~~}',
  '{==': '==}',
  '{>>': '<<}',
};

interface Delim {
  readonly type: 'criticDelim';
  readonly value: string;
}
type Item = PhrasingContent | Delim;

function isParent(node: Nodes): node is Parent & Nodes {
  return 'children' in node;
}

function visitParents(node: Nodes): void {
  if (!isParent(node)) return;
  for (const child of node.children) visitParents(child as Nodes);
  // Every delimiter holds `{`, `}` or `~>`, and a strikethrough is read back only when framed by
  // text with `{` and `}`: children without them are left alone without being tokenized.
  if (node.children.some((child) => child.type === 'text' && mayHoldDelimiter.test(child.value))) {
    const items = tokenize(node.children as PhrasingContent[]);
    if (items.some((item) => item.type === 'criticDelim')) {
      (node as Parent).children = build(items);
    }
  }
}

function textOf(value: string): Text {
  return { type: 'text', value };
}

function tokenize(children: readonly PhrasingContent[]): Item[] {
  const items: Item[] = [];
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    const prev = items[items.length - 1];
    const next = children[i + 1];
    if (
      child.type === 'delete' &&
      prev?.type === 'text' &&
      prev.value.endsWith('{') &&
      next?.type === 'text' &&
      next.value.startsWith('}')
    ) {
      // `{~~old~>new~~}` parsed by GFM as `{` + strikethrough + `}`.
      prev.value = prev.value.slice(0, -1);
      if (prev.value === '') items.pop();
      items.push({ type: 'criticDelim', value: '{~~' });
      items.push(...tokenize(child.children));
      items.push({ type: 'criticDelim', value: '~~}' });
      children = [...children.slice(0, i + 1), textOf(next.value.slice(1)), ...children.slice(i + 2)];
      continue;
    }
    if (child.type !== 'text') {
      items.push(child);
      continue;
    }
    let at = 0;
    delimiter.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = delimiter.exec(child.value)) !== null) {
      if (match.index > at) items.push(textOf(child.value.slice(at, match.index)));
      items.push({ type: 'criticDelim', value: match[0] });
      at = match.index + match[0].length;
    }
    if (at < child.value.length) items.push(textOf(child.value.slice(at)));
  }
  return items.filter((item) => item.type !== 'text' || item.value !== '');
}

function element(tag: string, className: string, children: PhrasingContent[]): PhrasingContent {
  const data: Data = { hName: tag, hProperties: { className: ['critic', className] } };
  return { type: 'emphasis', children, data };
}

function plain(items: readonly Item[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const item of items) {
    const node = item.type === 'criticDelim' ? textOf(item.value) : item;
    const last = out[out.length - 1];
    if (node.type === 'text' && last?.type === 'text') out[out.length - 1] = textOf(last.value + node.value);
    else out.push(node);
  }
  return out;
}

function build(items: readonly Item[]): PhrasingContent[] {
  const out: Item[] = [];
  let i = 0;
  while (i < items.length) {
    const item = items[i]!;
    const close = item.type === 'criticDelim' ? closeOf[item.value] : undefined;
    if (!close) {
      out.push(item);
      i++;
      continue;
    }
    let end = -1;
    let nested = false;
    for (let j = i + 1; j < items.length; j++) {
      const candidate = items[j]!;
      if (candidate.type !== 'criticDelim') continue;
      if (candidate.value === close) {
        end = j;
        break;
      }
      if (closeOf[candidate.value]) nested = true;
    }
    if (end < 0) {
      out.push(item);
      i++;
      continue;
    }
    const body = items.slice(i + 1, end);
    if (nested) {
      out.push(
        ...items.slice(i, end + 1).map((part) => (part.type === 'criticDelim' ? textOf(part.value) : part)),
      );
      i = end + 1;
      continue;
    }
    const mark = render((item as Delim).value, body);
    if (mark === null) {
      out.push(item);
      i++;
      continue;
    }
    out.push(...mark);
    i = end + 1;
  }
  return plain(out);
}

function render(open: string, body: readonly Item[]): PhrasingContent[] | null {
  switch (open) {
    case '{++':
      return [element('ins', 'critic-ins', plain(body))];
    case '{--':
      return [element('del', 'critic-del', plain(body))];
    case '{==':
      return [element('mark', 'critic-mark', plain(body))];
    case '{>>':
      return [element('span', 'critic-comment', plain(body))];
    case '{~~': {
      const arrow = body.findIndex((part) => part.type === 'criticDelim' && (part as Delim).value === '~>');
      if (arrow < 0) return null;
      return [
        element('del', 'critic-del', plain(body.slice(0, arrow))),
        element('ins', 'critic-ins', plain(body.slice(arrow + 1))),
      ];
    }
    default:
      return null;
  }
}
