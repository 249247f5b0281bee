/**
 * Dates in frontmatter are text (YAML 1.2 core has no timestamp type), so Folio keeps their
 * shape: a date picker only replaces the calendar day and leaves time and offset as written.
 */

const datePattern = /^(\d{4})-(\d{2})-(\d{2})(?=$|[Tt ])/;

/** The calendar day (`YYYY-MM-DD`) a frontmatter date starts with, or `null`. */
export function datePart(value: string): string | null {
  const match = datePattern.exec(value.trim());
  return match ? match[0] : null;
}

/** True when `value` starts with a real calendar day (`2024-02-30` and `2024-13-45` are not). */
export function isRealDate(value: string): boolean {
  const match = datePattern.exec(value.trim());
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Puts the day `day` (`YYYY-MM-DD`) into `original`, keeping everything after the day (time,
 * offset) as written. An original without a recognizable day is replaced by the bare day.
 */
export function withDatePart(original: string | null, day: string): string {
  if (original === null) return day;
  const trimmed = original.trim();
  const match = datePattern.exec(trimmed);
  return match ? day + trimmed.slice(match[0].length) : day;
}

/** Today as `YYYY-MM-DD` in local time, for new articles. */
export function todayDate(now: Date = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
