/**
 * Dates as the panel shows them, in its language. Pack dates are ISO calendar dates
 * (`2022-09-21`) with no time zone; every reader sees the same day whatever their zone. English
 * is written by hand ("21 Sep 2022", "23–27 Sep 2022"); other languages as `Intl.DateTimeFormat`
 * writes them ("21 сент. 2022 г.").
 */
import { messageLanguage } from './i18n/messages';

const MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;
const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

function parts(iso: string): { year: number; month: number; day: number } {
  const [year = 0, month = 1, day = 1] = iso.split('-').map(Number);
  return { year, month, day };
}

/** The date at midnight UTC, for `Intl` (formatted in UTC, so the day never shifts). */
function utc(iso: string): Date {
  const { year, month, day } = parts(iso);
  return new Date(Date.UTC(year, month - 1, day));
}

/** The panel's language when it is not English (English is written by hand). */
function intlLanguage(): string | null {
  const language = messageLanguage();
  return language === 'en' ? null : language;
}

function dateFormat(language: string, iso: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(language, {
    ...(isMonth(iso) ? {} : { day: 'numeric' }),
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** `2022-09-21` → `21 Sep 2022`; a month alone, `2023-04` → `Apr 2023`. */
export function formatDate(iso: string): string {
  const language = intlLanguage();
  if (language) return dateFormat(language, iso).format(utc(iso));
  const { year, month, day } = parts(iso);
  if (isMonth(iso)) return `${MONTHS[month - 1] ?? ''} ${year}`;
  return `${day} ${MONTHS[month - 1] ?? ''} ${year}`;
}

/** Whether a pack date gives only its month (`2023-04`). */
function isMonth(iso: string): boolean {
  return iso.length === 7;
}

/** A span: `23–27 Sep 2022`, `30 Sep – 5 Oct 2022`, or a single date when `end` is absent. */
export function formatSpan(start: string, end?: string): string {
  if (!end || end === start) return formatDate(start);
  if (isMonth(start) || isMonth(end)) return `${formatDate(start)} – ${formatDate(end)}`;
  const language = intlLanguage();
  if (language) return dateFormat(language, start).formatRange(utc(start), utc(end));
  const a = parts(start);
  const b = parts(end);
  if (a.year === b.year && a.month === b.month) return `${a.day}–${formatDate(end)}`;
  if (a.year === b.year) return `${a.day} ${MONTHS[a.month - 1] ?? ''} – ${formatDate(end)}`;
  return `${formatDate(start)} – ${formatDate(end)}`;
}

/** The month an ISO date falls in, as a grouping key and a heading: `2022-09` / `September 2022`. */
export function monthOf(iso: string): { key: string; label: string } {
  const { year, month } = parts(iso);
  const language = intlLanguage();
  const label = language
    ? new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
        utc(iso.slice(0, 7)),
      )
    : `${MONTH_NAMES[month - 1] ?? ''} ${year}`;
  return { key: iso.slice(0, 7), label };
}
