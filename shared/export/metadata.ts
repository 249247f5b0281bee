import { isSafeUrl } from '../markdown';

/** What an export puts in `<head>` and in the title block, read from frontmatter. */
export interface ExportMetadata {
  /** `title`, else the first heading, else the file name. */
  readonly title: string;
  /** Where the title came from: the title block repeats only a frontmatter title. */
  readonly titleSource: 'frontmatter' | 'heading' | 'file';
  readonly description: string | null;
  readonly authors: readonly string[];
  /** `date` as written (YAML 1.2 core keeps dates as text). */
  readonly date: string | null;
  /** `updated` (or `modified`) as written. */
  readonly updated: string | null;
  /** BCP 47 tag from `lang`; `en` when missing or malformed. */
  readonly lang: string;
  /** `canonical` (or `canonical_url`, `url`) when it is an absolute http(s) URL. */
  readonly canonical: string | null;
  /** `image` (or `cover`) when it is an absolute http(s) URL, for Open Graph. */
  readonly image: string | null;
  readonly tags: readonly string[];
  /** `status: draft` or `draft: true`. */
  readonly draft: boolean;
}

const langPattern = /^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{1,8}){0,4}$/;

/**
 * Reads export metadata from frontmatter data (`parseFrontmatter(text).data`). Every value is
 * treated as hostile text: only strings and numbers are taken, URLs must be absolute http(s)
 * and pass the pipeline's URL policy, `lang` must look like a language tag.
 */
export function readExportMetadata(
  data: Readonly<Record<string, unknown>>,
  fallback: { readonly heading: string | null; readonly path: string },
): ExportMetadata {
  const title = text(data.title);
  const status = text(data.status)?.toLowerCase();
  const lang = text(data.lang) ?? text(data.language);
  return {
    title: title ?? fallback.heading ?? fileTitle(fallback.path),
    titleSource: title ? 'frontmatter' : fallback.heading ? 'heading' : 'file',
    description: text(data.description) ?? text(data.summary),
    authors: list(data.author ?? data.authors),
    date: text(data.date),
    updated: text(data.updated) ?? text(data.modified),
    lang: lang && langPattern.test(lang) ? lang : 'en',
    canonical: absoluteUrl(data.canonical ?? data.canonical_url ?? data.url),
    image: absoluteUrl(data.image ?? data.cover),
    tags: list(data.tags),
    draft: status === 'draft' || data.draft === true,
  };
}

function text(value: unknown): string | null {
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed ? trimmed : null;
  }
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

function list(value: unknown): string[] {
  if (typeof value === 'string') {
    return value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
  }
  if (Array.isArray(value)) {
    return value
      .map((item) =>
        typeof item === 'object' && item !== null ? text((item as Record<string, unknown>).name) : text(item),
      )
      .filter((item): item is string => item !== null);
  }
  const single =
    typeof value === 'object' && value !== null ? text((value as Record<string, unknown>).name) : text(value);
  return single ? [single] : [];
}

function absoluteUrl(value: unknown): string | null {
  const url = text(value);
  if (!url || !/^https?:\/\/[^/\s\\]/i.test(url) || /\s/.test(url) || !isSafeUrl(url)) return null;
  return url;
}

function fileTitle(path: string): string {
  return (path.split('/').pop() ?? path).replace(/\.(md|markdown)$/i, '');
}
