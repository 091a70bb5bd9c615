import { z } from 'zod';
import { letterTemplates } from '../../db/schema.js';
import { inOrg } from '../../db/scoped.js';
import { isLanguage } from '../../i18n/index.js';
import type { Services } from '../../services.js';
import { authorize, type Actor } from '../access/authorize.js';
import { appendAudit } from '../audit/append-audit.js';
import { AppError, fieldError } from '../errors.js';
import { getOrganisation } from '../organisation/get-organisation.js';
import { validate } from '../validate.js';
import { eq } from 'drizzle-orm';
import { defaultLetter, isLetterKind, unknownPlaceholders } from './letter-kinds.js';

const letterSchema = z.object({
  body: z.string().trim().min(1, { error: 'errors.field.required' }).max(10_000, { error: 'errors.field.tooLong' }),
});

/**
 * The secretariat (or the chair) changes a standard letter, or puts the standard text back. Only
 * placeholders the letter knows are accepted, so a reporter never reads "{nummer}". Audited.
 */
export async function saveLetter(s: Pick<Services, 'db' | 'sodium' | 'serverKeys' | 'now'>, actor: Actor | null, kind: string, language: string, input: { body: string; reset: boolean }): Promise<void> {
  authorize(actor, 'letters.edit');
  const organisation = await getOrganisation(s, actor.organisationId);
  if (!isLetterKind(kind) || !isLanguage(language) || !organisation.languages.includes(language)) throw new AppError('not_found');
  // Putting the standard text back needs no valid text in the box.
  const body = input.reset ? defaultLetter(kind, language) : validate(letterSchema, { body: input.body }).body;
  if (unknownPlaceholders(kind, body).length > 0) throw fieldError('body', 'errors.letter.placeholder');
  const reset = body === defaultLetter(kind, language);
  const at = s.now();
  await s.db.transaction(async (tx) => {
    if (reset) await tx.delete(letterTemplates).where(inOrg(organisation.id, letterTemplates, eq(letterTemplates.kind, kind), eq(letterTemplates.language, language)));
    else
      await tx
        .insert(letterTemplates)
        .values({ organisationId: organisation.id, kind, language, body, updatedAt: at })
        .onConflictDoUpdate({ target: [letterTemplates.organisationId, letterTemplates.kind, letterTemplates.language], set: { body, updatedAt: at } });
    await appendAudit({ ...s, db: tx }, { organisationId: organisation.id, actorKind: 'staff', actorUserId: actor.userId, action: 'letter.changed', caseId: null, detail: { kind, language, reset } });
  });
}
