/**
 * Reads a publication date as real corpora carry it and returns it as ISO 8601, or says why
 * it could not: ISO dates and date-times are kept as given; US numeric dates ("12/30/17",
 * "1/4/2019"), RFC 2822 ("Sun, 18 Jun 2023 10:00:00 +0000") and written-out dates
 * ("June 18, 2023", "18 June 2023", "Jun. 18, 2023") become YYYY-MM-DD or a date-time.
 *
 * An unreadable or implausible date is not a reason to lose the article: the caller keeps
 * the article with the date unknown and reports the warning. Deliberately no guessing
 * beyond these forms (no "last Tuesday"), and numeric dates are read month first, as the
 * US outlets that write them do, unless the first number cannot be a month.
 */
import { format, isValid, parse } from 'date-fns';
import { z } from 'zod';

const isoDate = z.union([z.iso.date(), z.iso.datetime({ offset: true, local: true })]);

/** Dates before this year are placeholders of the source ("0001-11-30"), not dates. */
const EARLIEST_YEAR = 1800;
/** Two-digit years are read within this century window: 00–69 → 2000s, 70–99 → 1900s. */
const REFERENCE = new Date(2019, 11, 31);

const NUMERIC = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/;
const RFC2822 =
  /^(?:[A-Z][a-z]{2},\s*)?\d{1,2}\s+[A-Z][a-z]{2}\s+\d{4}\s+\d{2}:\d{2}(?::\d{2})?\s*(?:[+-]\d{4}|GMT|UTC|UT|Z)$/;
const WRITTEN_FORMATS = [
  'MMMM d, yyyy',
  'MMMM d yyyy',
  'MMM d, yyyy',
  'MMM d yyyy',
  'd MMMM yyyy',
  'd MMM yyyy',
];

export type DateReading = { date: string | null; warning: string | null };

export function readDate(raw: string): DateReading {
  const value = raw.trim().replace(/\s+/g, ' ');
  if (isoDate.safeParse(value).success) {
    return plausible(Number(value.slice(0, 4)), value, raw);
  }
  const numeric = NUMERIC.exec(value);
  if (numeric) {
    const [first, second] = [Number(numeric[1]), Number(numeric[2])];
    const yearPattern = numeric[3]!.length === 2 ? 'yy' : 'yyyy';
    const sep = value.includes('/') ? '/' : value.includes('.') ? '.' : '-';
    const order = first > 12 && second <= 12 ? `d${sep}M` : `M${sep}d`;
    return fromParsed(parse(value, `${order}${sep}${yearPattern}`, REFERENCE), raw);
  }
  if (RFC2822.test(value)) {
    const time = Date.parse(value);
    if (!Number.isNaN(time))
      return plausible(new Date(time).getUTCFullYear(), new Date(time).toISOString(), raw);
  }
  // "Jun. 18, 2023" and "Sept. 5, 2019": the abbreviation's period and the odd "Sept".
  const written = value.replace(/^([A-Za-z]{3,4})\.\s/, '$1 ').replace(/^Sept\b/i, 'Sep');
  for (const pattern of WRITTEN_FORMATS) {
    const parsed = parse(written, pattern, REFERENCE);
    if (isValid(parsed)) return fromParsed(parsed, raw);
  }
  return { date: null, warning: `date '${raw}' not understood; stored without a date` };
}

function fromParsed(parsed: Date, raw: string): DateReading {
  if (!isValid(parsed))
    return { date: null, warning: `date '${raw}' is not a calendar date; stored without a date` };
  return plausible(parsed.getFullYear(), format(parsed, 'yyyy-MM-dd'), raw);
}

function plausible(year: number, iso: string, raw: string): DateReading {
  const latest = new Date().getFullYear() + 1;
  if (year < EARLIEST_YEAR || year > latest) {
    return {
      date: null,
      warning: `date '${raw}' is implausible (year ${year}); stored without a date`,
    };
  }
  return { date: iso, warning: null };
}
