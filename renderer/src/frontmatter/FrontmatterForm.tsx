import type { EditorView } from '@codemirror/view';
import {
  memo,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactElement,
} from 'react';
import type { ArticleSummary } from '../../../shared/contract';
import {
  findFrontmatter,
  readFrontmatter,
  validateData,
  type FieldValue,
  type FrontmatterModel,
  type ValueStyle,
} from '../../../shared/frontmatter';
import { AddField } from './AddField';
import {
  addFieldInEditor,
  removeFieldInEditor,
  revealInEditor,
  setFieldInEditor,
  undoInEditor,
} from './editor-bridge';
import { FieldRow, type FieldRowActions } from './FieldRow';
import { formRows } from './form-fields';
import { useLibrarySchema } from './useLibrarySchema';
import './FrontmatterForm.css';

/** Props of {@link FrontmatterForm}. */
export interface FrontmatterFormProps {
  /** The editor the YAML lives in; form edits are dispatched to it. */
  readonly view: EditorView | null;
  /** The editor's current text (the form is a view of its frontmatter). */
  readonly text: string;
  readonly articlePath: string;
  readonly readOnly: boolean;
  /** The library's articles, for tag suggestions. */
  readonly articles: readonly ArticleSummary[];
  /** Saves the article (Mod-s inside the form). */
  readonly onSave?: () => void;
}

const collapsedKey = 'folio.frontmatter.collapsed';
const noSuggestions: readonly string[] = [];

function frontmatterPrefix(text: string): string {
  const block = findFrontmatter(text);
  // Only the block matters: typing in the body must not re-parse or re-render the form.
  return block ? text.slice(0, block.to) : text.slice(0, Math.min(text.length, 4));
}

/**
 * The "Article details" form above the editor: a live, two-way view of the YAML frontmatter.
 * Typing in the YAML updates it; each form edit is one editor transaction (undo covers it);
 * what it cannot edit safely is read-only with a way to the YAML; broken YAML turns it into a
 * message with line, column and a button to go there.
 */
