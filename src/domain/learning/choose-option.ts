import { and, eq, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { dilemmas } from '../../db/schema.js';
import { inOrg } from '../../db/scoped.js';
import type { Services } from '../../services.js';
import { AppError } from '../errors.js';
import { validate } from '../validate.js';
import { plusOneAt } from './count-choice.js';
import { publishedDilemma } from './published-dilemma.js';

// Playing alone: the choice is one more in a count per option and nothing else; no cookie is set.

const chooseSchema = z.object({
  option: z.coerce.number({ error: 'errors.dilemma.chooseOption' }).int({ error: 'errors.dilemma.chooseOption' }).min(1, { error: 'errors.dilemma.chooseOption' }).max(4, { error: 'errors.dilemma.chooseOption' }),
  nonce: z.string().regex(/^[A-Za-z0-9_-]{22}$/, { error: 'errors.dilemma.chooseOption' }),
});

const total = (column: PgColumn) => sql`(select coalesce(sum(v), 0) from unnest(${column}) as v)`;

/**
 * Counts one choice. What the pages show moves on only once at least the minimum of new choices
 * came in since it last moved: whoever watches the figure before and after a colleague plays sees
 * nothing change.
 */
export async function chooseOption(s: Pick<Services, 'db' | 'recentChoices'>, organisationId: string, id: string, input: unknown): Promise<void> {
  const row = await publishedDilemma(s, organisationId, id);
  const form = validate(chooseSchema, input);
  if (form.option > row.content.options.length) throw new AppError('validation', [{ field: 'option', message: 'errors.dilemma.chooseOption' }]);
  if (!s.recentChoices.firstUse(form.nonce)) return;
  await s.db.transaction(async (tx) => {
    await tx
      .update(dilemmas)
      .set({ choices: plusOneAt(dilemmas.choices, form.option) })
      .where(inOrg(organisationId, dilemmas, and(eq(dilemmas.id, row.id), eq(dilemmas.status, 'published'), sql`cardinality(${dilemmas.choices}) >= ${form.option}`)));
    await tx
      .update(dilemmas)
      .set({ shownChoices: sql`${dilemmas.choices}` })
      .where(inOrg(organisationId, dilemmas, eq(dilemmas.id, row.id), sql`${total(dilemmas.choices)} - ${total(dilemmas.shownChoices)} >= ${Math.max(1, row.minimum)}`));
  });
}
