import type { Language } from '../../i18n/index.js';
import { translator } from '../../i18n/index.js';

/**
 * The commission's standard letters to a reporter, under the whistleblowing law's procedure. The
 * ethics panel and the confidential advisors do not work in that frame and keep their plain texts.
 */
export const letterKinds = ['acknowledgement', 'inadmissible', 'extension', 'feedback', 'closing'] as const;
export type LetterKind = (typeof letterKinds)[number];

/** The placeholders each letter may use; anything else in braces is refused when saved. */
export const letterPlaceholders: Record<LetterKind, readonly string[]> = {
  acknowledgement: ['number', 'receivedOn', 'feedbackBy'],
  inadmissible: ['number', 'receivedOn'],
  extension: ['number', 'receivedOn', 'date', 'reason'],
  feedback: ['number', 'receivedOn', 'feedbackBy'],
  closing: ['number', 'receivedOn'],
};

/**
 * Letters that carry the commission's own words (why not, what was done): sending the standard
 * text unchanged is refused, so a reporter never receives an empty "the reason:".
 */
export const lettersNeedingOwnWords: readonly LetterKind[] = ['inadmissible', 'feedback'];

export function isLetterKind(value: string): value is LetterKind {
  return (letterKinds as readonly string[]).includes(value);
}

export function defaultLetter(kind: LetterKind, language: Language): string {
  return translator(language)(`letter.default.${kind}`);
}

/** Placeholders in a template that its kind does not know. */
export function unknownPlaceholders(kind: LetterKind, body: string): string[] {
  const allowed = letterPlaceholders[kind];
  return [...body.matchAll(/\{(\w*)\}/g)].map((match) => match[1]!).filter((name) => !allowed.includes(name));
}

/** Fills the placeholders the template uses; the values are dates and numbers, never case content. */
export function fillLetter(body: string, values: Partial<Record<string, string>>): string {
  return body.replace(/\{(\w+)\}/g, (match, name: string) => values[name] ?? match);
}
