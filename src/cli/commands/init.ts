import { firstOrganisation } from '../../domain/organisation/get-organisation.js';
import { invitationLink } from '../../domain/accounts/send-invitation-mail.js';
import { issueSetupToken } from '../../domain/setup/issue-setup-token.js';
import { unsafeReissueFirstAdminInvitation } from '../../domain/setup/reissue-first-invitation.js';
import type { Command } from '../context.js';

export const run: Command = async ({ services, config }) => {
  const token = await issueSetupToken(services);
  const first = token ? null : await firstOrganisation(services);
  const again = first ? await unsafeReissueFirstAdminInvitation(services, first.id) : null;
  if (token) console.log(`Open this one-time link to set up Tegenspraak (valid 24 hours):\n  ${config.baseUrl}/setup/${token}`);
  else if (again && first) console.log(`Tegenspraak is set up, but its first administrator (${again.email}) has not finished their account.\nA new link for them (works once, valid 7 days; earlier links stop working):\n  ${invitationLink(config.baseUrl, first, again.token)}`);
  else console.log('Tegenspraak is already set up.');
};
