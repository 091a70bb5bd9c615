import type { Language } from '../i18n/index.js';

/** Dates and times in the organisation's time zone, in the reader's language. */
export function formatDateTime(date: Date, lang: Language, timeZone: string): string {
  return date.toLocaleString(lang === 'en' ? 'en-GB' : 'nl-NL', { timeZone, dateStyle: 'medium', timeStyle: 'short' });
}

/** A local calendar date (YYYY-MM-DD) written out, e.g. "29 november 2026". */
export function formatDate(date: string, lang: Language): string {
  return new Date(`${date}T12:00:00Z`).toLocaleDateString(lang === 'en' ? 'en-GB' : 'nl-NL', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });
}
