import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { sealEntry } from '../../crypto/case-keys.js';
import { caseEntries, cases } from '../../db/schema.js';
import { translator } from '../../i18n/index.js';
import type { Services } from '../../services.js';
import { authorize } from '../access/authorize.js';
import { appendAudit } from '../audit/append-audit.js';
import { AppError, fieldError } from '../errors.js';
import { notifyReporter } from '../reports/notify-reporter.js';
import { unsafeHandlerCaseKeys, type StaffActor } from '../reports/open-case.js';
import { caseFrameOf } from './commission-route.js';

/**
 * The legal acknowledgement (within 7 days): the case moves to "acknowledged", the reporter gets
 * a standard message in their language (with an optional personal note), and the 3-month
 * feedback deadline now counts from today.
 */
export async function acknowledgeCase(s: Services, actor: StaffActor | null, caseId: string, input: { note?: string }): Promise<void> {
  authorize(actor, 'cases.read');
  const keys = await unsafeHandlerCaseKeys(s, actor as StaffActor, caseId);
  const note = (input.note ?? '').trim();
  if (note.length > 5000) throw fieldError('note', 'errors.field.tooLong');
  const now = s.now();
  await s.db.transaction(async (tx) => {
    const updated = await tx
      .update(cases)
      .set({ status: 'acknowledged', acknowledgedAt: now, lastHandlerActivityAt: now })
      .where(and(eq(cases.id, caseId), eq(cases.status, 'received')))
      .returning({ language: cases.reporterLanguage, route: cases.routeCode });
    if (updated.length !== 1) throw new AppError('conflict');
    const t = translator(updated[0]!.language === 'en' ? 'en' : 'nl');
    // The panel and the advisors do not work in the law's frame: no promise of "handling" within three months.
    const standard = caseFrameOf({ code: updated[0]!.route }).legalFrame ? t('case.ack.message') : t('case.ack.messagePlain');
    const text = [standard, note].filter(Boolean).join('\n\n');
    const entryId = randomUUID();
    const sealed = sealEntry(s.sodium, keys.publicKey, { caseId, entryId, kind: 'message' }, s.sodium.from_string(JSON.stringify({ text })));
    await tx.insert(caseEntries).values({ id: entryId, caseId, kind: 'message', author: 'handler', authorUserId: actor!.userId, ...sealed, createdAt: now });
    await appendAudit({ ...s, db: tx }, { organisationId: actor!.organisationId, actorKind: 'staff', actorUserId: actor!.userId, action: 'case.acknowledged', caseId, detail: { note: !!note } });
  });
  await notifyReporter(s, caseId);
}
