import type { ReactElement } from 'react';
import type { FrontmatterModel } from '../../../shared/frontmatter';
import { describeValue } from './form-fields';
import { countOf } from '../../../shared/plural';

/** Props of {@link DetailsSummary}. */
export interface DetailsSummaryProps {
  readonly model: FrontmatterModel;
  /** Whether the form below is open (the chips then give way to a field count). */
  readonly open: boolean;
  /** Schema problems of the article's values. */
  readonly problemCount: number;
  /** Opens the form at the first problem, focused. */
  readonly onShowProblem: () => void;
  /** Opens the form with the list of fields to add (an article without frontmatter). */
  readonly onAddDetails: () => void;
  /** Whether the article can be changed ("+ Add details" is then offered). */
  readonly editable: boolean;
}

/** Tags shown as chips before the rest are counted ("+3"), so the header stays one line. */
export const summaryTagLimit = 3;

function valueOf(model: FrontmatterModel, key: string): unknown {
  return model.fields.find((f) => f.key === key)?.value;
}

function plural(count: number, one: string, other: string): string {
  return countOf(count, { one, other });
}

/**
 * The one-line summary in the form's header: closed, the article's title, status and tags as
 * chips; open, how many fields it has. A problem count (or "YAML needs fixing") is a button that
 * opens the form at the first problem; an article without frontmatter offers "+ Add details".
 */
export function DetailsSummary(props: DetailsSummaryProps): ReactElement {
  const { model, open, problemCount, onShowProblem, onAddDetails, editable } = props;
  if (model.status === 'error' || model.status === 'unsupported') {
    return (
      <span className="folio-frontmatter-summary">
        <ProblemButton label="YAML needs fixing" onClick={onShowProblem} />
      </span>
    );
  }
  if (model.status === 'toml') {
    return <span className="folio-frontmatter-summary">TOML, kept as written</span>;
  }
  const problems =
    problemCount > 0 ? (
      <ProblemButton label={plural(problemCount, 'problem', 'problems')} onClick={onShowProblem} />
    ) : null;
  if (model.status === 'none') {
    return (
      <span className="folio-frontmatter-summary">
        <span className="folio-frontmatter-muted">No details yet</span>
        {problems}
        {editable && (
          <button type="button" className="folio-frontmatter-add-details" onClick={onAddDetails}>
            + Add details
          </button>
        )}
      </span>
    );
  }
  const rawTitle = valueOf(model, 'title');
  // A title may be a number or a date in YAML (`title: 1984`); it is still the title.
  const title = typeof rawTitle === 'object' ? '' : describeValue(rawTitle).trim();
  const status = valueOf(model, 'status');
  const rawTags = valueOf(model, 'tags');
  const tags = (Array.isArray(rawTags) ? rawTags : rawTags ? [rawTags] : [])
    .map(describeValue)
    .filter(Boolean);
  const shownTags = tags.slice(0, summaryTagLimit);
  if (open) {
    return (
      <span className="folio-frontmatter-summary">
        <span className="folio-frontmatter-muted">{plural(model.fields.length, 'field', 'fields')}</span>
        {problems}
      </span>
    );
  }
  return (
    <span className="folio-frontmatter-summary">
      {title !== '' ? (
        <span className="folio-frontmatter-title" title={title}>
          {title}
        </span>
      ) : (
        <span className="folio-frontmatter-muted">Untitled</span>
      )}
      {status !== undefined && status !== null && status !== '' && (
        <span className="folio-summary-chip folio-summary-status">
          <span className="folio-visually-hidden">Status: </span>
          {describeValue(status)}
        </span>
      )}
      {shownTags.length > 0 && (
        // Chips that do not fit the line wrap out of sight; the title keeps its room first.
        <span className="folio-summary-tags">
          <span className="folio-visually-hidden">Tags: </span>
          {shownTags.map((tag, index) => (
            <span key={`${index}-${tag}`} className="folio-summary-chip">
              {tag}
            </span>
          ))}
        </span>
      )}
      {tags.length > shownTags.length && (
        <span className="folio-frontmatter-muted" title={tags.slice(summaryTagLimit).join(', ')}>
          +{tags.length - shownTags.length}
          <span className="folio-visually-hidden"> more tags</span>
        </span>
      )}
      {problems}
    </span>
  );
}

function ProblemButton({ label, onClick }: { label: string; onClick: () => void }): ReactElement {
  return (
    <button
      type="button"
      className="folio-frontmatter-problem-count"
      title="Show the first problem"
      onClick={(event) => {
        event.stopPropagation();
        onClick();
      }}
    >
      <span aria-hidden="true">⚠ </span>
      {label}
    </button>
  );
}
