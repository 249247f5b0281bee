import { syntaxTree } from '@codemirror/language';
import { combineConfig, EditorSelection, Facet, type EditorState, type Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { errorMessage } from '../../../shared/errors';
import { htmlToMarkdown } from './html-to-markdown';

/** Where an imported image ended up. */
export interface ImportedImage {
  /** Path relative to the article, for `![alt](…)`. */
  readonly markdownPath: string;
}

/** Options of {@link richPaste}. */
export interface RichPasteConfig {
  /**
   * Copies one image file into the library and says where it went; null disables image paste
   * and drop. Default: null.
   */
  readonly importImage: ((file: File) => Promise<ImportedImage>) | null;
  /** Reports a failed import to the author. Default: logs nothing, does nothing. */
  readonly onError: (message: string) => void;
  /** Whether HTML on the clipboard is turned into Markdown. Default: true. */
  readonly convertHtml: boolean;
}

const richPasteConfig = Facet.define<Partial<RichPasteConfig>, RichPasteConfig>({
  combine: (configs) => combineConfig(configs, { importImage: null, onError: () => {}, convertHtml: true }),
});

/** The alt text proposed for an image: its file name without extension, tidied. */
export function altTextFor(fileName: string): string {
  const base = fileName
    .replace(/\.[a-z0-9]+$/i, '')
    .replace(/[[\]\\]/g, '')
    .replace(/[_-]+/g, ' ')
    .trim();
  return base === '' || /^image$/i.test(base) ? 'image' : base;
}

function imageFiles(data: DataTransfer | null): File[] {
  if (!data) return [];
  return Array.from(data.files).filter((file) => file.type.startsWith('image/'));
}

/**
 * Imports `files` one after the other and inserts `![alt](path)` for each at `pos`, then
 * selects the alt text of the first image so the author can type a real one.
 */
async function insertImages(view: EditorView, files: File[], pos: number): Promise<void> {
  const config = view.state.facet(richPasteConfig);
  if (!config.importImage) return;
  const inserted: string[] = [];
  for (const file of files) {
    try {
      const { markdownPath } = await config.importImage(file);
      inserted.push(`![${altTextFor(file.name)}](${markdownPath})`);
    } catch (error) {
      config.onError(`The image “${file.name}” was not added: ${errorMessage(error, String(error))}`);
    }
  }
  if (inserted.length === 0 || view.state.readOnly) return;
  // The document may have changed while the files were copied: keep the position in range.
  const at = Math.min(pos, view.state.doc.length);
  const text = inserted.join('\n\n');
  const altStart = at + 2;
  const altEnd = altStart + text.slice(2).indexOf(']');
  view.dispatch({
    changes: { from: at, insert: text },
    selection: EditorSelection.range(altStart, altEnd),
    scrollIntoView: true,
    userEvent: 'input.paste',
  });
  view.focus();
}

const codeNodes = new Set([
  'FencedCode',
  'CodeBlock',
  'InlineCode',
  'CodeText',
  'FrontmatterContent',
  'Frontmatter',
]);

/** True when `pos` is inside code or the frontmatter, where pasted HTML stays plain text. */
export function isInCode(state: EditorState, pos: number): boolean {
  for (
    let node: ReturnType<typeof syntaxTree>['topNode'] | null = syntaxTree(state).resolveInner(pos, -1);
    node;
    node = node.parent
  ) {
    if (codeNodes.has(node.name)) return true;
  }
  return false;
}

const handlers = EditorView.domEventHandlers({
  paste(event, view) {
    if (view.state.readOnly) return false;
    const config = view.state.facet(richPasteConfig);
    const images = imageFiles(event.clipboardData);
    if (images.length > 0 && config.importImage) {
      event.preventDefault();
      const { from, to } = view.state.selection.main;
      if (from !== to) view.dispatch({ changes: { from, to }, userEvent: 'delete.cut' });
      void insertImages(view, images, from);
      return true;
    }
    const html = config.convertHtml ? event.clipboardData?.getData('text/html') : '';
    if (!html || isInCode(view.state, view.state.selection.main.from)) return false;
    const markdown = htmlToMarkdown(html);
    if (markdown === null) return false;
    event.preventDefault();
    view.dispatch(view.state.replaceSelection(markdown), { userEvent: 'input.paste', scrollIntoView: true });
    return true;
  },
  drop(event, view) {
    if (view.state.readOnly) return false;
    const config = view.state.facet(richPasteConfig);
    const images = imageFiles(event.dataTransfer);
    if (images.length === 0 || !config.importImage) return false;
    event.preventDefault();
    const pos = view.posAtCoords({ x: event.clientX, y: event.clientY }) ?? view.state.selection.main.head;
    void insertImages(view, images, pos);
    return true;
  },
});

/**
 * Paste and drop that understand more than text: images (pasted or dropped files) are copied
 * into the library through `importImage` and linked with a relative `![alt](path)`, the alt
 * text selected; HTML from web pages becomes Markdown after the preview's sanitizing (see
 * `html-to-markdown.ts`). Plain text pastes as CodeMirror always does.
 */
export function richPaste(config: Partial<RichPasteConfig> = {}): Extension {
  return [richPasteConfig.of(config), handlers];
}
