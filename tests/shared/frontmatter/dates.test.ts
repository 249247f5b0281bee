import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../helpers/seeded-random';
import {
  applyEdits,
  datePart,
  isRealDate,
  readDate,
  readFrontmatter,
  setScalar,
  timePart,
  withDatePart,
  withTimePart,
} from '../../../shared/frontmatter';

describe('frontmatter dates', () => {
  it('keeps the time and offset when the day changes', () => {
    expect(withDatePart('2024-03-01T10:00:00+02:00', '2024-04-15')).toBe('2024-04-15T10:00:00+02:00');
    expect(withDatePart('2024-03-01 10:00', '2024-04-15')).toBe('2024-04-15 10:00');
    expect(withDatePart('2024-03-01', '2024-04-15')).toBe('2024-04-15');
    expect(withDatePart('last week', '2024-04-15')).toBe('2024-04-15');
  });

  it('knows real calendar days from impossible ones without fixing them', () => {
    expect(isRealDate('2024-02-29')).toBe(true);
    expect(isRealDate('2023-02-29')).toBe(false);
    expect(isRealDate('2024-13-45')).toBe(false);
    expect(datePart('2024-13-45')).toBe('2024-13-45');
    expect(datePart('March 3')).toBeNull();
    expect(isRealDate('February 30, 2024')).toBe(false);
    expect(isRealDate('Feb 29, 2024')).toBe(true);
  });

  it('reads a padded ISO day at the start as the general reading does, digit by digit', () => {
    // A leading space sends the same day through the general reading (a regex and the calendar).
    const random = seededRandom(3);
    const pieces = ['0', '1', '2', '3', '9', '-', 'T', 't', ' ', ':', 'Z', '\u00a0', '/'];
    let days = 0;
    for (let run = 0; run < 4000; run++) {
      const year = String(Math.floor(random() * 10_000)).padStart(4, '0');
      const month = String(Math.floor(random() * 14)).padStart(2, '0');
      const day = String(Math.floor(random() * 33)).padStart(2, '0');
      let rest = '';
      for (let i = Math.floor(random() * 4); i > 0; i--) rest += pieces[Math.floor(random() * pieces.length)];
      const value = `${year}-${month}-${day}${rest}`;
      if (isRealDate(value)) days++;
      expect(isRealDate(value), value).toBe(isRealDate(` ${value}`));
    }
    expect(days).toBeGreaterThan(1000);
    expect(isRealDate('0024-02-29')).toBe(isRealDate(' 0024-02-29'));
  });

  it('reads the day of every shape it can write back, and no day from ambiguous numbers', () => {
    expect(readDate('May 1, 2024')?.day).toBe('2024-05-01');
    expect(readDate('Wed, 01 May 2024 10:00:00 +0000')).toMatchObject({
      day: '2024-05-01',
      time: ' 10:00:00 +0000',
      iso: false,
    });
    expect(readDate('2024-05-01T10:00Z')).toMatchObject({ day: '2024-05-01', time: 'T10:00Z', iso: true });
    expect(readDate('2024-5-1')).toMatchObject({ day: '2024-05-01', iso: false });
    expect(readDate('05/01/2024')).toBeNull();
    expect(readDate('01.05.2024')).toBeNull();
    expect(readDate('20240501')).toBeNull();
    expect(readDate('Mayday 1, 2024')).toBeNull();
  });
});

/**
 * Golden cases: the YAML line as a site wrote it, the day picked in the form, and the exact line
 * after the pick. Everything but the day's own characters (and a weekday naming it) stays.
 */
