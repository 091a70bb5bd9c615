import type { Language } from '../i18n/index.js';

/** Dates and times in the organisation's time zone, in the reader's language. */
export function formatDateTime(date: Date, lang: Language, timeZone: string): string {
  // One formatter per language and zone: making one costs far more than using it.
  const key = `${lang}:${timeZone}`;
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'nl-NL', { timeZone, dateStyle: 'medium', timeStyle: 'short' });
    dateTimeFormats.set(key, format);
  }
  return format.format(date);
}
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

export { formatDate } from '../i18n/format-date.js';

/** A percentage as the language writes it: "11,5 %" in Dutch (comma, a space that does not break), "11.5%" in English. */
export function formatPercent(value: number, lang: Language): string {
  const number = value.toLocaleString(lang === 'en' ? 'en-GB' : 'nl-NL', { maximumFractionDigits: 1 });
  return lang === 'en' ? `${number}%` : `${number}\u00a0%`;
}

/** A count as the language writes it: "1.234" in Dutch, "1,234" in English. */
export function formatCount(value: number, lang: Language): string {
  return value.toLocaleString(lang === 'en' ? 'en-GB' : 'nl-NL', { maximumFractionDigits: 0 });
}
