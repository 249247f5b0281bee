import { describe, expect, it } from 'vitest';
import { datePart, isRealDate, withDatePart } from '../../../shared/frontmatter';

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
  });
});
