import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Sodium } from '../../crypto/sodium.js';
import { surveyInvitations, surveyWaveOrganisations, surveyWaves } from '../../db/schema.js';
import type { Services } from '../../services.js';
import { authorize, type Actor } from '../access/authorize.js';
import { AppError, fieldError } from '../errors.js';
import { requireId } from '../ids.js';
import { validate } from '../validate.js';
import { toBase64Url } from '../../crypto/encoding.js';

// 12 characters from 31 that cannot be mistaken for one another (no 0/O, 1/I/L): about 59 bits, so a
// code cannot be guessed and its hash cannot be reversed by trying them all.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 12;
const BATCH = 50_000;

export const MAX_CODES = 200_000;

export function normaliseCode(input: string): string | null {
  const clean = input.toUpperCase().replace(/[\s-]/g, '');
  return clean.length === CODE_LENGTH && [...clean].every((ch) => ALPHABET.includes(ch)) ? clean : null;
}

const HASH_BYTES = 16;

export function hashCode(sodium: Sodium, normalised: string): Uint8Array {
  return sodium.crypto_generichash(HASH_BYTES, sodium.from_string(`survey-code:${normalised}`), null);
}

function newCodes(sodium: Sodium, count: number): string[] {
  // A ChaCha20 stream under a fresh random seed: the same quality as randombytes_buf, at stream
  // cipher speed (asking for 1.5 MB byte by byte from the system takes seconds in WebAssembly).
  const fresh = () => sodium.randombytes_buf_deterministic(Math.ceil(count * CODE_LENGTH * 1.1) + 64, sodium.randombytes_buf(32));
  let stream = fresh();
  let at = 0;
  const next = (): number => {
    // 256 is not a multiple of 31: only bytes below 248 (8 x 31) keep every character equally likely.
    for (;;) {
      if (at >= stream.length) {
        stream = fresh();
        at = 0;
      }
      const byte = stream[at++]!;
      if (byte < 248) return byte % ALPHABET.length;
    }
  };
  const codes: string[] = [];
  for (let i = 0; i < count; i++) {
    let code = '';
    for (let j = 0; j < CODE_LENGTH; j++) code += ALPHABET[next()];
    codes.push(code);
  }
  return codes;
}

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
    .where(and(eq(surveyWaveOrganisations.waveId, waveId), eq(surveyWaveOrganisations.organisationId, form.organisationId)));
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
  const token = toBase64Url(s.sodium.randombytes_buf(24));
  const updated = await s.db
    .update(surveyWaves)
    .set({ openLinkHash: s.sodium.crypto_generichash(32, s.sodium.from_string(`survey-link:${token}`), null) })
    .where(and(eq(surveyWaves.id, waveId), eq(surveyWaves.status, 'open')))
    .returning({ id: surveyWaves.id });
  if (updated.length !== 1) throw new AppError('conflict');
  return token;
}

export function openLinkHash(sodium: Sodium, token: string): Uint8Array {
  return sodium.crypto_generichash(32, sodium.from_string(`survey-link:${token}`), null);
}
