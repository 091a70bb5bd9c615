import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { sealEntry } from '../../crypto/case-keys.js';
import { caseEntries, cases } from '../../db/schema.js';
import { inCommission } from '../../db/scoped.js';
import { translator, languageOf } from '../../i18n/index.js';
import type { Services } from '../../services.js';
import { authorize } from '../access/authorize.js';
import { appendAudit } from '../audit/append-audit.js';
import { AppError, fieldError } from '../errors.js';
import { notifyReporter } from '../reports/notify-reporter.js';
import { unsafeHandlerCaseKeys, type StaffActor } from './open-case.js';
import { caseFrameOf } from './commission-route.js';
import { caseLetter, sameLetter, type LetterCase } from '../letters/case-letter.js';
import type { Tx } from '../../db/client.js';
import { formatDate } from '../../i18n/format-date.js';
import { addMonths, localDate } from '../reports/deadlines.js';
import { timeZoneOf } from '../organisation/get-organisation.js';
import { dueOn } from './due-on.js';

/**
 * The legal acknowledgement (within 7 days): the case moves to "acknowledged", the reporter gets
 * a standard message in their language (with an optional personal note), and the 3-month
 * feedback deadline now counts from today.
 */
export async function acknowledgeCase(s: Services, actor: StaffActor | null, caseId: string, input: { letter?: string; note?: string }): Promise<void> {
  authorize(actor, 'cases.read');
  const keys = await unsafeHandlerCaseKeys(s, actor as StaffActor, caseId);
  const note = (input.note ?? '').trim();
  const letter = (input.letter ?? '').trim();
  if (note.length > 5000) throw fieldError('note', 'errors.field.tooLong');
  if (letter.length > 10_000) throw fieldError('letter', 'errors.field.tooLong');
  const now = s.now();
  await s.db.transaction(async (tx) => {
    const updated = await tx
      .update(cases)
      .set({ status: 'acknowledged', acknowledgedAt: now, lastHandlerActivityAt: now })
      .where(inCommission(actor!.organisationId, cases, eq(cases.id, caseId), eq(cases.status, 'received')))
      .returning({ language: cases.reporterLanguage, route: cases.routeCode, number: cases.number, handledBy: cases.handledBy, receivedAt: cases.receivedAt, feedbackExtendedTo: cases.feedbackExtendedTo });
    if (updated.length !== 1) throw new AppError('conflict');
    const row = updated[0]!;
    const timeZone = await timeZoneOf({ db: tx }, row.handledBy);
    // The feedback term now runs from today.
    await tx.update(cases).set({ dueOn: dueOn({ status: 'acknowledged', receivedAt: row.receivedAt, acknowledgedAt: now, feedbackExtendedTo: row.feedbackExtendedTo }, timeZone) }).where(inCommission(actor!.organisationId, cases, eq(cases.id, caseId)));
    const language = languageOf(row.language);
    // The commission's letter, as the handler edited it (or its standard text); it promises an
    // assessment, not handling. The panel and the advisors do not work in the law's frame.
    const standard = caseFrameOf({ code: row.route }).legalFrame
      ? await letterForToday(tx, { ...row, language, acknowledgedAt: null, timeZone }, letter, now)
      : translator(language)('case.ack.messagePlain');
    const text = [standard, note].filter(Boolean).join('\n\n');
    const entryId = randomUUID();
    const sealed = sealEntry(s.sodium, keys.publicKey, { caseId, entryId, kind: 'message' }, s.sodium.from_string(JSON.stringify({ text })));
    await tx.insert(caseEntries).values({ id: entryId, caseId, kind: 'message', author: 'handler', authorUserId: actor!.userId, ...sealed, createdAt: now });
    await appendAudit({ ...s, db: tx }, { organisationId: actor!.organisationId, actorKind: 'staff', actorUserId: actor!.userId, action: 'case.acknowledged', caseId, detail: { note: !!note } });
  });
  await notifyReporter(s, caseId);
}

/** How many days back a letter prefilled on the case page is recognised as left as it was. */
const PREPARED_DAYS_BACK = 14;

/**
 * The acknowledgement as it goes today. The case page fills in the feedback date on the day it is
 * shown; sent on a later day, a letter left as it was is filled in again for today, and one edited
 * with the old date (and not today's) is refused, so the reporter is never promised the wrong day.
 */
async function letterForToday(tx: Tx, letterCase: LetterCase, letter: string, now: Date): Promise<string> {
  const today = await caseLetter(tx, letterCase, 'acknowledgement', now);
  if (!letter || sameLetter(letter, today)) return letter || today;
  const dateOn = (day: Date) => formatDate(addMonths(localDate(day, letterCase.timeZone), 3), letterCase.language);
  for (let back = 1; back <= PREPARED_DAYS_BACK; back++) {
    const then = new Date(now.getTime() - back * 86_400_000);
    if (sameLetter(letter, await caseLetter(tx, letterCase, 'acknowledgement', then))) return today;
    if (dateOn(then) !== dateOn(now) && letter.includes(dateOn(then)) && !letter.includes(dateOn(now))) throw fieldError('letter', 'errors.letter.staleDate');
  }
  return letter;
}
