import { unsafeCreateInvitation } from '../../domain/accounts/create-invitation.js';
import { inviteUserSchema } from '../../domain/accounts/schemas.js';
import { sendInvitationMail } from '../../domain/accounts/send-invitation-mail.js';
import { unsafeCreateOrganisation } from '../../domain/organisation/create-organisation.js';
import { validate } from '../../domain/validate.js';
import type { Command } from '../context.js';

export const run: Command = async ({ services, config, options }) => {
  const admin = validate(inviteUserSchema, { email: options.email ?? '', displayName: options.admin ?? '', roles: ['administrator'] });
  const { created, invitation } = await services.db.transaction(async (tx) => {
    const made = await unsafeCreateOrganisation({ ...services, db: tx }, { name: options.name ?? '', ...(options.slug ? { slug: options.slug } : {}) });
    return { created: made, invitation: await unsafeCreateInvitation({ ...services, db: tx }, made.id, admin) };
  });
  const link = await sendInvitationMail(services, created.id, admin.email, invitation.token, invitation.expiresAt);
  console.log(`Organisation "${created.name}" created at ${config.baseUrl}/o/${created.slug}/\nInvitation for its first administrator sent to ${admin.email}. Link (works once, valid 7 days):\n  ${link}`);
};
