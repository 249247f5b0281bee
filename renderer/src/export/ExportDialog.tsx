import { useEffect, useRef, useState, type ReactElement } from 'react';
import type { ArticleProblem } from '../../../shared/checks';
import type { ExportReport, ImageMode } from '../../../shared/export';
import { exportThemes, type ExportThemeId } from '../../../shared/export/themes';
import { api } from '../api';
import { ExportFolderField } from './ExportFolderField';
import { useExportFolder } from './useExportFolder';
import { useExportJob } from './useExportJob';
import './ExportDialog.css';
import { errorMessage } from '../../../shared/errors';
import { countOf, words } from '../../../shared/plural';
import { useReturnFocus } from '../accessibility';

/** Props of {@link ExportDialog}. */
export interface ExportDialogProps {
  /** The open article, or `null` (then only the library can be exported). */
  readonly articlePath: string | null;
  /** The editor's text of that article (checked as it is, saved or not). */
  readonly text: string | null;
  readonly onClose: () => void;
}

type Scope = 'article' | 'library';

/**
 * The export dialog: problems found by the preflight checks first, then the choices (what,
 * theme, images, drafts, table of contents, folder), then a cancellable progress bar and a
 * summary. A modal `<dialog>`, so focus stays inside and Escape closes it.
 */
