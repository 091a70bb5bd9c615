import { translator, type Language, languageOf } from '../../i18n/index.js';
import type { Services } from '../../services.js';
import { getOrganisation } from '../organisation/get-organisation.js';
import { organisationAddress } from '../organisation/organisation-address.js';

/** The link opens at the organisation's own address, where its accounts sign in (the operator's at /platform). */
export function invitationLink(baseUrl: string, organisation: { slug: string; hostName: string | null } | null, token: string): string {
  return `${organisation ? organisationAddress(baseUrl, organisation) : `${baseUrl}/platform`}/invitation/${token}`;
}

/** Sends the invitation link; the mail names the organisation (or the platform) and nothing else about its work. */
export async function sendInvitationMail(s: Services, organisationId: string | null, email: string, token: string, expiresAt: Date): Promise<string> {
  // The platform operator's own account is invited to the platform's address.
  const organisation = organisationId
    ? await getOrganisation(s, organisationId)
    : null;
  const language: Language = languageOf(organisation?.defaultLanguage);
  const name = organisation?.name ?? 'Tegenspraak';
  const t = translator(language);
  const link = invitationLink(s.config.baseUrl, organisation, token);
  const until = expiresAt.toLocaleString(language === 'en' ? 'en-GB' : 'nl-NL', { timeZone: organisation?.timeZone ?? 'Europe/Amsterdam' });
  await s.mailer.send({
    to: email,
    subject: t('mail.invitation.subject', { organisation: name }),
    text: t('mail.invitation.body', { organisation: name, link, until }),
  });
  return link;
}
