import type { Services } from '../../services.js';
import { authorize, type Actor } from '../access/authorize.js';
import { validate } from '../validate.js';
import { mailNotices } from '../admission/announce.js';
import { unsafeCreateInvitation } from './create-invitation.js';
import { sendInvitationMail } from './send-invitation-mail.js';
import { inviteUserSchema } from './schemas.js';

/** The administrator invites a staff member; the link goes out by e-mail and is returned once. */
export async function inviteUser(s: Services, actor: Actor | null, input: unknown): Promise<{ userId: string; link: string }> {
  authorize(actor, 'users.manage');
  const form = validate(inviteUserSchema, input);
  const invitation = await s.db.transaction((tx) => unsafeCreateInvitation({ ...s, db: tx }, actor.organisationId, form, actor.userId));
  const link = await sendInvitationMail(s, actor.organisationId, form.email, invitation.token, invitation.expiresAt);
  await mailNotices(s, invitation.told);
  return { userId: invitation.userId, link };
}
