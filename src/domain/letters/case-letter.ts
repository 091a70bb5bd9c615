import type { Db, Tx } from '../../db/client.js';
import { formatDate } from '../../i18n/format-date.js';
import type { Language } from '../../i18n/index.js';
import { addMonths, computeDeadlines, localDate } from '../reports/deadlines.js';
import { fillLetter, type LetterKind } from './letter-kinds.js';
import { letterTemplate } from './letter-template.js';

/** What a letter may say about a case: its number and dates, never its content. */
export interface LetterCase {
  handledBy: string;
  number: string;
  language: Language;
  receivedAt: Date;
  acknowledgedAt: Date | null;
  feedbackExtendedTo: string | null;
  timeZone: string;
}

/**
 * A standard letter filled in for one case in the reporter's language. Before the acknowledgement
 * the feedback date is counted from today, the day the letter would go.
 */
export async function caseLetter(db: Db | Tx, letterCase: LetterCase, kind: LetterKind, now: Date, extra: Partial<Record<string, string>> = {}): Promise<string> {
  const { language, timeZone } = letterCase;
  const deadlines = computeDeadlines(letterCase.receivedAt, letterCase.acknowledgedAt, timeZone, letterCase.feedbackExtendedTo);
  const feedbackBy = letterCase.acknowledgedAt ? deadlines.feedbackBy : addMonths(localDate(now, timeZone), 3);
  const template = await letterTemplate(db, letterCase.handledBy, kind, language);
  return fillLetter(template, {
    number: letterCase.number,
    receivedOn: formatDate(localDate(letterCase.receivedAt, timeZone), language),
    feedbackBy: formatDate(feedbackBy, language),
    ...extra,
  });
}

/** The letter as sent, compared without regard to spacing: unchanged means the commission wrote nothing of its own. */
export function sameLetter(a: string, b: string): boolean {
  const plain = (text: string) => text.replace(/\s+/g, ' ').trim();
  return plain(a) === plain(b);
}
