import { useState, type ReactElement } from 'react';
import {
  datePart,
  isRealDate,
  todayDate,
  withDatePart,
  type FieldValue,
  type SchemaField,
} from '../../../shared/frontmatter';
import { CoverPicker } from './CoverPicker';
import type { EditKind } from './editor-bridge';
import { TagInput } from './TagInput';

/** Props of {@link FieldEditor}. */
export interface FieldEditorProps {
  readonly spec: SchemaField;
  /** Current value in the YAML (`undefined` when the key is missing). */
  readonly value: unknown;
  /** The value as written in the YAML (numbers show their digits as written). */
  readonly source: string;
  readonly inputId: string;
  readonly labelId: string;
  readonly describedBy?: string;
  readonly invalid: boolean;
  readonly disabled: boolean;
  readonly articlePath: string;
  readonly suggestions: readonly string[];
  /** Sets the value (`undefined` removes the key). */
  readonly onChange: (value: FieldValue | undefined, kind: EditKind) => void;
  readonly onFocus: () => void;
  readonly onBlur: () => void;
}

function textOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? '' : String(value);
}

/**
 * A number box that lets you type `1.` or `-` on the way to a number: it keeps its own draft
 * while focused and writes to the YAML whenever the draft is a number.
 */
function NumberInput(props: FieldEditorProps): ReactElement {
  const outside =
    typeof props.value === 'number' && /^[-+]?[\d.]/.test(props.source) ? props.source : textOf(props.value);
  // The draft shows only while the YAML still holds what the draft wrote (undo replaces it).
  const [draft, setDraft] = useState<{ text: string; basis: string } | null>(null);
  const shown = draft && draft.basis === outside ? draft.text : outside;
  return (
    <input
      id={props.inputId}
      type="text"
      inputMode="decimal"
      value={shown}
      disabled={props.disabled}
      aria-invalid={props.invalid || undefined}
      aria-describedby={props.describedBy}
      onFocus={props.onFocus}
      onBlur={() => {
        setDraft(null);
        props.onBlur();
      }}
      onChange={(event) => {
        const text = event.target.value;
        const trimmed = text.trim();
        if (trimmed === '') {
          setDraft({ text, basis: '' });
          props.onChange(undefined, 'typing');
        } else if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(trimmed)) {
          setDraft({ text, basis: trimmed });
          props.onChange({ yaml: trimmed }, 'typing');
        } else setDraft({ text, basis: outside });
      }}
    />
  );
}

/** The input for one field, by its schema type. */
export function FieldEditor(props: FieldEditorProps): ReactElement {
  const { spec, value, inputId, labelId, describedBy, invalid, disabled, onChange, onFocus, onBlur } = props;
  const common = {
    id: inputId,
    disabled,
    'aria-invalid': invalid || undefined,
    'aria-describedby': describedBy,
    'aria-required': spec.required || undefined,
    onFocus,
    onBlur,
  };
  const setText = (text: string, kind: EditKind = 'typing'): void =>
    onChange(text === '' ? undefined : text, kind);
  switch (spec.type) {
    case 'long-text':
      return (
        <textarea {...common} rows={2} value={textOf(value)} onChange={(e) => setText(e.target.value)} />
      );
    case 'number':
      return <NumberInput {...props} />;
    case 'boolean':
      return (
        <input
          {...common}
          type="checkbox"
          checked={value === true}
          onChange={(e) => onChange(e.target.checked, 'change')}
        />
      );
    case 'date': {
      const text = typeof value === 'string' ? value : '';
      const day = datePart(text);
      const shape = day && text.trim().length > day.length ? text.trim().slice(day.length) : '';
      return (
        <span className="folio-date">
          <input
            {...common}
            type="date"
            value={day && isRealDate(day) ? day : ''}
            onChange={(e) =>
              setText(e.target.value ? withDatePart(text || null, e.target.value) : '', 'change')
            }
          />
          <button
            type="button"
            disabled={disabled}
            aria-label={`Set ${spec.label} to today`}
            onClick={() => setText(withDatePart(text || null, todayDate()), 'change')}
          >
            Today
          </button>
          {shape && <span className="folio-field-note">keeps time {shape.trim().replace(/^[Tt]/, '')}</span>}
          {text && !isRealDate(text) && <span className="folio-field-note">written as “{text}”</span>}
        </span>
      );
    }
    case 'list': {
      const items = Array.isArray(value) ? value.map((v) => String(v)) : [];
      return (
        <TagInput
          labelId={labelId}
          inputId={inputId}
          label={spec.label}
          values={items}
          suggestions={props.suggestions}
          disabled={disabled}
          describedBy={describedBy}
          onChange={(next) => onChange(next, 'change')}
        />
      );
    }
    case 'choice': {
      const current = textOf(value);
      const choices = spec.choices ?? [];
      return (
        <select {...common} value={current} onChange={(e) => setText(e.target.value, 'change')}>
          <option value="">—</option>
          {current && !choices.includes(current) && <option value={current}>{current} (not a choice)</option>}
          {choices.map((choice) => (
            <option key={choice} value={choice}>
              {choice}
            </option>
          ))}
        </select>
      );
    }
    case 'image':
      return (
        <CoverPicker
          inputId={inputId}
          value={textOf(value)}
          articlePath={props.articlePath}
          disabled={disabled}
          describedBy={describedBy}
          onChange={(text, kind) => setText(text, kind)}
        />
      );
    case 'url':
      return <input {...common} type="url" value={textOf(value)} onChange={(e) => setText(e.target.value)} />;
    default:
      return (
        <input {...common} type="text" value={textOf(value)} onChange={(e) => setText(e.target.value)} />
      );
  }
}
