import {
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type FormEvent,
  type KeyboardEvent,
  type ReactElement,
} from 'react';
import { todayDate, type FieldValue, type SchemaField } from '../../../shared/frontmatter';

/** The types a custom key can start as (the form then edits it by the type of its value). */
export const customFieldTypes = [
  { type: 'text', label: 'Text' },
  { type: 'number', label: 'Number' },
  { type: 'boolean', label: 'True/false' },
  { type: 'date', label: 'Date' },
  { type: 'list', label: 'List' },
] as const;

/** One of {@link customFieldTypes}. */
export type CustomFieldType = (typeof customFieldTypes)[number]['type'];

/**
 * The value a new field starts with: the schema's default, else an empty value of its type
 * (today for a date, so the picker has a day and the key reads as a date). Text starts as a
 * bare `key:`, so what the author then types is written plain, not inside `""`.
 */
export function initialValue(type: SchemaField['type'] | CustomFieldType, spec?: SchemaField): FieldValue {
  if (spec?.default !== undefined && spec.default !== null) return spec.default;
  switch (type) {
    case 'number':
      return 0;
    case 'boolean':
      return false;
    case 'date':
      return todayDate();
    case 'list':
      return [];
    default:
      return { yaml: '' };
  }
}

/** Props of {@link AddField}. */
export interface AddFieldProps {
  /** Schema fields the file does not have yet, in schema order. */
  readonly missing: readonly SchemaField[];
  /** Keys already in the file (a custom key may not repeat one). */
  readonly present: readonly string[];
  readonly disabled: boolean;
  /** Adds the key; returns why it was refused, or `null` when added. */
  readonly onAdd: (key: string, value: FieldValue) => string | null;
}

const custom = '\u0000custom';

/**
 * "Add field": pick a schema field the file lacks, or name a custom key and its type. The key
 * is appended to the YAML (with the file's indentation and line endings) as one undo step and
 * its input gets the focus. Enter adds, Escape closes.
 */
export function AddField(props: AddFieldProps): ReactElement {
  const { missing, present, disabled, onAdd } = props;
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState('');
  const [key, setKey] = useState('');
  const [type, setType] = useState<CustomFieldType>('text');
  const [message, setMessage] = useState<string | null>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  // Closing without adding gives the focus back to "+ Add field" in the same commit that removes
  // the panel, so the focus never rests on the page body in between.
  const refocusOpener = useRef(false);
  useLayoutEffect(() => {
    if (open || !refocusOpener.current) return;
    refocusOpener.current = false;
    opener.current?.focus();
  }, [open]);
  // The form scrolls inside its pane: bring the opened panel fully into view.
  useEffect(() => {
    if (open) panel.current?.scrollIntoView({ block: 'nearest' });
  }, [open]);
  const id = useId();
  const selected = choice || (missing[0]?.key ?? custom);
  const isCustom = selected === custom;

  const close = (): void => {
    setOpen(false);
    setMessage(null);
    setKey('');
    setChoice('');
    refocusOpener.current = true;
  };

  const submit = (event?: FormEvent): void => {
    event?.preventDefault();
    let name: string;
    let value: FieldValue;
    if (isCustom) {
      name = key.trim();
      if (!name) return setMessage('Give the field a name.');
      if (/[\r\n]/.test(name)) return setMessage('A field name is one line.');
      if (present.includes(name)) return setMessage(`“${name}” is already in this article.`);
      value = initialValue(type);
    } else {
      const spec = missing.find((s) => s.key === selected);
      if (!spec) return setMessage('Choose a field.');
      name = spec.key;
      value = initialValue(spec.type, spec);
    }
    const refusal = onAdd(name, value);
    if (refusal) return setMessage(refusal);
    setOpen(false);
    setMessage(null);
    setKey('');
    setChoice('');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>): void => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close();
    } else if (event.key === 'Enter' && (event.target as HTMLElement).tagName !== 'BUTTON') {
      submit(event);
    }
  };

  if (!open) {
    return (
      <div className="folio-add-field">
        <button
          ref={opener}
          type="button"
          disabled={disabled}
          onClick={() => setOpen(true)}
          aria-expanded={false}
        >
          + Add field
        </button>
      </div>
    );
  }
  return (
    <div
      className="folio-add-field folio-add-field-open"
      role="group"
      aria-label="Add field"
      onKeyDown={onKeyDown}
    >
      <span className="folio-add-field-part">
        <label htmlFor={`${id}-field`}>Field</label>
        <select
          id={`${id}-field`}
          value={selected}
          autoFocus={missing.length > 0}
          onChange={(e) => {
            setChoice(e.target.value);
            setMessage(null);
          }}
        >
          {missing.map((spec) => (
            <option key={spec.key} value={spec.key}>
              {spec.label}
            </option>
          ))}
          <option value={custom}>Custom field…</option>
        </select>
      </span>
      {isCustom && (
        <>
          <span className="folio-add-field-part">
            <label htmlFor={`${id}-key`}>Name</label>
            <input
              id={`${id}-key`}
              type="text"
              value={key}
              // Choosing "Custom field…" (or having nothing else to offer) goes straight to the name.
              autoFocus
              placeholder="e.g. series"
              spellCheck={false}
              aria-invalid={message ? true : undefined}
              aria-describedby={message ? `${id}-message` : undefined}
              onChange={(e) => {
                setKey(e.target.value);
                setMessage(null);
              }}
            />
          </span>
          <span className="folio-add-field-part">
            <label htmlFor={`${id}-type`}>Type</label>
            <select
              id={`${id}-type`}
              value={type}
              onChange={(e) => setType(e.target.value as CustomFieldType)}
            >
              {customFieldTypes.map((t) => (
                <option key={t.type} value={t.type}>
                  {t.label}
                </option>
              ))}
            </select>
          </span>
        </>
      )}
      <button type="button" onClick={() => submit()}>
        Add
      </button>
      <button type="button" onClick={close}>
        Cancel
      </button>
      {message && (
        <p id={`${id}-message`} className="folio-field-problem" role="alert">
          {message}
        </p>
      )}
    </div>
  );
}
