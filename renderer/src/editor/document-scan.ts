import type { Text } from '@codemirror/state';
import { countWords } from '../../../shared/article-meta';
import { findFrontmatter } from '../../../shared/frontmatter';
import { OutlineScanner, type OutlineHeading } from './outline';
import { readingMinutes, wordTargetOf, type ArticleStatistics } from './statistics';

/** What one pass over the document finds: its outline and its statistics. */
export interface DocumentScan {
  readonly outline: OutlineHeading[];
  readonly statistics: ArticleStatistics;
}

/**
 * Scans a document in slices: each call to the returned step function works until `deadline()`
 * says to stop, and returns the result once the whole document is done (else null). Long
 * articles are thus counted across idle periods instead of in one long main-thread task.
 */
export function scanDocument(doc: Text): (deadline: () => boolean) => DocumentScan | null {
  const head = doc.sliceString(0, Math.min(doc.length, 70_000));
  const block = findFrontmatter(head);
  const wordTarget = block ? wordTargetOf(head.slice(0, block.to)) : null;
  const bodyStart = block ? block.to : 0;
  const firstLine = doc.lineAt(bodyStart);
  // The body may start inside a line only when the closing fence has no line break after it.
  const startLine = bodyStart > firstLine.from ? firstLine.number + 1 : firstLine.number;
  // Sequential iteration: `doc.line(n)` for every line would search the tree each time.
  const lines = startLine <= doc.lines ? doc.iterLines(startLine) : null;
  let n = startLine;
  let from = startLine <= doc.lines ? doc.line(startLine).from : doc.length;
  const outline = new OutlineScanner();
  let words = 0;
  let characters = 0;
  return (deadline) => {
    let sinceCheck = 0;
    if (lines) {
      for (let next = lines.next(); !next.done; next = lines.next()) {
        const text = next.value;
        words += countWords(text);
        characters += text.length - surrogatePairs(text);
        outline.add(text, from, n);
        from += text.length + 1;
        n++;
        if (++sinceCheck >= 256) {
          sinceCheck = 0;
          if (deadline()) return null;
        }
      }
    }
    return {
      outline: outline.headings,
      statistics: { words, characters, readingMinutes: readingMinutes(words), wordTarget },
    };
  };
}

function surrogatePairs(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) count++;
  }
  return count;
}
