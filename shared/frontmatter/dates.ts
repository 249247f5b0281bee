/**
 * Dates in frontmatter are text (YAML 1.2 core has no timestamp type), so Folio keeps their
 * shape: a date picker only replaces the calendar day and writes it the way the file wrote it.
 * The shapes are the ones static-site generators and blogs use:
 *
 * - ISO 8601 / RFC 3339 days, with or without a time (`T` or a space, seconds or not, a
 *   fraction, `Z` or an offset): `2024-05-01`, `2024-05-01T10:00:00.5+02:00`,
 *   `2024-5-1 10:00` (YAML 1.1 timestamps may drop the zero padding);
 * - the same order with slashes or dots: `2024/05/01`, `2024.05.01`;
 * - month names: `May 1, 2024`, `May 1st, 2024`, `1 May 2024`, and RFC 2822 as RSS feeds write it,
 *   `Wed, 01 May 2024 10:00:00 +0000` (the weekday is rewritten to match the new day).
 *
 * Day-first or month-first numbers (`05/01/2024`) are not read: nothing in the text says which
 * is the day, so Folio shows them as text rather than guess. Hand-written because date
 * libraries parse into instants (losing the shape) or format from patterns (losing the text).
 */

/** A date read from frontmatter text: its calendar day and how to write another day the same way. */
export interface DateShape {
  /** The day as `YYYY-MM-DD`, as written (`2024-13-45` stays; see {@link isRealDate}). */
  readonly day: string;
  /** The time and offset after the day, as written (`T10:00:00+02:00`), or `''`. */
  readonly time: string;
  /** True for ISO days (`2024-05-01…`), which an `<input type="date">` writes natively. */
  readonly iso: boolean;
  /** `value` with its day replaced by `day` (`YYYY-MM-DD`), everything else kept. */
  readonly withDay: (day: string) => string;
}

const months = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const weekdays = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const monthName =
  '((?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?)';
const weekdayName =
  '(?:((?:Sun(?:day)?|Mon(?:day)?|Tue(?:s(?:day)?)?|Wed(?:nesday)?|Thu(?:r(?:s(?:day)?)?)?|Fri(?:day)?|Sat(?:urday)?)\\.?),?\\s+)?';

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

function splitDay(day: string): [number, number, number] {
  const [y, m, d] = day.split('-').map(Number);
  return [y!, m!, d!];
}

/** Writes `word` with the letter case of `like` (Title, UPPER or lower). */
function sameCase(word: string, like: string): string {
  if (like.length > 1 && like === like.toUpperCase()) return word.toUpperCase();
  if (like === like.toLowerCase()) return word.toLowerCase();
  return word[0]!.toUpperCase() + word.slice(1);
}

/**
 * `full` (a month or weekday name) written like `like`: full or abbreviated to three letters,
 * with its trailing dot and letter case. `May` is both; it counts as abbreviated when `short`.
 */
function nameLike(full: string, like: string, names: readonly string[], short: boolean): string {
  const bare = like.replace(/\.$/, '');
  const isFull = names.includes(bare.toLowerCase()) && !(short && bare.length === 3);
  return sameCase(isFull ? full : full.slice(0, 3), bare) + (like.endsWith('.') ? '.' : '');
}

function ordinal(day: number): string {
  if (day % 100 >= 11 && day % 100 <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][day % 10] ?? 'th';
}