export function ExportDialog({ articlePath, text, onClose }: ExportDialogProps): ReactElement {
  const dialog = useRef<HTMLDialogElement>(null);
  const [scope, setScope] = useState<Scope>(articlePath ? 'article' : 'library');
  const [theme, setTheme] = useState<ExportThemeId>('article');
  const [images, setImages] = useState<ImageMode>('inline');
  const [includeDrafts, setIncludeDrafts] = useState(false);
  const [toc, setToc] = useState(false);
  const folder = useExportFolder();
  const [checked, setChecked] = useState<{
    key: string;
    problems: ArticleProblem[] | null;
    error: string | null;
  }>();
  const job = useExportJob();
  useReturnFocus();

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  const checkKey = `${scope}\0${articlePath ?? ''}`;
  useEffect(() => {
    let current = true;
    const check =
      scope === 'article' && articlePath
        ? api.checkArticle({ path: articlePath, ...(text === null ? {} : { text }) })
        : api.checkLibrary({});
    check.then(
      (found) => current && setChecked({ key: checkKey, problems: found, error: null }),
      (error: unknown) =>
        current &&
        setChecked({
          key: checkKey,
          problems: null,
          error: errorMessage(error, 'The checks failed.'),
        }),
    );
    return () => {
      current = false;
    };
  }, [scope, articlePath, text, checkKey]);
  // Results of an earlier scope are not shown while the new checks run.
  const problems = checked?.key === checkKey ? checked.problems : null;
  const checkError = checked?.key === checkKey ? checked.error : null;

  const running = job.state.kind === 'running';
  // An export that ran may have created the folder: what the field says about it is stale.
  const { recheck } = folder;
  useEffect(() => {
    if (job.state.kind !== 'idle' && job.state.kind !== 'running') recheck();
  }, [job.state.kind, recheck]);
  const errors = problems?.filter((p) => p.severity === 'error').length ?? 0;
  const warnings = (problems?.length ?? 0) - errors;

  function startExport(): void {
    if (!folder.ready) return;
    const choices = {
      theme,
      images,
      toc,
      outDir: folder.check?.path ?? folder.folder,
      confirmInsideLibrary: folder.confirmedInside,
    };
    job.start((jobId) =>
      scope === 'article' && articlePath
        ? api.exportArticle({ path: articlePath, jobId, ...choices })
        : api.exportLibrary({ jobId, includeDrafts, ...choices }),
    );
  }

  return (
    <dialog
      ref={dialog}
      className="folio-export-dialog"
      aria-labelledby="folio-export-title"
      onCancel={(event) => {
        if (running) event.preventDefault();
      }}
      onClose={onClose}
    >
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          if (!running) startExport();
        }}
      >
        <h2 id="folio-export-title">Export to HTML</h2>

        <section className="folio-export-problems" aria-label="Problems found before export">
          {checkError && <p role="alert">{checkError}</p>}
          {!checkError && problems === null && <p className="folio-export-muted">Checking…</p>}
          {problems !== null && problems.length === 0 && (
            <p className="folio-export-ok">No problems found.</p>
          )}
          {problems !== null && problems.length > 0 && (
            <>
              <p>
                {errors > 0 && countOf(errors, words.error)}
                {errors > 0 && warnings > 0 && ', '}
                {warnings > 0 && countOf(warnings, words.warning)}
                {errors > 0 ? ' — you can still export; broken parts are left out.' : ''}
              </p>
              <ul>
                {problems.map((problem, i) => (
                  <li key={i} className={`folio-export-problem is-${problem.severity}`}>
                    <span className="folio-export-severity">
                      {problem.severity === 'error' ? 'Error' : 'Warning'}
                    </span>
                    <span className="folio-export-where">
                      {problem.path}
                      {problem.line ? `:${problem.line}` : ''}
                    </span>
                    <span>{problem.message}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>

        <fieldset disabled={running}>
          <legend>What</legend>
          <label>
            <input
              type="radio"
              name="scope"
              checked={scope === 'article'}
              disabled={!articlePath}
              onChange={() => setScope('article')}
            />
            This article{articlePath ? ` (${articlePath})` : ''}
          </label>
          <label>
            <input
              type="radio"
              name="scope"
              checked={scope === 'library'}
              onChange={() => setScope('library')}
            />
            The whole library, with an index page
          </label>
          {scope === 'library' && (
            <label>
              <input
                type="checkbox"
                checked={includeDrafts}
                onChange={(e) => setIncludeDrafts(e.target.checked)}
              />
              Include drafts
            </label>
          )}
        </fieldset>

        <fieldset disabled={running}>
          <legend>Look</legend>
          <label>
            Theme{' '}
            <select value={theme} onChange={(e) => setTheme(e.target.value as ExportThemeId)}>
              {exportThemes.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.label}: {t.description}
                </option>
              ))}
            </select>
          </label>
          <label>
            <input type="checkbox" checked={toc} onChange={(e) => setToc(e.target.checked)} />
            Table of contents
          </label>
        </fieldset>

        <fieldset disabled={running}>
          <legend>Images</legend>
          <label>
            <input
              type="radio"
              name="images"
              checked={images === 'inline'}
              onChange={() => setImages('inline')}
            />
            Inside the page (one self-contained file)
          </label>
          <label>
            <input
              type="radio"
              name="images"
              checked={images === 'copy'}
              onChange={() => setImages('copy')}
            />
            Copied to an assets folder
          </label>
        </fieldset>

        <fieldset disabled={running}>
          <legend>Where</legend>
          <ExportFolderField state={folder} disabled={running} />
        </fieldset>

        {job.state.kind === 'running' && (
          <div className="folio-export-progress">
            <progress
              aria-label="Export progress"
              value={job.state.progress?.done ?? 0}
              max={Math.max(1, job.state.progress?.total ?? 1)}
            />
            <span role="status" aria-live="off">
              {job.state.progress
                ? `${job.state.progress.phase === 'writing' ? 'Writing' : 'Rendering'} ${job.state.progress.done} of ${job.state.progress.total}`
                : 'Starting…'}
            </span>
          </div>
        )}
        {job.state.kind === 'done' && <ExportSummary report={job.state.report} />}
        {job.state.kind === 'failed' && <p className="folio-export-failed">{job.state.message}</p>}

        <div className="folio-export-actions">
          {running ? (
            <button type="button" onClick={job.cancel}>
              Cancel export
            </button>
          ) : (
            <>
              <button type="button" onClick={() => dialog.current?.close()}>
                Close
              </button>
              <button type="submit" className="is-primary" disabled={!folder.ready}>
                {job.state.kind === 'done' ? 'Export again' : 'Export'}
              </button>
            </>
          )}
        </div>
      </form>
    </dialog>
  );
}

function ExportSummary({ report }: { report: ExportReport }): ReactElement {
  if (report.cancelled) {
    const written = report.written.filter((f) => f.endsWith('.html')).length;
    return (
      <p role="status" aria-live="off">
        {written === 0
          ? 'Export cancelled before any page was written.'
          : `Export cancelled. The ${countOf(written, { one: 'page', other: 'pages' })} already written are complete; the rest were not written.`}
      </p>
    );
  }
  const pages = report.written.filter((f) => f.endsWith('.html') && f !== 'index.html').length;
  return (
    <div role="status" aria-live="off" className="folio-export-summary">
      <p>
        Exported {countOf(pages, { one: 'page', other: 'pages' })} to{' '}
        <code>
          {report.outDir}/{report.entry}
        </code>
        {report.skipped.length > 0 && `; ${report.skipped.length} unchanged`}
        {report.drafts.length > 0 && `; ${countOf(report.drafts.length, words.draft)} left out`}.
      </p>
      {report.imageProblems.length > 0 && (
        <ul>
          {report.imageProblems.map((p, i) => (
            <li key={i}>
              {p.path}: {p.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
