import { and, eq, sql } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { dilemmas, organisations } from '../../db/schema.js';
import { inOrg } from '../../db/scoped.js';
import type { Language } from '../../i18n/index.js';
import type { Services } from '../../services.js';
import { AppError } from '../errors.js';
import { requireId } from '../ids.js';
import { validate } from '../validate.js';
import { plusOneAt } from './count-choice.js';
import { distributionOf, type Distribution } from './distribution.js';
import { localiseDilemma, type LocalDilemma } from './localise.js';

// Playing alone: choose an option, then see how others chose, the considerations and the panel's
// reflection. Nothing is kept of the player: the choice is one more in a count, no cookie is set,
// and the form's one-time value only keeps a double click from counting twice.

async function publishedDilemma(s: Pick<Services, 'db'>, organisationId: string, id: string) {
  const [row] = await s.db
    .select({ id: dilemmas.id, content: dilemmas.content, choices: dilemmas.choices })
    .from(dilemmas)
    .where(inOrg(organisationId, dilemmas, and(eq(dilemmas.id, requireId(id)), eq(dilemmas.status, 'published'))));
  if (!row) throw new AppError('not_found');
  return row;
}

export interface DilemmaToPlay {
  id: string;
  dilemma: LocalDilemma;
  /** A fresh value for the choice form: a second send of the same form is not counted again. */
  nonce: string;
}

export async function showDilemma(s: Pick<Services, 'db'>, organisationId: string, id: string, lang: Language): Promise<DilemmaToPlay> {
  const row = await publishedDilemma(s, organisationId, id);
  return { id: row.id, dilemma: localiseDilemma(row.content, lang), nonce: randomBytes(16).toString('base64url') };
}

// The last forms counted, in memory and bounded: a double click or a resend is not a second choice.
const RECENT_LIMIT = 10_000;
const recentNonces = new Set<string>();
function firstUse(nonce: string): boolean {
  if (recentNonces.has(nonce)) return false;
  recentNonces.add(nonce);
  if (recentNonces.size > RECENT_LIMIT) recentNonces.delete(recentNonces.values().next().value!);
  return true;
}

const chooseSchema = z.object({
  option: z.coerce.number({ error: 'errors.dilemma.chooseOption' }).int({ error: 'errors.dilemma.chooseOption' }).min(1, { error: 'errors.dilemma.chooseOption' }).max(4, { error: 'errors.dilemma.chooseOption' }),
  nonce: z.string().regex(/^[A-Za-z0-9_-]{22}$/, { error: 'errors.dilemma.chooseOption' }),
});

/** Counts one choice; returns the option chosen (1-based) for the reflection page's address. */
export async function chooseOption(s: Pick<Services, 'db'>, organisationId: string, id: string, input: unknown): Promise<number> {
  const row = await publishedDilemma(s, organisationId, id);
  const form = validate(chooseSchema, input);
  if (form.option > row.content.options.length) throw new AppError('validation', [{ field: 'option', message: 'errors.dilemma.chooseOption' }]);
  if (!firstUse(form.nonce)) return form.option;
  await s.db
    .update(dilemmas)
    .set({ choices: plusOneAt(dilemmas.choices, form.option) })
    .where(inOrg(organisationId, dilemmas, and(eq(dilemmas.id, row.id), eq(dilemmas.status, 'published'), sql`cardinality(${dilemmas.choices}) >= ${form.option}`)));
  return form.option;
}

export interface DilemmaReflection {
  id: string;
  dilemma: LocalDilemma;
  /** The option the person chose (1-based), when the address says so; null when they came back later. */
  chosen: number | null;
  distribution: Distribution;
}

export async function reflectOnDilemma(s: Pick<Services, 'db'>, organisationId: string, id: string, chosen: string | undefined, lang: Language): Promise<DilemmaReflection> {
  const row = await publishedDilemma(s, organisationId, id);
  const [org] = await s.db.select({ minimum: organisations.dilemmaMinCount }).from(organisations).where(inOrg(organisationId, organisations));
  const option = Number(chosen);
  return {
    id: row.id,
    dilemma: localiseDilemma(row.content, lang),
    chosen: Number.isInteger(option) && option >= 1 && option <= row.content.options.length ? option : null,
    distribution: distributionOf(row.choices, org?.minimum ?? 5),
  };
}
