import { z } from 'zod';
import type { Services } from '../../services.js';
import { requirePlatformOperator } from '../access/platform-operator.js';
import { unsafeCreateInvitation } from '../accounts/create-invitation.js';
import { displayNameSchema, emailSchema } from '../accounts/schemas.js';
import { sendInvitationMail } from '../accounts/send-invitation-mail.js';
import { validate } from '../validate.js';
import { createOrganisationSchema, unsafeCreateOrganisation } from './create-organisation.js';

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
  const { organisation, invitation } = await s.db.transaction(async (tx) => {
    const made = await unsafeCreateOrganisation({ ...s, db: tx }, { name: form.name, ...(form.slug ? { slug: form.slug } : {}) }, actor.userId);
    return { organisation: made, invitation: await unsafeCreateInvitation({ ...s, db: tx }, made.id, { email: form.adminEmail, displayName: form.adminName, roles: ['administrator'] }, actor.userId) };
  });
  const link = await sendInvitationMail(s, organisation.id, form.adminEmail, invitation.token, invitation.expiresAt);
  return { slug: organisation.slug, link };
}

export type OpenOrganisationInput = z.input<typeof openOrganisationSchema>;
