/**
 * The evidence rule: every date and number a claim states must be found in the words of its
 * sources that the pack quotes for it (its evidence), whatever format either side writes it in:
 * "14 April 2023", "April 14, 2023", "14.04.2023", "April 14", "14 апреля 2023"; "300,000",
 * "300 000", "300 thousand", "300 тысяч". Month names come from the platform's `Intl` data for the
 * story's languages, so no hand-written month table can drift from the languages' own spelling.
 */

/** A date as a claim states it or a source writes it; what it does not give is undefined. */
export interface DateFact {
  year?: number | undefined;
  month: number;
  day?: number | undefined;
}

/** What a text states: its dates and, outside them, its numbers. */
export interface Facts {
  dates: DateFact[];
  numbers: number[];
}

/** The languages whose month names are recognized (the story's languages). */
const MONTH_LOCALES = ['en', 'ru', 'uk', 'kk', 'ka', 'de', 'fr', 'es', 'it', 'pt', 'pl', 'fi'];
/** Those whose month names take case endings `Intl` does not list (Russian "в сентябре"). */
const INFLECTING = new Set(['ru', 'uk', 'kk', 'pl', 'fi']);
/** Shortest stem that may stand for a month's inflected forms (`сентябр` → сентябре). */
const MIN_MONTH_STEM = 4;
/** How many letters an inflected form may add to its stem. */
const MAX_ENDING = 3;

interface MonthNames {
  /** Every exact form (full, genitive, abbreviated), lower case, without a final dot. */
  forms: Map<string, number>;
  /** Stems of inflected full names, for case forms `Intl` does not give (Russian prepositional). */
  stems: [stem: string, month: number][];
}

let monthNames: MonthNames | undefined;

function buildMonthNames(): MonthNames {
  const forms = new Map<string, number>();
  const stems: [string, number][] = [];
  const add = (form: string, month: number) => {
    const word = form.toLocaleLowerCase().replace(/\.$/, '').trim();
    if (/^\p{L}+$/u.test(word) && !forms.has(word)) forms.set(word, month);
  };
  for (const locale of MONTH_LOCALES) {
    const standalone = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' });
    const short = new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' });
    const inDate = new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'long',
      timeZone: 'UTC',
    });
    const shortInDate = new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'short',
      timeZone: 'UTC',
    });
    for (let month = 1; month <= 12; month++) {
      const date = new Date(Date.UTC(2022, month - 1, 15));
      const monthPart = (format: Intl.DateTimeFormat) =>
        format.formatToParts(date).find((part) => part.type === 'month')?.value ?? '';
      const long = [standalone.format(date), monthPart(inDate)];
      for (const form of [...long, short.format(date), monthPart(shortInDate)]) add(form, month);
      const stem = commonPrefix(long.map((form) => form.toLocaleLowerCase()));
      if (INFLECTING.has(locale) && stem.length >= MIN_MONTH_STEM) stems.push([stem, month]);
    }
  }
  // Newsroom abbreviations Intl does not give (AP style "Sept.").
  add('sept', 9);
  return { forms, stems };
}

/** The month a word names in one of the story's languages, or undefined. */
export function monthOfWord(word: string): number | undefined {
  monthNames ??= buildMonthNames();
  const lower = word.toLocaleLowerCase().replace(/\.$/, '');
  const exact = monthNames.forms.get(lower);
  if (exact !== undefined) return exact;
  for (const [stem, month] of monthNames.stems) {
    if (lower.startsWith(stem) && lower.length - stem.length <= MAX_ENDING) return month;
  }
  return undefined;
}

