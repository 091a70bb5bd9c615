import type { Language } from './index.js';

/** A local calendar date (YYYY-MM-DD) written out, e.g. "29 november 2026". */
export function formatDate(date: string, lang: Language): string {
  return formats[lang === 'en' ? 'en' : 'nl'].format(new Date(`${date}T12:00:00Z`));
}

// Made once: a formatter costs far more to make than to use.
const formats = {
  nl: new Intl.DateTimeFormat('nl-NL', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }),
};
