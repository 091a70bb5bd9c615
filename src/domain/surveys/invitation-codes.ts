import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { surveyInvitations, surveyWaveOrganisations, surveyWaves } from '../../db/schema.js';
import { inOrg } from '../../db/scoped.js';
import type { Services } from '../../services.js';
import { authorize, type Actor } from '../access/authorize.js';
import { AppError, fieldError } from '../errors.js';
import { requireId } from '../ids.js';
import { validate } from '../validate.js';
import { HASH_BYTES, hashCode, newCodes, newOpenLinkToken, openLinkHash } from '../../crypto/survey-codes.js';

const BATCH = 50_000;
export const MAX_CODES = 200_000;

export const generateSchema = z.object({
  organisationId: z.uuid({ error: 'errors.choice.required' }),
  count: z.coerce.number({ error: 'errors.survey.count' }).int({ error: 'errors.survey.count' }).min(1, { error: 'errors.survey.count' }).max(MAX_CODES, { error: 'errors.survey.count' }),
});

/** Issues single-use codes for one organisation; they exist only in the returned list. */
export async function generateInvitationCodes(s: Pick<Services, 'db' | 'sodium'>, actor: Actor | null, waveId: string, input: unknown): Promise<string[]> {
  authorize(actor, 'surveys.manage');
  requireId(waveId);
  const form = validate(generateSchema, input);
  const [participates] = await s.db
    .select({ status: surveyWaves.status })
    .from(surveyWaveOrganisations)
    .innerJoin(surveyWaves, eq(surveyWaves.id, surveyWaveOrganisations.waveId))
    .where(inOrg(actor.organisationId, surveyWaves, eq(surveyWaveOrganisations.waveId, waveId), eq(surveyWaveOrganisations.organisationId, form.organisationId)));
  if (!participates) throw fieldError('organisationId', 'errors.choice.required');
  if (participates.status !== 'open') throw new AppError('conflict');
  const codes = newCodes(s.sodium, form.count);
  await s.db.transaction(async (tx) => {
    // One parameter per batch (all hashes in one byte string, cut up by the database) instead of
    // three per row: 121,000 codes then take seconds, not tens of seconds.
    for (let i = 0; i < codes.length; i += BATCH) {
      const batch = codes.slice(i, i + BATCH);
      const packed = new Uint8Array(batch.length * HASH_BYTES);
      batch.forEach((code, j) => packed.set(hashCode(s.sodium, code), j * HASH_BYTES));
      await tx.execute(sql`
        insert into ${surveyInvitations} (code_hash, wave_id, organisation_id)
        select substring(${packed}::bytea from (n - 1) * ${HASH_BYTES} + 1 for ${HASH_BYTES}), ${waveId}::uuid, ${form.organisationId}::uuid
        from generate_series(1, ${batch.length}::int) as n
        on conflict do nothing`);
    }
    await tx
      .update(surveyWaveOrganisations)
      .set({ invited: sql`${surveyWaveOrganisations.invited} + ${codes.length}` })
      .where(and(eq(surveyWaveOrganisations.waveId, waveId), eq(surveyWaveOrganisations.organisationId, form.organisationId)));
  });
  return codes.map((code) => `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`);
}

/** A public panel link; the token is shown once and only its hash is kept. Replaces an earlier link. */
export async function createOpenLink(s: Pick<Services, 'db' | 'sodium'>, actor: Actor | null, waveId: string): Promise<string> {
  authorize(actor, 'surveys.manage');
  requireId(waveId);
  const token = newOpenLinkToken(s.sodium);
  const updated = await s.db
    .update(surveyWaves)
    .set({ openLinkHash: openLinkHash(s.sodium, token) })
    .where(inOrg(actor.organisationId, surveyWaves, eq(surveyWaves.id, waveId), eq(surveyWaves.status, 'open')))
    .returning({ id: surveyWaves.id });
  if (updated.length !== 1) throw new AppError('conflict');
  return token;
}

