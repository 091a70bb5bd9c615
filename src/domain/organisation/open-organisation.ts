import { arrayContains, eq, gt } from 'drizzle-orm';
import { organisations, users } from '../../db/schema.js';
import type { Services } from '../../services.js';
import { requirePlatformOperator } from '../access/platform-operator.js';
import { unsafeCreateInvitation } from '../accounts/create-invitation.js';
import { displayNameSchema, emailSchema } from '../accounts/schemas.js';
import { sendInvitationMail } from '../accounts/send-invitation-mail.js';
import { validate } from '../validate.js';
import { unsafeReissueFirstAdminInvitation } from '../setup/reissue-first-invitation.js';
import { createOrganisationSchema, unsafeCreateOrganisation } from './create-organisation.js';
import { unsafeAnyOrg } from '../../db/scoped.js';

// A second press of the button (a double click, a reload that re-posts) within this time finds the
// organisation the first one made.
const REPEAT_WINDOW_MS = 10 * 60_000;

export const openOrganisationSchema = createOrganisationSchema.pick({ name: true, slug: true }).extend({
  adminName: displayNameSchema,
  adminEmail: emailSchema,
});

/**
 * The platform operator adds an organisation and invites its first administrator: the only account
 * the operator ever makes there. The administrator invites the rest; the organisation's bodies
 * found themselves and admit their own readers, so the operator can read nothing of it.
 */
export async function openOrganisation(s: Services, actor: { userId: string; organisationId: string | null } | null, input: unknown): Promise<{ slug: string; link: string }> {
  requirePlatformOperator(actor);
  const form = validate(openOrganisationSchema, input);
  const repeated = await sameOrganisationJustMade(s, form);
  if (repeated) {
    // The first answer, with its link, never reached the screen: a fresh link (the earlier one stops working).
    const again = await unsafeReissueFirstAdminInvitation(s, repeated.id);
    if (again) return { slug: repeated.slug, link: await sendInvitationMail(s, repeated.id, again.email, again.token, again.expiresAt) };
  }
  const { organisation, invitation } = await s.db.transaction(async (tx) => {
    const made = await unsafeCreateOrganisation({ ...s, db: tx }, { name: form.name, ...(form.slug ? { slug: form.slug } : {}) }, actor.userId);
    return { organisation: made, invitation: await unsafeCreateInvitation({ ...s, db: tx }, made.id, { email: form.adminEmail, displayName: form.adminName, roles: ['administrator'] }, actor.userId) };
  });
  const link = await sendInvitationMail(s, organisation.id, form.adminEmail, invitation.token, invitation.expiresAt);
  return { slug: organisation.slug, link };
}

/** The organisation with this name (and address, if given) made minutes ago, whose first administrator, this same address, has not signed in yet. */
async function sameOrganisationJustMade(s: Pick<Services, 'db' | 'now'>, form: { name: string; slug?: string | undefined; adminEmail: string }): Promise<{ id: string; slug: string } | null> {
  const [row] = await s.db
    .select({ id: organisations.id, slug: organisations.slug })
    .from(organisations)
    .innerJoin(users, eq(users.organisationId, organisations.id))
    .where(
      unsafeAnyOrg(
        'the operator repeating the same creation: no organisation is in scope yet',
        eq(organisations.name, form.name),
        form.slug ? eq(organisations.slug, form.slug) : undefined,
        gt(organisations.createdAt, new Date(s.now().getTime() - REPEAT_WINDOW_MS)),
        eq(users.email, form.adminEmail),
        eq(users.status, 'invited'),
        arrayContains(users.roles, ['administrator']),
      ),
    )
    .limit(1);
  return row ?? null;
}
