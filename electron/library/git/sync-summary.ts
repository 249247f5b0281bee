import { countOf, words } from '../../../shared/plural';

const articlePattern = /\.(?:md|markdown)$/i;

/** "2 articles", "1 article and 3 other files", "4 files". */
export function describeFiles(paths: readonly string[]): string {
  const articles = paths.filter((p) => articlePattern.test(p)).length;
  const others = paths.length - articles;
  if (articles === 0) return countOf(others, words.file);
  if (others === 0) return countOf(articles, words.article);
  return `${countOf(articles, words.article)} and ${countOf(others, { one: 'other file', other: 'other files' })}`;
}

/** What a sync did, as one or two sentences for the author. */
export function syncSummary(facts: {
  readonly committed: readonly string[];
  readonly received: readonly string[];
  readonly pushed: boolean;
  readonly pushedEarlierCommits: boolean;
  readonly ignoreWritten: boolean;
  readonly keptBoth: readonly string[];
  readonly notSentBecause?: string;
}): string {
  const parts: string[] = [];
  if (facts.pushed) {
    if (facts.committed.length > 0) parts.push(`Sent ${describeFiles(facts.committed)}`);
    else if (facts.pushedEarlierCommits) parts.push('Sent the changes committed earlier');
  } else if (facts.committed.length > 0) {
    parts.push(`Committed ${describeFiles(facts.committed)}`);
  }
  if (facts.received.length > 0) parts.push(`received ${describeFiles(facts.received)}`);
  let sentence =
    parts.length === 0 ? 'Everything was already up to date.' : `${capitalise(parts.join(', '))}.`;
  if (facts.notSentBecause) sentence += ` ${facts.notSentBecause}`;
  if (facts.keptBoth.length > 0) {
    sentence += ` ${facts.keptBoth.map((p) => `“${p}”`).join(', ')} changed on both sides: both versions were kept (the remote's as a “remote copy” beside it).`;
  }
  if (facts.ignoreWritten) {
    sentence +=
      ' Folio added its own files (trash, export state) to .gitignore so that they stay on this computer.';
  }
  return sentence;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
