import { useCallback, useEffect, useState, type ReactElement } from 'react';
import { api, transport } from '../api';
import { copyHtmlToClipboard } from './copy-html';
import { ExportDialog } from './ExportDialog';
import { errorMessage } from '../../../shared/errors';

/** Props of {@link ExportBar}. */
export interface ExportBarProps {
  /** The open article, or `null`. */
  readonly articlePath: string | null;
  /**
   * The article as the editor holds it, or `null`: exports and copies use its text, saved or not
   * (read only then: a long article's text costs milliseconds to build).
   */
  readonly article: { readonly text: string } | null;
  /** Shows a short message in the status bar. */
  readonly onMessage: (message: string) => void;
}

/** Keyboard shortcut that opens the export dialog: Ctrl+Shift+E (⌘⇧E on macOS). */
export const exportShortcut = { key: 'e', shift: true, primary: true } as const;

/**
 * The export buttons over the preview: Copy as HTML, Export… (also Ctrl/⌘+Shift+E) and, in
 * the desktop app, PDF. Owns the export dialog.
 */
export function ExportBar({ articlePath, article, onMessage }: ExportBarProps): ReactElement {
  const [dialogOpen, setDialogOpen] = useState(false);

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (
        (event.ctrlKey || event.metaKey) &&
        event.shiftKey &&
        event.key.toLowerCase() === exportShortcut.key
      ) {
        event.preventDefault();
        setDialogOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const copy = useCallback(async () => {
    if (!articlePath) return;
    try {
      const html = await api.renderArticleHtml({
        path: articlePath,
        ...(article === null ? {} : { text: article.text }),
      });
      const method = await copyHtmlToClipboard(html.body, html.text);
      onMessage(
        method === 'clipboard-api'
          ? 'Copied the article as HTML'
          : 'Copied the article as HTML through the copy command (the clipboard API was refused)',
      );
    } catch (error) {
      onMessage(`Not copied: ${errorMessage(error, 'the clipboard refused it.')}`);
    }
  }, [articlePath, article, onMessage]);

  const pdf = useCallback(async () => {
    if (!articlePath) return;
    try {
      // The PDF goes where the last export went (a folder inside the library was confirmed then).
      const folder = await api.getExportFolder({});
      const result = await api.exportPdf({
        path: articlePath,
        outDir: folder.path,
        confirmInsideLibrary: true,
      });
      onMessage(`Saved ${result.file}`);
    } catch (error) {
      onMessage(`No PDF: ${errorMessage(error, 'printing failed.')}`);
    }
  }, [articlePath, onMessage]);

  return (
    <>
      <div className="folio-export-bar" role="toolbar" aria-label="Export">
        <button
          type="button"
          disabled={!articlePath}
          onClick={() => void copy()}
          title="Copy the article as HTML"
        >
          Copy HTML
        </button>
        {transport === 'electron' && (
          <button
            type="button"
            disabled={!articlePath}
            onClick={() => void pdf()}
            title="Save the article as PDF"
          >
            PDF
          </button>
        )}
        <button
          type="button"
          onClick={() => setDialogOpen(true)}
          title="Export to HTML (Ctrl+Shift+E)"
          aria-keyshortcuts="Control+Shift+E"
        >
          Export…
        </button>
      </div>
      {dialogOpen && (
        <ExportDialog
          articlePath={articlePath}
          text={article?.text ?? null}
          onClose={() => setDialogOpen(false)}
        />
      )}
    </>
  );
}
