import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { organisations } from '../../db/schema.js';
import type { Services } from '../../services.js';
import { authorize, type Actor } from '../access/authorize.js';
import { AppError } from '../errors.js';
import { validate } from '../validate.js';
import { getOrganisation } from './get-organisation.js';

export const organisationSettingsSchema = z.object({
  name: z.string().trim().min(2, { error: 'errors.field.required' }).max(200, { error: 'errors.field.tooLong' }),
  defaultLanguage: z.enum(['nl', 'en'], { error: 'errors.field.invalid' }),
  contactText: z.string().trim().max(2000, { error: 'errors.field.tooLong' }),
});

// Set up with the default; changed later on the settings page.
export const organisationUpdateSchema = organisationSettingsSchema.extend({
  commissionText: z.string().trim().max(2000, { error: 'errors.field.tooLong' }),
  panelText: z.string().trim().max(2000, { error: 'errors.field.tooLong' }),
  // At least the feedback period plus a year of follow-up; at most ten years.
  retentionMonths: z.coerce.number({ error: 'errors.retention.range' }).int({ error: 'errors.retention.range' }).min(6, { error: 'errors.retention.range' }).max(120, { error: 'errors.retention.range' }),
});

export async function updateOrganisation(s: Pick<Services, 'db'>, actor: Actor | null, input: unknown): Promise<void> {
  authorize(actor, 'settings.manage');
  const settings = validate(organisationUpdateSchema, input);
  const organisation = await getOrganisation(s);
  if (!organisation) throw new AppError('not_found');
  await s.db.update(organisations).set(settings).where(eq(organisations.id, organisation.id));
}
