import { en } from './en.js';
import { nl } from './nl.js';

// Dutch is the default language; English is complete beside it. The English catalogue is typed
// against the Dutch one, so a key missing in either fails the type check (and a test).
export const languages = ['nl', 'en'] as const;
export type Language = (typeof languages)[number];
export type MessageKey = keyof typeof nl;
export type Catalogue = Record<MessageKey, string>;
export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

const catalogues: Record<Language, Catalogue> = { nl, en };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** A stored language as one the catalogues have; Dutch, the default, for anything else. */
export function languageOf(stored: unknown): Language {
  return stored === 'en' ? 'en' : 'nl';
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(nl, key);
}

export function translator(language: Language): Translate {
  const catalogue = catalogues[language];
  return (key, params) => {
    const text = catalogue[key];
    return params ? text.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match)) : text;
  };
}

/** For keys that arrive as plain strings (domain errors): unknown keys fall back to a generic message. */
export function translateKey(t: Translate, key: string, params?: Params): string {
  return t(isMessageKey(key) ? key : 'errors.field.invalid', params);
}
