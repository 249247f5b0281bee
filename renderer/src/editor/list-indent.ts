import { RangeSetBuilder, type Extension } from '@codemirror/state';
import { Decoration, type DecorationSet, EditorView, ViewPlugin, type ViewUpdate } from '@codemirror/view';

const prefix = /^(\s*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?|>[ \t]?)+)/;

/**
 * The hanging indent (in `ch`) for a line: the width of its list marker or quote prefix, so a
 * soft-wrapped list item lines up under its text rather than under the bullet. 0 for others.
 */
export function hangingIndentOf(text: string): number {
  const match = prefix.exec(text);
  if (!match) return 0;
  let width = 0;
  for (const char of match[1]!) width += char === '\t' ? 4 : 1;
  return width;
}

/** Widest hanging indent drawn, in `ch`; deeper items get this one. */
const maxWidth = 24;

// Classes rather than style attributes: the app's CSP forbids inline styles.
const decorations = Array.from({ length: maxWidth + 1 }, (_, width) =>
  Decoration.line({ class: `cm-folio-hang cm-folio-hang-${width}` }),
);

const hangTheme = EditorView.baseTheme(
  Object.fromEntries(
    decorations.map((_, width) => [
      `.cm-line.cm-folio-hang-${width}`,
      { paddingLeft: `calc(${width}ch + 6px)`, textIndent: `-${width}ch` },
    ]),
  ),
);

function decorationFor(width: number): Decoration {
  return decorations[Math.min(maxWidth, width)]!;
}

function build(view: EditorView): DecorationSet {
  const builder = new RangeSetBuilder<Decoration>();
  for (const { from, to } of view.visibleRanges) {
    for (let pos = from; pos <= to;) {
      const line = view.state.doc.lineAt(pos);
      const width = hangingIndentOf(line.text);
      if (width > 0) builder.add(line.from, line.from, decorationFor(width));
      pos = line.to + 1;
    }
  }
  return builder.finish();
}

/**
 * Soft indentation of lists and quotes: wrapped lines of a list item or quote continue under
 * the item's text. Only visible lines are decorated, so it costs nothing on long articles.
 */
export function listHangingIndent(): Extension {
  return [hangTheme, hangPlugin];
}

const hangPlugin = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = build(view);
    }
    update(update: ViewUpdate): void {
      if (update.docChanged || update.viewportChanged) this.decorations = build(update.view);
    }
  },
  { decorations: (plugin) => plugin.decorations },
);