function FrontmatterFormView(props: FrontmatterFormProps): ReactElement {
  const { view, articlePath, readOnly, articles, onSave } = props;
  const prefix = frontmatterPrefix(props.text);
  const model = useMemo(() => readFrontmatter(prefix), [prefix]);
  const { schema, problems: schemaFileProblems } = useLibrarySchema();
  const [collapsed, setCollapsed] = useState(() => localStorage.getItem(collapsedKey) === '1');
  const [refusal, setRefusal] = useState<string | null>(null);
  const focusStyles = useRef(new Map<string, ValueStyle>());
  const baseId = useId();
  const bodyId = `${baseId}-body`;

  const rows = useMemo(() => formRows(model, schema), [model, schema]);
  const presentKeys = useMemo(() => model.fields.map((f) => f.key), [model]);
  const missingFields = useMemo(
    () => schema.fields.filter((spec) => !presentKeys.includes(spec.key)),
    [schema, presentKeys],
  );
  // The field just added gets the focus once the form shows it (the DOM is the external system).
  const focusAfterAdd = useRef<string | null>(null);
  useEffect(() => {
    const key = focusAfterAdd.current;
    if (key === null || !presentKeys.includes(key)) return;
    focusAfterAdd.current = null;
    document.getElementById(`${baseId}-${key}`)?.focus();
  }, [presentKeys, baseId]);
  const addField = (key: string, value: FieldValue): string | null => {
    const outcome = addFieldInEditor(view, key, value);
    if (outcome === null) {
      focusAfterAdd.current = key;
      setRefusal(null);
    }
    return outcome;
  };
  const data = useMemo(() => Object.fromEntries(model.fields.map((f) => [f.key, f.value])), [model]);
  const problems = useMemo(
    () => (model.status === 'ok' || model.status === 'none' ? validateData(data, schema) : []),
    [data, model.status, schema],
  );
  const tagSuggestions = useMemo(() => {
    const counts = new Map<string, number>();
    for (const article of articles)
      for (const tag of article.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
    return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([tag]) => tag);
  }, [articles]);

  const toggle = (): void => {
    const next = !collapsed;
    setCollapsed(next);
    localStorage.setItem(collapsedKey, next ? '1' : '0');
  };

  // Rows get one stable actions object that reads the latest model and view through a ref.
  const latest = useRef({ model, view });
  useLayoutEffect(() => {
    latest.current = { model, view };
  });
  const actions = useMemo<FieldRowActions>(
    () => ({
      change(key, value, kind) {
        const { model: current, view: editor } = latest.current;
        const present = current.fields.some((f) => f.key === key);
        const outcome =
          value === undefined
            ? present
              ? removeFieldInEditor(editor, key)
              : null
            : setFieldInEditor(editor, key, value, kind, focusStyles.current.get(key));
        setRefusal(outcome);
      },
      reveal(key) {
        const field = latest.current.model.fields.find((f) => f.key === key);
        if (field) revealInEditor(latest.current.view, field.from, field.to);
      },
      focus(key) {
        const field = latest.current.model.fields.find((f) => f.key === key);
        if (field) focusStyles.current.set(key, field.style);
      },
      blur(key) {
        focusStyles.current.delete(key);
      },
    }),
    [],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLElement>): void => {
    const mod = event.ctrlKey || event.metaKey;
    if (!mod || event.altKey) return;
    const key = event.key.toLowerCase();
    if (key === 'z' || key === 'y') {
      // The inputs are views of the YAML: undo is the editor's, so form and YAML stay one.
      event.preventDefault();
      undoInEditor(view, key === 'y' || event.shiftKey);
    } else if (key === 's') {
      event.preventDefault();
      onSave?.();
    }
  };

  return (
    <section className="folio-frontmatter" aria-label="Frontmatter" onKeyDown={onKeyDown}>
      <header className="folio-frontmatter-header">
        <button type="button" aria-expanded={!collapsed} aria-controls={bodyId} onClick={toggle}>
          <span className="folio-frontmatter-caret" aria-hidden="true">
            {collapsed ? '▸' : '▾'}
          </span>
          Article details
        </button>
        <span className="folio-frontmatter-summary">{summary(model, problems.length)}</span>
      </header>
      {!collapsed && (
        <form
          id={bodyId}
          aria-label="Article details"
          className="folio-frontmatter-form"
          onSubmit={(event) => event.preventDefault()}
        >
          {model.status === 'error' || model.status === 'unsupported' ? (
            <ErrorView model={model} view={view} />
          ) : model.status === 'toml' ? (
            <div className="folio-frontmatter-message" role="note">
              <p>
                This article uses TOML frontmatter. Folio keeps it exactly as written; edit it in the editor.
              </p>
              <button type="button" onClick={() => revealInEditor(view, model.block!.from, model.block!.to)}>
                Show in editor
              </button>
            </div>
          ) : (
            <>
              {(problems.length > 0 || schemaFileProblems.length > 0) && (
                <div className="folio-frontmatter-problems" role="group" aria-label="Problems">
                  <ul>
                    {schemaFileProblems.map((p) => (
                      <li key={p}>{p}</li>
                    ))}
                    {problems.map((p) => (
                      <li key={p.key}>
                        <a
                          href={`#${baseId}-${p.key}`}
                          onClick={(event) => {
                            event.preventDefault();
                            document.getElementById(`${baseId}-${p.key}`)?.focus();
                          }}
                        >
                          {p.message}
                        </a>
                      </li>
                    ))}
                  </ul>
                </div>
              )}
              {refusal && (
                <p className="folio-frontmatter-refusal" role="status">
                  Not changed: {refusal}
                </p>
              )}
              <div className="folio-frontmatter-grid">
                {rows.map((row) => (
                  <FieldRow
                    key={row.spec.key}
                    row={row}
                    baseId={baseId}
                    problem={problems.find((p) => p.key === row.spec.key)?.message ?? null}
                    readOnly={readOnly}
                    disabled={readOnly || !view}
                    articlePath={articlePath}
                    suggestions={
                      row.spec.choices ?? (row.spec.key === 'tags' ? tagSuggestions : noSuggestions)
                    }
                    actions={actions}
                  />
                ))}
              </div>
              <AddField
                missing={missingFields}
                present={presentKeys}
                disabled={readOnly || !view}
                onAdd={addField}
              />
            </>
          )}
        </form>
      )}
    </section>
  );
}

function summary(model: FrontmatterModel, problemCount: number): string {
  if (model.status === 'error' || model.status === 'unsupported') return 'YAML needs fixing';
  if (model.status === 'toml') return 'TOML';
  if (model.status === 'none') return 'no frontmatter yet';
  const count = model.fields.length;
  const fields = `${count} ${count === 1 ? 'field' : 'fields'}`;
  return problemCount > 0
    ? `${fields} · ${problemCount} ${problemCount === 1 ? 'problem' : 'problems'}`
    : fields;
}

function ErrorView({ model, view }: { model: FrontmatterModel; view: EditorView | null }): ReactElement {
  const error = model.error!;
  return (
    <div className="folio-frontmatter-message folio-frontmatter-error" role="alert">
      <p>
        <strong>The frontmatter cannot be shown as a form.</strong> Line {error.line}, column {error.column}:{' '}
        {error.message}
      </p>
      <p>
        The article body stays editable, and Folio saves the frontmatter exactly as it is until you fix it.
      </p>
      <button type="button" onClick={() => revealInEditor(view, error.offset)}>
        Go to line {error.line}
      </button>
    </div>
  );
}

/**
 * The form renders again only when its frontmatter block or another prop changed: typing in
 * the body changes the text on every keystroke, and at 100k words re-rendering the form's
 * inputs for it cost about a millisecond each time.
 */
export const FrontmatterForm = memo(FrontmatterFormView, (before, after) => {
  for (const key of Object.keys(after) as (keyof FrontmatterFormProps)[]) {
    if (key !== 'text' && before[key] !== after[key]) return false;
  }
  return frontmatterPrefix(before.text) === frontmatterPrefix(after.text);
});
