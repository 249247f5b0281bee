import type { ReactElement } from 'react';
import type { ArticleStatus } from '../../../shared/contract';
import type { LibraryFilter, SortKey } from './library-tree';

const sortLabels: Record<SortKey, string> = {
  title: 'Sort by title',
  updated: 'Sort by last updated',
  status: 'Sort by status',
};
const statusOptions: (ArticleStatus | 'none')[] = ['draft', 'review', 'published', 'none'];

/** Props of {@link LibraryControls}. */
export interface LibraryControlsProps {
  readonly sort: SortKey;
  readonly filter: LibraryFilter;
  /** Every tag used in the library, offered by the tag filter. */
  readonly tags: readonly string[];
  readonly onSortChange: (sort: SortKey) => void;
  readonly onFilterChange: (change: (filter: LibraryFilter) => LibraryFilter) => void;
}

/** The library tree's sort order and its status and tag filters. */
export function LibraryControls({
  sort,
  filter,
  tags,
  onSortChange,
  onFilterChange,
}: LibraryControlsProps): ReactElement {
  return (
    <div className="folio-library-controls">
      <select
        aria-label="Sort by"
        value={sort}
        onChange={(event) => onSortChange(event.target.value as SortKey)}
      >
        {(Object.keys(sortLabels) as SortKey[]).map((key) => (
          <option key={key} value={key}>
            {sortLabels[key]}
          </option>
        ))}
      </select>
      <select
        aria-label="Filter by status"
        value={filter.status ?? ''}
        onChange={(event) =>
          onFilterChange((f) => ({ ...f, status: (event.target.value || null) as LibraryFilter['status'] }))
        }
      >
        <option value="">Any status</option>
        {statusOptions.map((status) => (
          <option key={status} value={status}>
            {status === 'none' ? 'No status' : status[0]!.toUpperCase() + status.slice(1)}
          </option>
        ))}
      </select>
      <select
        aria-label="Filter by tag"
        value={filter.tag ?? ''}
        onChange={(event) => onFilterChange((f) => ({ ...f, tag: event.target.value || null }))}
      >
        <option value="">Any tag</option>
        {tags.map((tag) => (
          <option key={tag} value={tag}>
            {tag}
          </option>
        ))}
      </select>
    </div>
  );
}
