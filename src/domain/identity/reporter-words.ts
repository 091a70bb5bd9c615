import { translator, type Params, languageOf } from '../../i18n/index.js';

export type ReporterLanguage = 'nl' | 'en';

export function reporterLanguage(stored: string): ReporterLanguage {
  return languageOf(stored);
}

/** A moment as the reporter reads it in a message: date and time in the organisation's time zone. */
export function reporterMoment(at: Date, lang: ReporterLanguage, timeZone: string): string {
  return at.toLocaleString(lang === 'en' ? 'en-GB' : 'nl-NL', { timeZone, dateStyle: 'long', timeStyle: 'short' });
}

type IdentityMessageKey = 'identity.message.question' | 'identity.message.legalDuty' | 'identity.message.released';

/** The text of a message to the reporter about their name, in the language they reported in. */
export function reporterText(lang: ReporterLanguage, key: IdentityMessageKey, params: Params): string {
  return translator(lang)(key, params);
}