function weekdayOf(day: string): number {
  const [y, m, d] = splitDay(day);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** Which capture group of a shape's pattern holds which part of the date. */
interface Shape {
  readonly pattern: RegExp;
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly suffix?: number;
  readonly weekday?: number;
  readonly rest: number;
  readonly iso?: boolean;
}

const end = '(?=$|[\\sTt,])(.*)$';
const shapes: readonly Shape[] = [
  {
    pattern: new RegExp(`^(\\d{4})-(\\d{1,2})-(\\d{1,2})${end}`, 'sd'),
    year: 1,
    month: 2,
    day: 3,
    rest: 4,
    iso: true,
  },
  {
    pattern: new RegExp(`^(\\d{4})([/.])(\\d{1,2})\\2(\\d{1,2})${end}`, 'sd'),
    year: 1,
    month: 3,
    day: 4,
    rest: 5,
  },
  {
    pattern: new RegExp(`^${weekdayName}${monthName}\\s+(\\d{1,2})(st|nd|rd|th)?,?\\s+(\\d{4})${end}`, 'isd'),
    weekday: 1,
    month: 2,
    day: 3,
    suffix: 4,
    year: 5,
    rest: 6,
  },
  {
    pattern: new RegExp(`^${weekdayName}(\\d{1,2})(st|nd|rd|th)?\\s+${monthName}\\s+(\\d{4})${end}`, 'isd'),
    weekday: 1,
    day: 2,
    suffix: 3,
    month: 4,
    year: 5,
    rest: 6,
  },
];

function monthNumber(text: string): number {
  if (/^\d/.test(text)) return Number(text);
  const lower = text.toLowerCase().replace(/\.$/, '');
  return months.findIndex((m) => m.startsWith(lower.slice(0, 3))) + 1;
}

/**
 * Reads the day and shape of a frontmatter date, or `null` when the text is not a date Folio
 * can write back in the same shape (`last week`, `05/01/2024`).
 */
export function readDate(value: string): DateShape | null {
  const text = value.trim();
  const lead = value.slice(0, value.indexOf(text));
  const trail = value.slice(lead.length + text.length);
  for (const shape of shapes) {
    const match = shape.pattern.exec(text);
    if (!match?.indices) continue;
    const group = (i: number | undefined): string | undefined => (i === undefined ? undefined : match[i]);
    const monthText = group(shape.month)!;
    const dayText = group(shape.day)!;
    const month = monthNumber(monthText);
    const iso = shape.iso === true && monthText.length === 2 && dayText.length === 2;
    const weekdayText = group(shape.weekday);
    const short = weekdayText !== undefined && weekdayText.replace(/\.$/, '').length <= 4;
    return {
      day: `${group(shape.year)}-${pad(month, 2)}-${pad(Number(dayText), 2)}`,
      time: group(shape.rest)!,
      iso,
      withDay: (next) => {
        const [y, m, d] = splitDay(next);
        const replace = new Map<number, string>([
          [shape.year, pad(y, 4)],
          [
            shape.month,
            /^\d/.test(monthText)
              ? pad(m, monthText.length)
              : nameLike(months[m - 1]!, monthText, months, short),
          ],
          [shape.day, pad(d, dayText.length)],
        ]);
        const suffix = group(shape.suffix);
        if (suffix) replace.set(shape.suffix!, sameCase(ordinal(d), suffix));
        if (weekdayText)
          replace.set(shape.weekday!, nameLike(weekdays[weekdayOf(next)]!, weekdayText, weekdays, true));
        let out = '';
        let at = 0;
        for (const [index, insert] of [...replace].sort(
          (a, b) => match.indices![a[0]]![0] - match.indices![b[0]]![0],
        )) {
          const [from, to] = match.indices![index]!;
          out += text.slice(at, from) + insert;
          at = to;
        }
        return lead + out + text.slice(at) + trail;
      },
    };
  }
  return null;
}

/** The calendar day (`YYYY-MM-DD`) a frontmatter date holds, in any shape Folio reads, or `null`. */
export function datePart(value: string): string | null {
  return readDate(value)?.day ?? null;
}

/** True when `value` is a date whose day is real (`2024-02-30` and `2024-13-45` are not). */
export function isRealDate(value: string): boolean {
  // The commonest case first, read digit by digit: a padded ISO day at the very start (the
  // library checks the dates of every article on its first listing).
  if (value.length >= 10 && isoDayAtStart(value) && (value.length === 10 || /[\sTt]/.test(value[10]!))) {
    return isRealDay(digits(value, 0, 4), digits(value, 5, 7), digits(value, 8, 10));
  }
  // The common case, without building a shape: a padded ISO day.
  const iso = /^\s*(\d{4}-\d{2}-\d{2})(?=$|[\sTt])/.exec(value);
  const day = iso ? iso[1]! : datePart(value);
  if (!day) return false;
  const [year, month, date] = splitDay(day);
  return isRealDay(year, month, date);
}

function isRealDay(year: number, month: number, date: number): boolean {
  const utc = new Date(Date.UTC(year, month - 1, date));
  return utc.getUTCFullYear() === year && utc.getUTCMonth() === month - 1 && utc.getUTCDate() === date;
}

/** True when `value` starts with `DDDD-DD-DD` (ASCII digits). */
function isoDayAtStart(value: string): boolean {
  for (let i = 0; i < 10; i++) {
    const code = value.charCodeAt(i);
    if (i === 4 || i === 7 ? code !== 45 : code < 48 || code > 57) return false;
  }
  return true;
}

/** The number written in ASCII digits at `[from, to)` of `value`. */
function digits(value: string, from: number, to: number): number {
  let number = 0;
  for (let i = from; i < to; i++) number = number * 10 + value.charCodeAt(i) - 48;
  return number;
}

/**
 * Puts the day `day` (`YYYY-MM-DD`) into `original`, in the original's shape: time, offset,
 * separators, padding, month names and their case stay as written (a weekday follows the new
 * day). An original that is not a date Folio reads is replaced by the bare day.
 */
export function withDatePart(original: string | null, day: string): string {
  if (original === null) return day;
  const shape = readDate(original);
  return shape ? shape.withDay(day).trim() : day;
}

const timePattern = /^([Tt]|\s+)(\d{1,2}):(\d{2})(?::(\d{2}))?/;

/**
 * The time of day a frontmatter date holds (`HH:MM`, or `HH:MM:SS` when it has seconds), for a
 * time input, or `null` when it has none. Fractions and offsets are not part of it: they stay.
 */
export function timePart(value: string): string | null {
  const shape = readDate(value);
  const match = shape ? timePattern.exec(shape.time) : null;
  if (!match) return null;
  const [, , h, m, sec] = match as unknown as [string, string, string, string, string | undefined];
  return `${pad(Number(h), 2)}:${m}${sec === undefined ? '' : `:${sec}`}`;
}

/**
 * Puts the time `time` (`HH:MM` or `HH:MM:SS`) into `original`, keeping the day, the hour's
 * padding, whether seconds are written, the fraction and the offset as they were. Returns
 * `original` unchanged when it has no time to replace.
 */
export function withTimePart(original: string, time: string): string {
  const shape = readDate(original);
  const match = shape ? timePattern.exec(shape.time) : null;
  const given = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(time);
  if (!shape || !match || !given) return original;
  const [whole, sep, h, , sec] = match as unknown as [string, string, string, string, string | undefined];
  const hours = pad(Number(given[1]), h.length);
  const seconds = sec === undefined ? '' : `:${given[3] ?? '00'}`;
  const rest = `${sep}${hours}:${given[2]}${seconds}${shape.time.slice(whole.length)}`;
  const at = original.lastIndexOf(shape.time);
  return original.slice(0, at) + rest + original.slice(at + shape.time.length);
}

/** Today as `YYYY-MM-DD` in local time, for new articles. */
export function todayDate(now: Date = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1, 2)}-${pad(now.getDate(), 2)}`;
}
