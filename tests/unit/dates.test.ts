import { describe, expect, it } from 'vitest';
import { formatDate, formatSpan, monthOf } from '../../utils/dates';

describe('dates', () => {
  it.each([
    ['2022-09-21', undefined, '21 Sep 2022'],
    ['2022-09-23', '2022-09-27', '23–27 Sep 2022'],
    ['2022-09-30', '2022-10-05', '30 Sep – 5 Oct 2022'],
    ['2021-12-30', '2022-01-02', '30 Dec 2021 – 2 Jan 2022'],
    ['2022-10-19', '2022-10-19', '19 Oct 2022'],
    // A date the sources give only to the month.
    ['2026-01', undefined, 'Jan 2026'],
    ['2025-10', '2025-12', 'Oct 2025 – Dec 2025'],
  ])('%s to %s reads "%s"', (start, end, expected) => {
    expect(formatSpan(start, end)).toBe(expected);
  });

  it('groups by month', () => {
    expect(monthOf('2014-03-16')).toEqual({ key: '2014-03', label: 'March 2014' });
    expect(formatDate('2022-11-11')).toBe('11 Nov 2022');
    expect(monthOf('2026-01')).toEqual({ key: '2026-01', label: 'January 2026' });
  });
});
