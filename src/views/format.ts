import type { Language } from '../i18n/index.js';

/** Dates and times in the organisation's time zone, in the reader's language. */
export function formatDateTime(date: Date, lang: Language, timeZone: string): string {
  return date.toLocaleString(lang === 'en' ? 'en-GB' : 'nl-NL', { timeZone, dateStyle: 'medium', timeStyle: 'short' });
}

export { formatDate } from '../i18n/format-date.js';
