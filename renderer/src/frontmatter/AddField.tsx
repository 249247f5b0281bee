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
import { todayDate, type FieldType, type FieldValue, type SchemaField } from '../../../shared/frontmatter';

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

/** How the list of "+ Add field" names each schema type. */
export const fieldTypeNames: Readonly<Record<FieldType, string>> = {
  text: 'Text',
  'long-text': 'Long text',
  number: 'Number',
  boolean: 'True/false',
  date: 'Date',
  list: 'List',
  choice: 'Choice',
  image: 'Image',
  url: 'Web address',
};

/** Props of {@link AddField}. */
export interface AddFieldProps {
  /** Schema fields the form does not show yet, in schema order. */
  readonly missing: readonly SchemaField[];
  /** Keys already in the file (a custom key may not repeat one). */
  readonly present: readonly string[];
  readonly disabled: boolean;
  /** Opens the list as soon as it shows ("+ Add details" on an article without any). Default false. */
  readonly startOpen?: boolean;
  /** Adds the key; returns why it was refused, or `null` when added. */
  readonly onAdd: (key: string, value: FieldValue) => string | null;
}

/**
 * "+ Add field": a list of the schema fields the form does not show, each with its type and
 * help (one click adds it), and "Custom field…" to name a key and pick its type. The key is
 * appended to the YAML (with the file's indentation and line endings) as one undo step and its
 * input gets the focus. Arrow keys move through the list, Enter adds, Escape closes.
 */
export function AddField(props: AddFieldProps): ReactElement {
  const { missing, present, disabled, onAdd } = props;
  const [open, setOpen] = useState(props.startOpen === true);
  const [customChosen, setCustomChosen] = useState(false);
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
  // The form scrolls inside its pane: bring the opened panel into view, its top first (the
  // list can be taller than the form's third of the column).
  useEffect(() => {
    if (open) panel.current?.scrollIntoView({ block: 'start' });
  }, [open]);
  const id = useId();
  // With no schema field left to offer, the panel goes straight to the custom key.
  const isCustom = customChosen || missing.length === 0;

  const reset = (): void => {
    setOpen(false);
    setMessage(null);
    setKey('');
    setCustomChosen(false);
  };

  const close = (): void => {
    reset();
    refocusOpener.current = true;
  };

  const add = (name: string, value: FieldValue): void => {
    const refusal = onAdd(name, value);
    if (refusal) setMessage(refusal);
    else reset();
  };

  const addCustom = (event?: FormEvent): void => {
    event?.preventDefault();
    const name = key.trim();
    if (!name) return setMessage('Give the field a name.');
    if (/[\r\n]/.test(name)) return setMessage('A field name is one line.');
    if (present.includes(name)) return setMessage(`“${name}” is already in this article.`);
    add(name, initialValue(type));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>): void => {
    const target = event.target as HTMLElement;
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close();
    } else if (event.key === 'Enter' && target.tagName !== 'BUTTON') {
      addCustom(event);
    } else if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && target.dataset.folioChoice) {
      event.preventDefault();
      const choices = Array.from(panel.current?.querySelectorAll<HTMLElement>('[data-folio-choice]') ?? []);
      const next = choices.indexOf(target) + (event.key === 'ArrowDown' ? 1 : -1);
      choices[(next + choices.length) % choices.length]?.focus();
    }
  };

  const cancel = (
    <button type="button" className="folio-add-field-cancel" onClick={close}>
      Cancel
    </button>
  );
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
      ref={panel}
      className="folio-add-field folio-add-field-open"
      role="group"
      aria-label="Add field"
      onKeyDown={onKeyDown}
    >
      <ul className="folio-add-field-list" aria-label="Fields to add">
        {missing.map((spec, index) => (
          <li key={spec.key}>
            <button
              type="button"
              data-folio-choice="field"
              // The first field has the focus, so Enter adds it and the arrows move on.
              autoFocus={index === 0 && !customChosen}
              aria-labelledby={`${id}-${index}-label`}
              aria-describedby={`${id}-${index}-type${spec.help ? ` ${id}-${index}-help` : ''}`}
              onClick={() => add(spec.key, initialValue(spec.type, spec))}
            >
              <span className="folio-add-field-name">
                <span id={`${id}-${index}-label`}>{spec.label}</span>
                <span id={`${id}-${index}-type`} className="folio-add-field-type">
                  {fieldTypeNames[spec.type]}
                  {spec.required ? ', required' : ''}
                </span>
              </span>
              {spec.help && (
                <span id={`${id}-${index}-help`} className="folio-add-field-help">
                  {spec.help}
                </span>
              )}
            </button>
          </li>
        ))}
        {missing.length > 0 && (
          <li>
            <button
              type="button"
              data-folio-choice="custom"
              aria-pressed={customChosen}
              onClick={() => {
                setCustomChosen(true);
                setMessage(null);
              }}
            >
              <span className="folio-add-field-name">Custom field…</span>
              <span className="folio-add-field-help">A key of your own, with its type.</span>
            </button>
          </li>
        )}
      </ul>
      {isCustom && (
        <div className="folio-add-field-custom">
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
          <button type="button" onClick={() => addCustom()}>
            Add
          </button>
          {cancel}
        </div>
      )}
      {!isCustom && <div className="folio-add-field-actions">{cancel}</div>}
      {message && (
        <p id={`${id}-message`} className="folio-field-problem" role="alert">
          {message}
        </p>
      )}
    </div>
  );
}
