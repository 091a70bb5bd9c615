import { translator, type Language } from '../../i18n/index.js';
import type { Services } from '../../services.js';
import { getOrganisation } from '../organisation/get-organisation.js';

/** The link opens at the organisation's own address (/o/<slug>), where its accounts sign in. */
export function invitationLink(baseUrl: string, slug: string | null, token: string): string {
  return `${baseUrl}${slug ? `/o/${slug}` : '/platform'}/invitation/${token}`;
}

/** Sends the invitation link; the mail names the organisation (or the platform) and nothing else about its work. */
export async function sendInvitationMail(s: Services, organisationId: string | null, email: string, token: string, expiresAt: Date): Promise<string> {
  // The platform operator's own account is invited to the platform's address.
  const organisation = organisationId
    ? await getOrganisation(s, organisationId)
    : { name: 'Tegenspraak', slug: null, defaultLanguage: 'nl', timeZone: 'Europe/Amsterdam' };
  const language: Language = organisation.defaultLanguage === 'en' ? 'en' : 'nl';
  const t = translator(language);
  const link = invitationLink(s.config.baseUrl, organisation.slug, token);
  const until = expiresAt.toLocaleString(language === 'en' ? 'en-GB' : 'nl-NL', { timeZone: organisation.timeZone });
  await s.mailer.send({
    to: email,
    subject: t('mail.invitation.subject', { organisation: organisation.name }),
    text: t('mail.invitation.body', { organisation: organisation.name, link, until }),
  });
  return link;
}
