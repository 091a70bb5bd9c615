import type { Language } from './index.js';

/** A local calendar date (YYYY-MM-DD) written out, e.g. "29 november 2026". */
export function formatDate(date: string, lang: Language): string {
  return new Date(`${date}T12:00:00Z`).toLocaleDateString(lang === 'en' ? 'en-GB' : 'nl-NL', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });
}
