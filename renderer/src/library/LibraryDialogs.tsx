import { useEffect, useState, type FormEvent, type ReactElement } from 'react';
import { errorMessage } from '../../../shared/errors';
import type { ArticleTemplate, MovePlan } from '../../../shared/library-contract';
import { slugify } from '../../../shared/slug';
import { api } from '../api';
import { Modal } from '../ui/Modal';
import { countOf, pluralWord, words } from '../../../shared/plural';

function folderLabel(folder: string): string {
  return folder === '' ? 'Library (top level)' : folder;
}

/** Props of {@link NewArticleDialog}. */
export interface NewArticleDialogProps {
  readonly folder: string;
  readonly folders: readonly string[];
  readonly onCreated: (path: string) => void;
  readonly onClose: () => void;
}

/** Asks for a title, a folder and a template, then creates the article. */
export function NewArticleDialog({
  folder,
  folders,
  onCreated,
  onClose,
}: NewArticleDialogProps): ReactElement {
  const [title, setTitle] = useState('');
  const [target, setTarget] = useState(folder);
  const [template, setTemplate] = useState('');
  const [templates, setTemplates] = useState<ArticleTemplate[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void api.listTemplates({}).then(setTemplates, () => undefined);
  }, []);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const created = await api.createArticle({ folder: target, title, template: template || undefined });
      onCreated(created.path);
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };
  const slug = slugify(title.trim() || 'Untitled') || 'untitled';
  return (
    <Modal title="New article" onClose={onClose}>
      <form onSubmit={(event) => void submit(event)} className="folio-form">
        <label>
          Title
          <input
            autoFocus
            value={title}
            onChange={(event) => setTitle(event.target.value)}
            placeholder="Untitled"
          />
        </label>
        <label>
          Folder
          <select value={target} onChange={(event) => setTarget(event.target.value)}>
            {['', ...folders].map((f) => (
              <option key={f} value={f}>
                {folderLabel(f)}
              </option>
            ))}
          </select>
        </label>
        {templates.length > 1 && (
          <label>
            Template
            <select value={template} onChange={(event) => setTemplate(event.target.value)}>
              {templates.map((t) => (
                <option key={t.name} value={t.name}>
                  {t.label}
                </option>
              ))}
            </select>
          </label>
        )}
        <p className="folio-form-hint">File name: {slug}.md</p>
        {error && (
          <p className="folio-form-error" role="alert">
            {error}
          </p>
        )}
        <div className="folio-form-actions">
          <button type="button" className="folio-button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="folio-button folio-button-primary">
            Create
          </button>
        </div>
      </form>
    </Modal>
  );
}

/** Props of {@link NameDialog}. */
export interface NameDialogProps {
  readonly title: string;
  readonly label: string;
  readonly initial: string;
  readonly confirm: string;
  /** Does the work; throw to show the error and keep the dialog open. */
  readonly onSubmit: (name: string) => Promise<void>;
  readonly onClose: () => void;
}

/** Asks for one name (new folder...). The service's message is shown when it refuses the name. */
export function NameDialog({
  title,
  label,
  initial,
  confirm,
  onSubmit,
  onClose,
}: NameDialogProps): ReactElement {
  const [name, setName] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await onSubmit(name);
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };
  return (
    <Modal title={title} onClose={onClose}>
      <form onSubmit={(event) => void submit(event)} className="folio-form">
        <label>
          {label}
          <input
            autoFocus
            value={name}
            aria-invalid={error ? true : undefined}
            onChange={(event) => {
              setName(event.target.value);
              setError(null);
            }}
          />
        </label>
        {error && (
          <p className="folio-form-error" role="alert">
            {error}
          </p>
        )}
        <div className="folio-form-actions">
          <button type="button" className="folio-button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="folio-button folio-button-primary">
            {confirm}
          </button>
        </div>
      </form>
    </Modal>
  );
}

/** Props of {@link MoveDialog}. */
export interface MoveDialogProps {
  /** The article to rename or move. */
  readonly path: string;
  readonly title: string;
  /** `rename` asks for a name (proposed from the title); `move` asks for a folder. */
  readonly mode: 'rename' | 'move';
  readonly folders: readonly string[];
  /** Preset destination folder (drag and drop). */
  readonly folder?: string;
  readonly onMoved: (from: string, to: string, rewritten: readonly string[]) => void;
  readonly onClose: () => void;
}

