import { unsafeCreateInvitation } from '../../domain/accounts/create-invitation.js';
import { inviteUserSchema } from '../../domain/accounts/schemas.js';
import { sendInvitationMail } from '../../domain/accounts/send-invitation-mail.js';
import { validate } from '../../domain/validate.js';
import type { Command } from '../context.js';

export const run: Command = async ({ services, options, organisation }) => {
  const input = validate(inviteUserSchema, { email: options.email ?? '', displayName: options.name ?? '', roles: options.role ?? [] });
  const target = await organisation();
  const invitation = await services.db.transaction((tx) => unsafeCreateInvitation({ ...services, db: tx }, target.id, input));
  const link = await sendInvitationMail(services, target.id, input.email, invitation.token, invitation.expiresAt);
  console.log(`Invitation sent to ${input.email}. Link (works once, valid 7 days):\n  ${link}`);
};
