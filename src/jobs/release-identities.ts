import { dueIdentityReleases, releaseAfterWaitingPeriod } from '../domain/identity/release-identity.js';
import type { Services } from '../services.js';
import { claimJob, finishJob, releaseJob } from './claim-job.js';

/**
 * Releases the reporter's name for every granted request whose waiting period has passed without
 * an objection. Each request is claimed by key, so two instances never both work on it; the
 * release itself checks the request's state again under a lock, so a run after a crash, or after
 * the requester's own visit released it already, changes nothing.
 */
export async function releaseIdentitiesAfterWaiting(s: Services): Promise<number> {
  const now = s.now();
  let released = 0;
  for (const requestId of await dueIdentityReleases(s)) {
    const key = `identity-release:${requestId}`;
    if (!(await claimJob(s.db, key, now))) continue;
    try {
      if (await releaseAfterWaitingPeriod(s, requestId)) released += 1;
      await finishJob(s.db, key, now);
    } catch {
      // Handed back, so the next run tries again instead of waiting out the lease.
      await releaseJob(s.db, key);
      s.logger.warn('an identity release could not be completed; retrying at the next run');
    }
  }
  return released;
}