/**
 * Renames or moves an article. The first step checks the new name and lists every link in other
 * articles that will be rewritten; nothing changes until the author confirms.
 */
export function MoveDialog({
  path,
  title,
  mode,
  folders,
  folder,
  onMoved,
  onClose,
}: MoveDialogProps): ReactElement {
  const currentFolder = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
  const currentName = path.slice(path.lastIndexOf('/') + 1);
  const extension = /\.markdown$/i.test(currentName) ? '.markdown' : '.md';
  const proposed =
    mode === 'rename'
      ? `${slugify(title) || currentName.replace(/\.(md|markdown)$/i, '')}${extension}`
      : currentName;
  const [name, setName] = useState(proposed);
  const [target, setTarget] = useState(folder ?? currentFolder);
  const [plan, setPlan] = useState<MovePlan | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const withExtension = /\.(md|markdown)$/i.test(name) ? name : `${name}${extension}`;
  const destination = target ? `${target}/${withExtension}` : withExtension;

  const run = async (plannedFor: string) => {
    setBusy(true);
    try {
      const result = await api.moveArticle({ path, to: plannedFor, rewriteLinks: true });
      onMoved(path, result.path, result.rewritten);
    } catch (failure) {
      setError(errorMessage(failure));
      setPlan(null);
    } finally {
      setBusy(false);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (plan && plan.to === destination) return run(destination);
    if (destination === path) return onClose();
    try {
      const planned = await api.planMove({ path, to: destination });
      const others = planned.files.filter((file) => file.path !== path);
      if (planned.files.length === 0) return run(destination);
      setPlan({ ...planned, files: [...others, ...planned.files.filter((file) => file.path === path)] });
      setError(null);
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  const linkCount = plan?.files.reduce((sum, file) => sum + file.changes.length, 0) ?? 0;
  return (
    <Modal
      title={mode === 'rename' ? `Rename “${title}”` : `Move “${title}”`}
      onClose={onClose}
      className="folio-modal-wide"
    >
      <form onSubmit={(event) => void submit(event)} className="folio-form">
        {mode === 'rename' ? (
          <label>
            File name
            <input
              autoFocus
              value={name}
              aria-invalid={error ? true : undefined}
              onChange={(event) => {
                setName(event.target.value);
                setPlan(null);
                setError(null);
              }}
            />
          </label>
        ) : (
          <label>
            Move to folder
            <select
              autoFocus
              value={target}
              onChange={(event) => {
                setTarget(event.target.value);
                setPlan(null);
                setError(null);
              }}
            >
              {['', ...folders].map((f) => (
                <option key={f} value={f}>
                  {folderLabel(f)}
                </option>
              ))}
            </select>
          </label>
        )}
        <p className="folio-form-hint">New path: {destination}</p>
        {error && (
          <p className="folio-form-error" role="alert">
            {error}
          </p>
        )}
        {plan && (
          <div className="folio-move-plan" role="region" aria-label="Links that will change">
            <p>
              {countOf(linkCount, { one: 'link', other: 'links' })} in {plan.files.length}{' '}
              {pluralWord(plan.files.length, words.article)} will be updated:
            </p>
            <ul>
              {plan.files.map((file) => (
                <li key={file.path}>
                  <strong>{file.path === path ? `${destination} (this article)` : file.path}</strong>
                  <ul>
                    {file.changes.map((change, i) => (
                      <li key={i}>
                        line {change.line}: <code>{change.before}</code> → <code>{change.after}</code>
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          </div>
        )}
        <div className="folio-form-actions">
          <button type="button" className="folio-button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="folio-button folio-button-primary" disabled={busy}>
            {plan
              ? mode === 'rename'
                ? 'Rename and update links'
                : 'Move and update links'
              : mode === 'rename'
                ? 'Rename'
                : 'Move'}
          </button>
        </div>
      </form>
    </Modal>
  );
}
