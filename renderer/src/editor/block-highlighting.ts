import { syntaxTree, type HighlightStyle } from '@codemirror/language';
import { Prec, RangeSetBuilder, type Extension } from '@codemirror/state';
import { Decoration, EditorView, ViewPlugin, type DecorationSet, type ViewUpdate } from '@codemirror/view';
import { NodeProp, Tree } from '@lezer/common';
import { highlightTree, type Highlighter } from '@lezer/highlight';

/**
 * `highlightTree(tree, highlighter, put, from, to)` for a Markdown tree, without walking the
 * top-level blocks before `from`. `highlightTree` steps through every child of the document
 * node up to `from`, which in a long article is thousands of blocks on each keystroke. Here the
 * blocks that overlap `[from, to)` are found by position and handed to `highlightTree` in a
 * document node of the same type that holds only them, at their own positions: the same spans
 * come out. A tree whose document node holds a mounted tree is highlighted whole.
 */
export function highlightBlocks(
  tree: Tree,
  highlighter: Highlighter | readonly Highlighter[],
  put: (from: number, to: number, classes: string) => void,
  from: number,
  to: number,
): void {
  if (tree.prop(NodeProp.mounted)) {
    highlightTree(tree, highlighter, put, from, to);
    return;
  }
  const children: Tree[] = [];
  const positions: number[] = [];
  for (let node = tree.topNode.childAfter(from); node && node.from < to; node = node.nextSibling) {
    children.push(node.toTree());
    positions.push(node.from);
  }
  highlightTree(new Tree(tree.type, children, positions, tree.length), highlighter, put, from, to);
}

/**
 * CodeMirror's syntax highlighting of the visible ranges (`syntaxHighlighting` in
 * `@codemirror/language`, its view plugin's logic kept as it is), with {@link highlightBlocks}.
 * It does not register the style for `highlightingFor`, which nothing in the editor asks.
 */
class BlockHighlighter {
  decorations: DecorationSet;
  private tree: Tree;
  private decoratedTo: number;
  private readonly marks = new Map<string, Decoration>();

  constructor(
    view: EditorView,
    private readonly style: HighlightStyle,
  ) {
    this.tree = syntaxTree(view.state);
    this.decorations = this.build(view);
    this.decoratedTo = view.viewport.to;
  }

  update(update: ViewUpdate): void {
    const tree = syntaxTree(update.state);
    const { viewport } = update.view;
    const decoratedTo = update.changes.mapPos(this.decoratedTo, 1);
    // A tree that does not reach the viewport's end yet: keep the spans, mapped, until it does.
    if (tree.length < viewport.to && tree.type === this.tree.type && decoratedTo >= viewport.to) {
      this.decorations = this.decorations.map(update.changes);
      this.decoratedTo = decoratedTo;
    } else if (tree !== this.tree || update.viewportChanged) {
      this.tree = tree;
      this.decorations = this.build(update.view);
      this.decoratedTo = viewport.to;
    }
  }

  private build(view: EditorView): DecorationSet {
    if (this.tree.length === 0) return Decoration.none;
    const builder = new RangeSetBuilder<Decoration>();
    for (const { from, to } of view.visibleRanges) {
      highlightBlocks(
        this.tree,
        this.style,
        (start, end, classes) => builder.add(start, end, this.mark(classes)),
        from,
        to,
      );
    }
    return builder.finish();
  }

  private mark(classes: string): Decoration {
    let mark = this.marks.get(classes);
    if (!mark) {
      mark = Decoration.mark({ class: classes });
      this.marks.set(classes, mark);
    }
    return mark;
  }
}

/** Highlights the editor's Markdown, and the code nested in it, with `style`. */
export function blockHighlighting(style: HighlightStyle): Extension {
  return [
    Prec.high(
      ViewPlugin.define((view) => new BlockHighlighter(view, style), {
        decorations: (plugin) => plugin.decorations,
      }),
    ),
    style.module ? EditorView.styleModule.of(style.module) : [],
  ];
}
