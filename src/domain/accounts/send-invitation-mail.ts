import { translator, type Language } from '../../i18n/index.js';
import type { Services } from '../../services.js';
import { getOrganisation } from '../organisation/get-organisation.js';

export function invitationLink(baseUrl: string, token: string): string {
  return `${baseUrl}/invitation/${token}`;
}

/** Sends the invitation link; the mail names the organisation and nothing else about its work. */
export async function sendInvitationMail(s: Services, email: string, token: string, expiresAt: Date): Promise<string> {
  const organisation = await getOrganisation(s);
  const language: Language = organisation?.defaultLanguage === 'en' ? 'en' : 'nl';
  const t = translator(language);
  const link = invitationLink(s.config.baseUrl, token);
  const until = expiresAt.toLocaleString(language === 'en' ? 'en-GB' : 'nl-NL', { timeZone: organisation?.timeZone ?? 'Europe/Amsterdam' });
  await s.mailer.send({
    to: email,
    subject: t('mail.invitation.subject', { organisation: organisation?.name ?? 'Tegenspraak' }),
    text: t('mail.invitation.body', { organisation: organisation?.name ?? 'Tegenspraak', link, until }),
  });
  return link;
}
