import { recomputeDueOn } from '../cases/recompute-due-on.js';
import { z } from 'zod';
import { organisations } from '../../db/schema.js';
import type { Services } from '../../services.js';
import { authorize, type Actor } from '../access/authorize.js';
import { validate } from '../validate.js';
import { getOrganisation } from './get-organisation.js';
import { mailNotices } from '../admission/announce.js';
import { changedFields, recordTextChange } from '../admission/record-change.js';
import { inOrg } from '../../db/scoped.js';
import { sectors } from '../surveys/questions.js';

export const organisationSettingsSchema = z.object({
  name: z.string().trim().min(2, { error: 'errors.field.required' }).max(200, { error: 'errors.field.tooLong' }),
  defaultLanguage: z.enum(['nl', 'en'], { error: 'errors.field.invalid' }),
  contactText: z.string().trim().max(2000, { error: 'errors.field.tooLong' }),
});

// Set up with the default; changed later on the settings page.
export const organisationUpdateSchema = organisationSettingsSchema
  .extend({
  // The languages its pages offer; the default must be one of them.
  languages: z.array(z.enum(['nl', 'en'], { error: 'errors.field.invalid' })).min(1, { error: 'errors.languages.required' }).max(2).transform((list) => [...new Set(list)].sort() as Array<'nl' | 'en'>),
  commissionText: z.string().trim().max(2000, { error: 'errors.field.tooLong' }),
  panelText: z.string().trim().max(2000, { error: 'errors.field.tooLong' }),
  // At least the feedback period plus a year of follow-up; at most ten years.
  retentionMonths: z.coerce.number({ error: 'errors.retention.range' }).int({ error: 'errors.retention.range' }).min(6, { error: 'errors.retention.range' }).max(120, { error: 'errors.retention.range' }),
  // Its local dates and deadlines; any IANA zone the runtime knows.
  timeZone: z.string().trim().max(64, { error: 'errors.timeZone.unknown' }).refine(knownTimeZone, { error: 'errors.timeZone.unknown' }),
  // Blank while unknown; figures per 1,000 employees need it.
  headcount: z
    .string()
    .trim()
    .transform((value, ctx) => {
      const digits = value.replace(/[.\s]/g, '');
      if (!digits) return null;
      if (!/^\d{1,8}$/.test(digits) || Number(digits) < 1 || Number(digits) > 10_000_000) {
        ctx.issues.push({ code: 'custom', message: 'errors.headcount.range', input: value });
        return z.NEVER;
      }
      return Number(digits);
    }),
  // Its sector for the monitor's benchmarks; blank while not chosen.
  sector: z.union([z.enum(sectors), z.literal('')], { error: 'errors.field.invalid' }).transform((value) => value || null),
  })
  .refine((settings) => settings.languages.includes(settings.defaultLanguage), { path: ['defaultLanguage'], error: 'errors.languages.defaultOffered' });

function knownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
}

/** Settings are texts reporters read: every change is audited with before and after, and announced. */
export async function updateOrganisation(s: Services, actor: Actor | null, input: unknown): Promise<void> {
  authorize(actor, 'settings.manage');
  const settings = validate(organisationUpdateSchema, input);
  const organisation = await getOrganisation(s, actor.organisationId);
  const flat = (o: typeof settings) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, String(v)]));
  const before = flat({ name: organisation.name, defaultLanguage: organisation.defaultLanguage as 'nl' | 'en', contactText: organisation.contactText, commissionText: organisation.commissionText, panelText: organisation.panelText, retentionMonths: organisation.retentionMonths, timeZone: organisation.timeZone, headcount: organisation.headcount, sector: organisation.sector as (typeof sectors)[number] | null, languages: [...organisation.languages].sort() as Array<'nl' | 'en'> });
  let told: string[] = [];
  await s.db.transaction(async (tx) => {
    await tx.update(organisations).set(settings).where(inOrg(organisation.id, organisations));
    // Deadlines are local days: in another zone, the cases' next deadlines are set again.
    if (settings.timeZone !== organisation.timeZone) await recomputeDueOn(tx, organisation.id);
    told = await recordTextChange({ ...s, db: tx }, actor.organisationId, actor.userId, 'settings', changedFields(before, flat(settings)));
  });
  await mailNotices(s, told);
}
