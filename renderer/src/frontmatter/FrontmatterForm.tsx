import type { EditorView } from '@codemirror/view';
import {
  memo,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type KeyboardEvent,
  type ReactElement,
} from 'react';
import type { ArticleSummary } from '../../../shared/contract';
import {
  readFrontmatter,
  validateData,
  type FieldValue,
  type FrontmatterModel,
  type SchemaField,
  type ValueStyle,
} from '../../../shared/frontmatter';
import { settingsStore } from '../settings/settings-store';
import { AddField } from './AddField';
import { detailsOpenMemory } from './details-open-memory';
import { DetailsSummary } from './DetailsSummary';
import {
  addFieldInEditor,
  removeFieldInEditor,
  revealInEditor,
  setFieldInEditor,
  undoInEditor,
} from './editor-bridge';
import { FieldRow, type FieldRowActions } from './FieldRow';
import { formRows } from './form-fields';
import { useLibraryRoot } from './useLibraryRoot';
import { useLibrarySchema } from './useLibrarySchema';
import './FrontmatterForm.css';

/** Props of {@link FrontmatterForm}. */
export interface FrontmatterFormProps {
  /** The editor the YAML lives in; form edits are dispatched to it. */
  readonly view: EditorView | null;
  /**
   * The editor's text up to the end of its frontmatter block (its first 4 characters when it has
   * none): the form is a view of it. Typing in the body leaves it the same.
   */
  readonly frontmatter: string;
  readonly articlePath: string;
  readonly readOnly: boolean;
  /** The library's articles, for tag suggestions. */
  readonly articles: readonly ArticleSummary[];
  /** Saves the article (Mod-s inside the form). */
  readonly onSave?: () => void;
}

const noSuggestions: readonly string[] = [];
const noKeptFields: ReadonlyMap<string, SchemaField> = new Map();
/** The id suffix of the error view's "Go to line" button, where the problem count leads. */
const errorTarget = 'yaml-error';

/** Fields the form keeps showing for one article after they were emptied in it. */
interface KeptFields {
  readonly articlePath: string;
  readonly fields: ReadonlyMap<string, SchemaField>;
}

/**
 * The "Article details" form above the editor: a live, two-way view of the YAML frontmatter.
 * It shows the keys the article has and the required ones it lacks; the library's other fields
 * are in "+ Add field" (or all shown, with the "Show every schema field" setting). Closed, its
 * header is one line: title, status, tags and a problem count. Typing in the YAML updates it;
 * each form edit is one editor transaction (undo covers it); what it cannot edit safely is
 * read-only with a way to the YAML; broken YAML turns it into a message with line, column and a
 * button to go there.
 */
