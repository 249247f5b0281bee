import { memo, type ReactElement } from 'react';
import type { FieldValue } from '../../../shared/frontmatter';
import type { EditKind } from './editor-bridge';
import { FieldEditor } from './FieldEditor';
import { describeValue, isMissingRequired, type FormRow } from './form-fields';

/** What a row asks of the form; one stable object, so rows need not re-render for new closures. */
export interface FieldRowActions {
  /** Sets the key's value (`undefined`, an emptied input, removes it but keeps the row). */
  change(key: string, value: FieldValue | undefined, kind: EditKind): void;
  /** Removes the key and its row (the × beside the label). */
  remove(key: string): void;
  /** Selects the key's YAML in the editor (looked up when clicked, so offsets are current). */
  reveal(key: string): void;
  focus(key: string): void;
  blur(key: string): void;
}

/** Props of {@link FieldRow}. */
export interface FieldRowProps {
  readonly row: FormRow;
  readonly baseId: string;
  readonly problem: string | null;
  readonly disabled: boolean;
  /** Whether the row has a × (a key in the file, or an emptied field the form still shows). */
  readonly removable: boolean;
  readonly articlePath: string;
  readonly suggestions: readonly string[];
  readonly actions: FieldRowActions;
}

function sameRow(a: FormRow, b: FormRow): boolean {
  const [sa, sb] = [a.spec, b.spec];
  if (
    sa.key !== sb.key ||
    sa.type !== sb.type ||
    sa.label !== sb.label ||
    sa.required !== sb.required ||
    sa.help !== sb.help ||
    sa.choices !== sb.choices
  ) {
    return false;
  }
  const [fa, fb] = [a.field, b.field];
  if (fa === null || fb === null) return fa === fb;
  // The source text fixes the value; offsets are not shown (reveal looks them up when clicked).
  return (
    fa.source === fb.source && fa.style === fb.style && fa.editable === fb.editable && fa.reason === fb.reason
  );
}

/**
 * One field of the form: label, remove button, input (or a read-only value with "Edit as YAML"),
 * problem and help. Memoized on what it shows, so typing in one field of a 1,000-key block
 * re-renders that row only.
 */
export const FieldRow = memo(
  function FieldRow(props: FieldRowProps): ReactElement {
    const { row, baseId, problem, disabled, removable, articlePath, suggestions, actions } = props;
    const key = row.spec.key;
    const inputId = `${baseId}-${key}`;
    const labelId = `${inputId}-label`;
    const helpId = row.spec.help ? `${inputId}-help` : undefined;
    const missing = isMissingRequired(row);
    const missingId = missing ? `${inputId}-missing` : undefined;
    // A missing required field says so in its badge; its "is required" problem would repeat it.
    const shownProblem = missing ? null : problem;
    const problemId = shownProblem ? `${inputId}-problem` : undefined;
    const describedBy = [missingId, problemId, helpId].filter(Boolean).join(' ') || undefined;
    const wide = row.spec.type === 'long-text' || row.spec.type === 'list' || row.spec.type === 'image';
    return (
      <div
        className={`folio-field${wide ? ' folio-field-wide' : ''}${missing ? ' folio-field-missing' : ''}`}
      >
        <div className="folio-field-head">
          <label id={labelId} htmlFor={inputId}>
            {row.spec.label}
            {row.spec.required && <span aria-hidden="true"> *</span>}
          </label>
          {missing && (
            <span id={missingId} className="folio-field-badge">
              required, missing
            </span>
          )}
          {removable && (
            <button
              type="button"
              className="folio-field-remove"
              title={`Remove ${row.spec.label} from the frontmatter`}
              onClick={() => actions.remove(key)}
            >
              <span aria-hidden="true">×</span>
              {/* Named by text, not aria-label, so the field's label names only its input. */}
              <span className="folio-visually-hidden">Remove {row.spec.label}</span>
            </button>
          )}
        </div>
        {row.field && !row.field.editable ? (
          <div className="folio-field-readonly">
            <output id={inputId} aria-labelledby={labelId} aria-describedby={describedBy}>
              {describeValue(row.field.value)}
            </output>
            <button type="button" title={row.field.reason ?? undefined} onClick={() => actions.reveal(key)}>
              Edit as YAML
            </button>
          </div>
        ) : (
          <FieldEditor
            spec={row.spec}
            value={row.field?.value}
            source={row.field?.source ?? ''}
            inputId={inputId}
            labelId={labelId}
            describedBy={describedBy}
            invalid={problem !== null}
            disabled={disabled}
            articlePath={articlePath}
            suggestions={suggestions}
            onChange={(value, kind) => actions.change(key, value, kind)}
            onFocus={() => actions.focus(key)}
            onBlur={() => actions.blur(key)}
          />
        )}
        {shownProblem && (
          <p id={problemId} className="folio-field-problem">
            {shownProblem}
          </p>
        )}
        {row.spec.help && (
          <p id={helpId} className="folio-field-help">
            {row.spec.help}
          </p>
        )}
      </div>
    );
  },
  (a, b) =>
    sameRow(a.row, b.row) &&
    a.baseId === b.baseId &&
    a.problem === b.problem &&
    a.disabled === b.disabled &&
    a.removable === b.removable &&
    a.articlePath === b.articlePath &&
    a.suggestions === b.suggestions &&
    a.actions === b.actions,
);
