/**
 * Where an organisation's pages are, for links in mail and on the installation's start page: its
 * own host name when the platform operator gave it one, else its path on the platform's address.
 */
export function organisationAddress(baseUrl: string, organisation: { slug: string; hostName: string | null }): string {
  return organisation.hostName ? `${new URL(baseUrl).protocol}//${organisation.hostName}` : `${baseUrl}/o/${organisation.slug}`;
}