function FrontmatterFormView(props: FrontmatterFormProps): ReactElement {
  const { view, articlePath, readOnly, articles, onSave } = props;
  const prefix = props.frontmatter;
  const model = useMemo(() => readFrontmatter(prefix), [prefix]);
  const { schema, problems: schemaFileProblems } = useLibrarySchema();
  const { showEverySchemaField } = useSyncExternalStore(settingsStore.subscribe, settingsStore.getSnapshot);
  const libraryRoot = useLibraryRoot();
  // Subscribed so that opening or closing (here or in another window) renders the form again.
  useSyncExternalStore(detailsOpenMemory.subscribe, detailsOpenMemory.getSnapshot);
  const remembersOpen = detailsOpenMemory.isOpen(libraryRoot, window.innerHeight);
  // An article without frontmatter keeps to one line until the author asks for the form: with
  // "+ Add details" (which opens the list of fields) or the problem count.
  const [detailsAsked, setDetailsAsked] = useState<{ articlePath: string; list: boolean } | null>(null);
  const asked = detailsAsked?.articlePath === articlePath ? detailsAsked : null;
  const open = model.status === 'none' && !showEverySchemaField ? asked !== null : remembersOpen;
  const [keptState, setKept] = useState<KeptFields>({ articlePath, fields: new Map() });
  const kept = keptState.articlePath === articlePath ? keptState.fields : noKeptFields;
  const [refusal, setRefusal] = useState<string | null>(null);
  const focusStyles = useRef(new Map<string, ValueStyle>());
  const baseId = useId();
  const bodyId = `${baseId}-body`;

  const rows = useMemo(
    () => formRows(model, schema, { everySchemaField: showEverySchemaField, keep: kept }),
    [model, schema, showEverySchemaField, kept],
  );
  const presentKeys = useMemo(() => model.fields.map((f) => f.key), [model]);
  const missingFields = useMemo(() => {
    const shown = new Set(rows.map((row) => row.spec.key));
    // With every field shown, the list still offers the absent ones (as it always has): adding
    // writes the key with its default.
    return schema.fields.filter(
      (spec) => !presentKeys.includes(spec.key) && (showEverySchemaField || !shown.has(spec.key)),
    );
  }, [schema, presentKeys, rows, showEverySchemaField]);
  // The field to focus once the form shows it: one just added, or the first problem (the DOM is
  // the external system).
  const focusWhenShown = useRef<string | null>(null);
  useEffect(() => {
    const target = focusWhenShown.current;
    if (target === null || !open) return;
    const element = document.getElementById(`${baseId}-${target}`);
    if (!element) return;
    focusWhenShown.current = null;
    element.focus();
  }, [presentKeys, open, baseId]);
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

  const setOpen = (next: boolean, list = false): void => {
    if (model.status === 'none') setDetailsAsked(next ? { articlePath, list } : null);
    detailsOpenMemory.remember(libraryRoot, next);
  };
  const showProblem = (): void => {
    const target = model.status === 'ok' ? (problems[0]?.key ?? null) : errorTarget;
    if (open) {
      if (target !== null) document.getElementById(`${baseId}-${target}`)?.focus();
      return;
    }
    focusWhenShown.current = target;
    setOpen(true);
  };
  const addField = (key: string, value: FieldValue): string | null => {
    const outcome = addFieldInEditor(view, key, value);
    if (outcome === null) {
      focusWhenShown.current = key;
      setRefusal(null);
    }
    return outcome;
  };

  // Rows get one stable actions object that reads the latest model and view through a ref.
  const latest = useRef({ model, view, rows, articlePath });
  useLayoutEffect(() => {
    latest.current = { model, view, rows, articlePath };
  });
  const actions = useMemo<FieldRowActions>(() => {
    const keep = (key: string, on: boolean): void => {
      const { rows: shown, articlePath: path } = latest.current;
      const spec = shown.find((row) => row.spec.key === key)?.spec;
      setKept((before) => {
        const fields = new Map(before.articlePath === path ? before.fields : []);
        if (on && spec) fields.set(key, spec);
        else fields.delete(key);
        return { articlePath: path, fields };
      });
    };
    return {
      change(key, value, kind) {
        const { model: current, view: editor } = latest.current;
        const present = current.fields.some((f) => f.key === key);
        if (value === undefined) {
          // An emptied input removes the key, and its row stays for what the author types next.
          keep(key, true);
          setRefusal(present ? removeFieldInEditor(editor, key) : null);
        } else setRefusal(setFieldInEditor(editor, key, value, kind, focusStyles.current.get(key)));
      },
      remove(key) {
        const { model: current, view: editor } = latest.current;
        keep(key, false);
        setRefusal(current.fields.some((f) => f.key === key) ? removeFieldInEditor(editor, key) : null);
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
    };
  }, []);

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

  const editable = !readOnly && view !== null;
  return (
    <section
      className={`folio-frontmatter${open ? ' folio-frontmatter-open' : ''}`}
      aria-label="Frontmatter"
      onKeyDown={onKeyDown}
    >
      <header
        className="folio-frontmatter-header"
        // A click anywhere else on the line toggles too; the button is the keyboard's way in.
        onClick={(event) => {
          if (!(event.target as HTMLElement).closest('button')) setOpen(!open);
        }}
      >
        <button
          type="button"
          className="folio-frontmatter-toggle"
          aria-expanded={open}
          aria-controls={open ? bodyId : undefined}
          onClick={() => setOpen(!open)}
        >
          <span className="folio-frontmatter-caret" aria-hidden="true">
            {open ? '▾' : '▸'}
          </span>
          Article details
        </button>
        <DetailsSummary
          model={model}
          open={open}
          problemCount={problems.length}
          onShowProblem={showProblem}
          onAddDetails={() => setOpen(true, true)}
          editable={editable}
        />
      </header>
      {open && (
        <form
          id={bodyId}
          aria-label="Article details"
          className="folio-frontmatter-form"
          onSubmit={(event) => event.preventDefault()}
        >
          {model.status === 'error' || model.status === 'unsupported' ? (
            <ErrorView model={model} view={view} buttonId={`${baseId}-${errorTarget}`} />
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
              {rows.length > 0 && (
                <div className="folio-frontmatter-grid">
                  {rows.map((row) => (
                    <FieldRow
                      key={row.spec.key}
                      row={row}
                      baseId={baseId}
                      problem={problems.find((p) => p.key === row.spec.key)?.message ?? null}
                      disabled={!editable}
                      removable={
                        editable &&
                        (row.field ? row.field.editable : kept.has(row.spec.key) && !showEverySchemaField)
                      }
                      articlePath={articlePath}
                      suggestions={
                        row.spec.choices ?? (row.spec.key === 'tags' ? tagSuggestions : noSuggestions)
                      }
                      actions={actions}
                    />
                  ))}
                </div>
              )}
              <AddField
                missing={missingFields}
                present={presentKeys}
                disabled={!editable}
                startOpen={asked?.list === true && model.status === 'none'}
                onAdd={addField}
              />
            </>
          )}
        </form>
      )}
    </section>
  );
}

function ErrorView({
  model,
  view,
  buttonId,
}: {
  model: FrontmatterModel;
  view: EditorView | null;
  buttonId: string;
}): ReactElement {
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
      <button id={buttonId} type="button" onClick={() => revealInEditor(view, error.offset)}>
        Go to line {error.line}
      </button>
    </div>
  );
}

/**
 * The form renders again only when its frontmatter block or another prop changed: it is given
 * the text up to the end of the block, which typing in the body leaves the same (at 100k words,
 * re-rendering the form's inputs for each change of the body cost about a millisecond).
 */
export const FrontmatterForm = memo(FrontmatterFormView);
