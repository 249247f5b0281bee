import { useId, useState, type KeyboardEvent, type ReactElement } from 'react';

/** Props of {@link TagInput}. */
export interface TagInputProps {
  /** Id of the element labelling the chips' text box. */
  readonly labelId: string;
  /** Id of the text box (so the field's label focuses it). */
  readonly inputId: string;
  readonly label: string;
  readonly values: readonly string[];
  /** Suggestions (e.g. the tags used in the library), offered as you type. */
  readonly suggestions: readonly string[];
  readonly disabled: boolean;
  readonly describedBy?: string;
  readonly onChange: (values: string[]) => void;
}

/**
 * A list as chips: type and press Enter or comma to add (with suggestions), click × or press
 * Backspace in the empty box to remove the last one.
 */
export function TagInput({
  labelId,
  inputId,
  label,
  values,
  suggestions,
  disabled,
  describedBy,
  onChange,
}: TagInputProps): ReactElement {
  const [draft, setDraft] = useState('');
  const listId = useId();
  const add = (raw: string): void => {
    const value = raw.trim();
    setDraft('');
    if (value && !values.includes(value)) onChange([...values, value]);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      add(draft);
    } else if (event.key === 'Backspace' && draft === '' && values.length > 0) {
      event.preventDefault();
      onChange(values.slice(0, -1));
    }
  };
  const offered = suggestions.filter((s) => !values.includes(s));
  return (
    <div className="folio-chips" role="group" aria-labelledby={labelId}>
      {values.map((value, index) => (
        <span className="folio-chip" key={`${index}-${value}`}>
          <span>{value}</span>
          <button
            type="button"
            disabled={disabled}
            aria-label={`Remove ${value} from ${label}`}
            onClick={() => onChange(values.filter((_, i) => i !== index))}
          >
            ×
          </button>
        </span>
      ))}
      <input
        id={inputId}
        type="text"
        value={draft}
        disabled={disabled}
        aria-labelledby={labelId}
        aria-describedby={describedBy}
        placeholder={values.length === 0 ? `Add ${label.toLowerCase()}…` : 'Add…'}
        list={offered.length > 0 ? listId : undefined}
        onChange={(event) => {
          const text = event.target.value;
          // Picking a suggestion replaces the whole text (not typing): take it as a chip.
          const inputType = (event.nativeEvent as InputEvent).inputType as string | undefined;
          if (offered.includes(text) && (inputType === undefined || inputType === 'insertReplacementText'))
            add(text);
          else setDraft(text);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => draft.trim() && add(draft)}
      />
      {offered.length > 0 && (
        <datalist id={listId}>
          {offered.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      )}
    </div>
  );
}