const picks: readonly [source: string, day: string, expected: string][] = [
  ['date: 2024-05-01', '2024-06-22', 'date: 2024-06-22'],
  ["date: '2024-05-01'", '2024-06-22', "date: '2024-06-22'"],
  ['date: "2024-05-01"', '2024-06-22', 'date: "2024-06-22"'],
  ['date: 2024-05-01T10:00:00Z', '2024-06-22', 'date: 2024-06-22T10:00:00Z'],
  ['date: 2024-05-01T10:00Z', '2024-06-22', 'date: 2024-06-22T10:00Z'],
  ['date: 2024-05-01t10:00:00z', '2024-06-22', 'date: 2024-06-22t10:00:00z'],
  ['date: 2024-05-01T10:00:00.123456+05:30', '2024-06-22', 'date: 2024-06-22T10:00:00.123456+05:30'],
  ['date: 2024-05-01T10:00:00-0800', '2024-06-22', 'date: 2024-06-22T10:00:00-0800'],
  ['date: 2024-05-01 10:00:00 +02:00', '2024-06-22', 'date: 2024-06-22 10:00:00 +02:00'],
  ['date: 2024-05-01 10:00', '2024-06-22', 'date: 2024-06-22 10:00'],
  ['date: "2024-05-01 10:00:00 -05:00"', '2024-06-22', 'date: "2024-06-22 10:00:00 -05:00"'],
  ['date: 2001-12-14 21:59:43.10 -5', '2024-06-22', 'date: 2024-06-22 21:59:43.10 -5'],
  ['date: 2024-5-1', '2024-06-22', 'date: 2024-6-22'],
  ['date: 2024/05/01', '2024-06-22', 'date: 2024/06/22'],
  ["date: '2024.05.01'", '2024-12-03', "date: '2024.12.03'"],
  ['date: May 1, 2024', '2024-06-22', 'date: June 22, 2024'],
  ['date: "May 1st, 2024"', '2024-12-03', 'date: "December 3rd, 2024"'],
  ['date: Jan. 3, 2024', '2024-02-11', 'date: Feb. 11, 2024'],
  ['date: 1 May 2024', '2024-06-22', 'date: 22 June 2024'],
  ['date: Wed, 01 May 2024 10:00:00 +0000', '2024-06-22', 'date: Sat, 22 Jun 2024 10:00:00 +0000'],
  ['date: Wednesday, May 1, 2024', '2024-06-22', 'date: Saturday, June 22, 2024'],
  ['date: 2024-13-45 # not a real day', '2024-06-22', 'date: 2024-06-22 # not a real day'],
];

describe('picking a day keeps the date shape byte for byte', () => {
  for (const [source, day, expected] of picks) {
    for (const eol of ['\n', '\r\n']) {
      it(`${source} → ${expected}${eol === '\r\n' ? ' (CRLF)' : ''}`, () => {
        const text = ['---', 'title: Post', source, 'tags: [a]', '---', '', 'Body.', ''].join(eol);
        const field = readFrontmatter(text).fields.find((f) => f.key === 'date')!;
        const picked = withDatePart(field.value as string, day);
        const after = applyEdits(text, setScalar(text, 'date', picked));
        expect(after).toBe(text.replace(source, expected));
        expect(datePart(readFrontmatter(after).fields.find((f) => f.key === 'date')!.value as string)).toBe(
          day,
        );
      });
    }
  }
});

/** Golden cases for the time input: the line as written, the time picked, the exact line after. */
const timePicks: readonly [source: string, time: string, expected: string][] = [
  ['date: 2024-05-01T10:00:00Z', '18:30:05', 'date: 2024-05-01T18:30:05Z'],
  ['date: 2024-05-01T10:00Z', '18:30', 'date: 2024-05-01T18:30Z'],
  ["date: '2024-05-01 09:05:00.250 +02:00'", '18:30:00', "date: '2024-05-01 18:30:00.250 +02:00'"],
  ['date: 2001-12-14 1:59:43.10 -5', '18:30:00', 'date: 2001-12-14 18:30:00.10 -5'],
  ['date: 2024-05-01 9:05', '7:40', 'date: 2024-05-01 7:40'],
  ['date: "Wed, 01 May 2024 10:00:00 +0000"', '08:15', 'date: "Wed, 01 May 2024 08:15:00 +0000"'],
];

describe('picking a time keeps the rest of the date byte for byte', () => {
  for (const [source, time, expected] of timePicks) {
    it(`${source} → ${expected}`, () => {
      const text = `---\ntitle: Post\n${source}\n---\nBody.\n`;
      const value = readFrontmatter(text).fields.find((f) => f.key === 'date')!.value as string;
      const after = applyEdits(text, setScalar(text, 'date', withTimePart(value, time)));
      expect(after).toBe(text.replace(source, expected));
    });
  }

  it('reads the time of day for the time input, and leaves dates without one alone', () => {
    expect(timePart('2024-05-01T10:00:00.5+02:00')).toBe('10:00:00');
    expect(timePart('2024-05-01 9:05')).toBe('09:05');
    expect(timePart('2024-05-01')).toBeNull();
    expect(timePart('May 1, 2024')).toBeNull();
    expect(withTimePart('2024-05-01', '10:00')).toBe('2024-05-01');
  });
});
