import { useState, type ReactElement } from 'react';
import {
  isRealDate,
  readDate,
  timePart,
  todayDate,
  withDatePart,
  withTimePart,
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

/**
 * A date: a native date picker over the day, written back in the file's own shape (time,
 * offset, quotes, `2024/05/01` or `May 1, 2024` stay as they were written). A value Folio cannot
 * read as a day (`05/01/2024`: day or month first?) stays an editable text with a hint, rather
 * than a guess.
 */
function DateInput(props: FieldEditorProps): ReactElement {
  const { spec, value, inputId, describedBy, invalid, disabled, onChange, onFocus, onBlur } = props;
  const text = typeof value === 'string' ? value : '';
  const shape = text ? readDate(text) : null;
  const hintId = `${inputId}-date-hint`;
  const described = [describedBy, hintId].filter(Boolean).join(' ');
  const set = (next: string): void => onChange(next === '' ? undefined : next, 'change');
  if (text && !shape) {
    return (
      <span className="folio-date">
        <input
          id={inputId}
          type="text"
          value={text}
          disabled={disabled}
          aria-invalid={invalid || undefined}
          aria-describedby={described}
          onFocus={onFocus}
          onBlur={onBlur}
          onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value, 'typing')}
        />
        <span id={hintId} className="folio-field-note">
          Not a date Folio can read without guessing, so it stays text. Write it like {todayDate()} to use the
          date picker.
        </span>
      </span>
    );
  }
  const time = text ? timePart(text) : null;
  // What the inputs do not show but the file keeps: a fraction of a second, an offset.
  const kept = shape?.time.replace(/^([Tt]|\s+)\d{1,2}:\d{2}(:\d{2})?/, '').trim() ?? '';
  const notes: string[] = [];
  if (shape && !isRealDate(text)) notes.push(`written as “${text}”, not a real day`);
  else if (shape && !shape.iso) notes.push(`kept as “${text.trim()}”`);
  else if (time === null && shape?.time.trim()) notes.push(`keeps “${shape.time.trim()}”`);
  else if (kept) notes.push(`keeps “${kept}”`);
  return (
    <span className="folio-date">
      <input
        id={inputId}
        type="date"
        value={shape && isRealDate(text) ? shape.day : ''}
        disabled={disabled}
        aria-invalid={invalid || undefined}
        aria-describedby={notes.length > 0 ? described : describedBy}
        aria-required={spec.required || undefined}
        onFocus={onFocus}
        onBlur={onBlur}
        onChange={(e) => set(e.target.value ? withDatePart(text || null, e.target.value) : '')}
      />
      {time !== null && (
        <input
          type="time"
          className="folio-time"
          aria-label={`${spec.label} time`}
          step={time.length > 5 ? 1 : 60}
          value={time}
          disabled={disabled}
          onFocus={onFocus}
          onBlur={onBlur}
          // The offset and any fraction stay as written: only the hours, minutes and seconds change.
          onChange={(e) => e.target.value && set(withTimePart(text, e.target.value))}
        />
      )}
      <button
        type="button"
        disabled={disabled}
        aria-label={`Set ${spec.label} to today`}
        onClick={() => set(withDatePart(text || null, todayDate()))}
      >
        Today
      </button>
      {notes.length > 0 && (
        <span id={hintId} className="folio-field-note">
          {notes.join(' · ')}
        </span>
      )}
    </span>
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
    case 'date':
      return <DateInput {...props} />;
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
