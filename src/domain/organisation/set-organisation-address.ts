import { sql } from 'drizzle-orm';
import { organisations, PLATFORM_CHAIN } from '../../db/schema.js';
import type { Services } from '../../services.js';
import { appendAudit } from '../audit/append-audit.js';
import { fieldError } from '../errors.js';
import { getOrganisation } from './get-organisation.js';
import { inOrg, unsafeAnyOrg } from '../../db/scoped.js';

const HOST_NAME = /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/**
 * Where an organisation is found: its own host name (or none: null), and whether the
 * installation's start page lists it. Host names need DNS and a certificate, which only the
 * platform's operator arranges, so this is the operator's command (the command line), not an
 * organisation administrator's; recorded in the platform's audit chain and the organisation's.
 */
export async function unsafeSetOrganisationAddress(
  s: Pick<Services, 'db' | 'sodium' | 'serverKeys' | 'now' | 'config'>,
  organisationId: string,
  change: { hostName?: string | null; listed?: boolean },
  actorUserId: string | null = null,
): Promise<void> {
  const organisation = await getOrganisation(s, organisationId);
  const set: { hostName?: string | null; listed?: boolean } = {};
  if (change.hostName !== undefined) {
    const hostName = change.hostName === null ? null : change.hostName.trim().toLowerCase().replace(/\.$/, '');
    if (hostName !== null && (!HOST_NAME.test(hostName) || hostName === new URL(s.config.baseUrl).hostname)) throw fieldError('hostName', 'errors.hostName.invalid');
    if (hostName !== null) {
      const [taken] = await s.db.select({ id: organisations.id }).from(organisations).where(unsafeAnyOrg('a host name is unique across the platform', sql`${organisations.hostName} = ${hostName} and ${organisations.id} <> ${organisationId}`));
      if (taken) throw fieldError('hostName', 'errors.hostName.taken');
    }
    set.hostName = hostName;
  }
  if (change.listed !== undefined) set.listed = change.listed;
  if (Object.keys(set).length === 0) return;
  await s.db.transaction(async (tx) => {
    await tx.update(organisations).set(set).where(inOrg(organisationId, organisations));
    const detail = {
      organisation: organisation.id,
      ...(set.hostName !== undefined ? { hostBefore: organisation.hostName ?? '', hostAfter: set.hostName ?? '' } : {}),
      ...(set.listed !== undefined ? { listed: String(set.listed) } : {}),
    };
    for (const chain of [PLATFORM_CHAIN, organisation.id]) {
      await appendAudit({ ...s, db: tx }, { organisationId: chain, actorKind: actorUserId ? 'staff' : 'system', actorUserId, action: 'organisation.address', caseId: null, detail });
    }
  });
}