const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th|\.)?(?!\d)`;
/** A year after a month, as "2022", ", 2022" or "de 2022". */
const YEAR = String.raw`(\d{4})(?!\d)`;
const OF = String.raw`(?:\s+(?:of|de|del))?`;
const WORD = String.raw`(\p{L}+)\.?`;
const SPAN = String.raw`\s*(?:–|—|-|to|and|до|по|і|и|bis|au|al|a)\s*`;

interface DatePattern {
  pattern: RegExp;
  read: (match: RegExpMatchArray) => DateFact[];
}

const number = (text: string | undefined) => (text === undefined ? undefined : Number(text));

/**
 * The ways a date is written. Each gives the dates of a match, or none when its word is no month.
 * Spans ("23–27 September 2022") give both ends.
 */
const DATE_PATTERNS: DatePattern[] = [
  {
    // 23–27 September 2022, 30 сентября – 5 октября (the second day keeps the month).
    pattern: new RegExp(
      String.raw`(?<!\d)${DAY}${SPAN}${DAY}${OF}\s+${WORD},?(?:${OF}\s+${YEAR})?`,
      'gu',
    ),
    read: ([, first, second, word, year]) => {
      const month = monthOfWord(word ?? '');
      if (month === undefined) return [];
      return [
        { year: number(year), month, day: number(first) },
        { year: number(year), month, day: number(second) },
      ];
    },
  },
  {
    // 21 September 2022, 21st of September, 21 сентября 2022 года.
    pattern: new RegExp(String.raw`(?<!\d)${DAY}${OF}\s+${WORD},?(?:${OF}\s+${YEAR})?`, 'gu'),
    read: ([, day, word, year]) => {
      const month = monthOfWord(word ?? '');
      return month === undefined ? [] : [{ year: number(year), month, day: number(day) }];
    },
  },
  {
    // September 23–27, 2022.
    pattern: new RegExp(String.raw`${WORD}\s+${DAY}${SPAN}${DAY},?(?:\s+${YEAR})?`, 'gu'),
    read: ([, word, first, second, year]) => {
      const month = monthOfWord(word ?? '');
      if (month === undefined) return [];
      return [
        { year: number(year), month, day: number(first) },
        { year: number(year), month, day: number(second) },
      ];
    },
  },
  {
    // September 21, 2022; Sept. 21; "Sep, 21".
    pattern: new RegExp(String.raw`${WORD},?\s+${DAY},?(?:\s+${YEAR})?`, 'gu'),
    read: ([, word, day, year]) => {
      const month = monthOfWord(word ?? '');
      return month === undefined ? [] : [{ year: number(year), month, day: number(day) }];
    },
  },
  {
    // September 2022, в сентябре 2022 года.
    pattern: new RegExp(String.raw`${WORD},?${OF}\s+${YEAR}`, 'gu'),
    read: ([, word, year]) => {
      const month = monthOfWord(word ?? '');
      return month === undefined ? [] : [{ year: number(year), month }];
    },
  },
  {
    // "in late January", "since March", "в январе": a month alone, after a word that dates it.
    pattern: new RegExp(
      String.raw`(?<!\p{L})(?:in|early|late|mid|since|until|by|from|в|с|до|у|з|im|seit|en|à|fin|début|a|di|em|w)(?:\s+(?:late|early|mid))?[\s-]+${WORD}(?!\s*\d)`,
      'giu',
    ),
    read: ([, word]) => {
      const month = monthOfWord(word ?? '');
      return month === undefined ? [] : [{ month }];
    },
  },
  {
    // 2022-09-21.
    pattern: /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/gu,
    read: ([, year, month, day]) => [
      { year: number(year), month: Number(month), day: number(day) },
    ],
  },
  {
    // 21.09.2022, 21/09/2022, and 09/21/2022 where the order can only be American.
    pattern: /(?<![\d.])(\d{1,2})[./](\d{1,2})[./](\d{4})(?!\d)/gu,
    read: ([, a, b, year]) => {
      const first = Number(a);
      const second = Number(b);
      const [day, month] = second > 12 ? [second, first] : [first, second];
      return month >= 1 && month <= 12 ? [{ year: number(year), month, day }] : [];
    },
  },
];

/** The dates in `text`, and the text with them blanked out (so their digits are not numbers). */
export function datesIn(text: string): { dates: DateFact[]; rest: string } {
  const dates: DateFact[] = [];
  const blank = Array.from({ length: text.length }, () => false);
  for (const { pattern, read } of DATE_PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const found = read(match).filter(isCalendarDate);
      if (found.length === 0) continue;
      dates.push(...found);
      const start = match.index ?? 0;
      for (let i = start; i < start + match[0].length; i++) blank[i] = true;
    }
  }
  return { dates, rest: blankOut(text, blank) };
}

function blankOut(text: string, blank: boolean[]): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += blank[i] ? ' ' : text[i];
  return out;
}

function isCalendarDate(date: DateFact): boolean {
  if (date.month < 1 || date.month > 12) return false;
  if (date.day !== undefined && (date.day < 1 || date.day > 31)) return false;
  return date.year === undefined || (date.year >= 1800 && date.year <= 2200);
}

/** Words that multiply the number before them, in the story's languages. */
const MULTIPLIERS: [RegExp, number][] = [
  [
    /^(?:thousand|thous|тыс|тысяч\p{L}*|тис|тисяч\p{L}*|tausend|mille|mil|mila|tys|tysi\p{L}*|tuhat\p{L}*)$/u,
    1e3,
  ],
  [
    /^(?:million\p{L}*|млн|миллион\p{L}*|мільйон\p{L}*|millón|millones|milione|milioni|milhão|milhões|milion\p{L}*|mln|miljoon\p{L}*|milj|mio)$/u,
    1e6,
  ],
  [/^(?:billion\p{L}*|млрд|миллиард\p{L}*|мільярд\p{L}*|milliard\p{L}*|mrd)$/u, 1e9],
];

const NUMBER =
  /(?<![\p{L}\d])(\d{1,3}(?:[,\u00a0\u202f ]\d{3})+(?!\d)|\d{1,3}(?:\.\d{3})+(?!\d)|\d+)(?:[.,](\d+))?(?:\s*(\p{L}+))?/gu;

/**
 * The numbers written in `text`, each as every value it may mean: "98,000" and "98 000" are
 * 98000; "1,2 млн" and "1.2 million" are 1200000 (and 1.2); "1.500" may be 1500 or 1.5.
 */
export function numbersIn(text: string): number[] {
  const values: number[] = [];
  const lower = text.toLocaleLowerCase();
  /** The previous number's values and where it ended, for a range's shared word ("600-700 тысяч"). */
  let previous: { end: number; candidates: number[] } | undefined;
  for (const match of lower.matchAll(NUMBER)) {
    const [, whole = '', fraction, word] = match;
    const candidates: number[] = [];
    if (/^\d{1,3}\.\d{3}/.test(whole) && !whole.includes(',')) {
      // 1.500: a German or Russian thousand, or an English decimal.
      candidates.push(Number(whole.replace(/\./g, '')), Number(whole));
    } else {
      const digits = whole.replace(/[,\u00a0\u202f .]/g, '');
      candidates.push(Number(fraction ? `${digits}.${fraction}` : digits));
      // "2022 300" can be a year and a count as well as one spaced number.
      if (/[\u00a0\u202f ]/.test(whole))
        candidates.push(...whole.split(/[\u00a0\u202f ]/).map(Number));
    }
    const multiplier = word && MULTIPLIERS.find(([pattern]) => pattern.test(word))?.[1];
    for (const value of candidates) {
      values.push(value);
      if (multiplier) values.push(value * multiplier);
    }
    const start = match.index ?? 0;
    if (multiplier && previous && /^\s*[-–—]\s*$/.test(lower.slice(previous.end, start)))
      values.push(...previous.candidates.map((value) => value * multiplier));
    previous = {
      end: start + whole.length + (fraction === undefined ? 0 : fraction.length + 1),
      candidates,
    };
  }
  return values.filter((value) => Number.isFinite(value));
}

/** The dates and numbers a text states (numbers that are part of a date count as the date). */
export function factsIn(text: string): Facts {
  const { dates, rest } = datesIn(text);
  return { dates, numbers: numbersIn(rest) };
}

/** A pack's ISO date (`2023-04-14`) or month (`2023-04`) as a date fact. */
export function isoFact(iso: string): DateFact {
  const [year, month, day] = iso.split('-').map(Number);
  return { year, month: month ?? 1, day };
}

/** What a claim states and its evidence does not: each as it would be printed, empty when all is found. */
export function unsupported(
  claim: { dates: DateFact[]; numbers: number[] },
  evidence: string[],
): string[] {
  const found = evidence.map((excerpt) => {
    const { dates } = datesIn(excerpt);
    // The evidence's numbers include those inside its dates: a claim's "2014" may be a date's year.
    return { dates, numbers: [...numbersIn(excerpt), ...dates.flatMap((date) => date.year ?? [])] };
  });
  const dates = found.flatMap((facts) => facts.dates);
  const numbers = found.flatMap((facts) => facts.numbers);
  const missing: string[] = [];
  for (const date of claim.dates) {
    if (!dates.some((written) => supportsDate(written, date)))
      missing.push(`the date ${describeDate(date)}`);
  }
  for (const value of claim.numbers) {
    if (!numbers.some((written) => Math.abs(written - value) <= Math.abs(value) * 1e-9))
      missing.push(`the number ${value.toLocaleString('en')}`);
  }
  return [...new Set(missing)];
}

/**
 * Whether a date the evidence writes supports a date the claim states: same month, same day where
 * the claim gives one, and the same year where the evidence gives one ("April 14" supports 14
 * April 2023; the source's year is then its own publication's).
 */
function supportsDate(written: DateFact, claimed: DateFact): boolean {
  if (written.month !== claimed.month) return false;
  if (claimed.day !== undefined && written.day !== claimed.day) return false;
  return written.year === undefined || claimed.year === undefined || written.year === claimed.year;
}

function describeDate(date: DateFact): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return [
    date.year ?? '?',
    pad(date.month),
    ...(date.day === undefined ? [] : [pad(date.day)]),
  ].join('-');
}

function commonPrefix(words: string[]): string {
  const [first = '', ...others] = words;
  let length = first.length;
  for (const word of others) {
    let i = 0;
    while (i < length && i < word.length && word[i] === first[i]) i++;
    length = i;
  }
  return first.slice(0, length);
}
