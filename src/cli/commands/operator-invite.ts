import { unsafeCreateInvitation } from '../../domain/accounts/create-invitation.js';
import { displayNameSchema, emailSchema } from '../../domain/accounts/schemas.js';
import { sendInvitationMail } from '../../domain/accounts/send-invitation-mail.js';
import { validate } from '../../domain/validate.js';
import type { Command } from '../context.js';

export const run: Command = async ({ services, options }) => {
  const email = validate(emailSchema, options.email ?? '');
  const displayName = validate(displayNameSchema, options.name ?? '');
  const invitation = await services.db.transaction((tx) => unsafeCreateInvitation({ ...services, db: tx }, null, { email, displayName, roles: [] }));
  const link = await sendInvitationMail(services, null, email, invitation.token, invitation.expiresAt);
  console.log(`Invitation sent to ${email}. Link (works once, valid 7 days):\n  ${link}`);
};
