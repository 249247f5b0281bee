import type { ReactElement } from 'react';
import { requestNewArticle, requestQuickOpen } from '../library/pane-requests';
import { isApplePlatform } from '../ui/platform';
import './NoArticleOpen.css';

/**
 * What the editor pane shows while no article is open: what to do next, with the two ways to
 * start (a new article, or quick-open with its shortcut).
 */
export function NoArticleOpen(): ReactElement {
  return (
    <div className="folio-no-article" role="region" aria-label="No article open">
      <h2>No article is open</h2>
      <p>Pick an article in the library on the left, or start one.</p>
      <div className="folio-no-article-actions">
        <button type="button" className="folio-button folio-button-primary" onClick={requestNewArticle}>
          New article
        </button>
        <button type="button" className="folio-button" onClick={requestQuickOpen}>
          Open an article… <kbd>{isApplePlatform() ? '⌘P' : 'Ctrl+P'}</kbd>
        </button>
      </div>
    </div>
  );
}
