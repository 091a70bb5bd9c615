import { randomUUID } from 'node:crypto';
import { eq, like } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Tx } from '../../db/client.js';
import { unsafeAnyOrg } from '../../db/scoped.js';
import { organisations, PLATFORM_CHAIN } from '../../db/schema.js';
import type { Services } from '../../services.js';
import { appendAudit } from '../audit/append-audit.js';
import { fieldError } from '../errors.js';
import { ensureDefaultRoutes } from '../routes/ensure-default-routes.js';
import { validate } from '../validate.js';
import type { Organisation } from './get-organisation.js';
import { SLUG_PATTERN, slugFromName } from './slug.js';

export const createOrganisationSchema = z.object({
  name: z.string().trim().min(2, { error: 'errors.field.required' }).max(200, { error: 'errors.field.tooLong' }),
  slug: z.string().trim().toLowerCase().regex(SLUG_PATTERN, { error: 'errors.slug.invalid' }).optional(),
  defaultLanguage: z.enum(['nl', 'en'], { error: 'errors.field.invalid' }).default('nl'),
  contactText: z.string().trim().max(2000, { error: 'errors.field.tooLong' }).default(''),
  isDemo: z.boolean().default(false),
});
export type CreateOrganisationInput = z.input<typeof createOrganisationSchema>;

/** A free address from the name: "gemeente-a", else "gemeente-a-2", and so on. */
async function freeSlug(db: Db | Tx, name: string): Promise<string> {
  const base = slugFromName(name).slice(0, 36).replace(/-+$/, '') || 'organisatie';
  const taken = new Set((await db.select({ slug: organisations.slug }).from(organisations).where(unsafeAnyOrg('addresses are unique across the platform', like(organisations.slug, `${base}%`)))).map((r) => r.slug));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/**
 * A new organisation on the platform: its settings, its own address, its own receipt salt (a
 * database default) and its own routes, each read by its own bodies until it chooses otherwise.
 * Recorded in the platform's own audit chain. No authorization here on purpose: setup, the
 * command line and the platform operator's use-case call it.
 */
export async function unsafeCreateOrganisation(
  s: Pick<Services, 'sodium' | 'serverKeys' | 'now'> & { db: Db | Tx },
  input: CreateOrganisationInput,
  actorUserId: string | null = null,
): Promise<Organisation> {
  const form = validate(createOrganisationSchema, input);
  const write = async (tx: Db | Tx) => {
    if (form.slug && (await tx.select({ id: organisations.id }).from(organisations).where(unsafeAnyOrg('addresses are unique across the platform', eq(organisations.slug, form.slug)))).length > 0) {
      throw fieldError('slug', 'errors.slug.taken');
    }
    const slug = form.slug ?? (await freeSlug(tx, form.name));
    const [created] = await tx
      .insert(organisations)
      .values({ id: randomUUID(), name: form.name, slug, defaultLanguage: form.defaultLanguage, contactText: form.contactText, isDemo: form.isDemo })
      .returning();
    await ensureDefaultRoutes(tx, created!.id);
    await appendAudit(
      { ...s, db: tx },
      { organisationId: PLATFORM_CHAIN, actorKind: actorUserId ? 'staff' : 'system', actorUserId, action: 'organisation.created', caseId: null, detail: { organisation: created!.id, slug } },
    );
    return created!;
  };
  return 'rollback' in s.db ? write(s.db) : s.db.transaction(write);
}
