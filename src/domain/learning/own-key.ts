import { eq } from 'drizzle-orm';
import { users } from '../../db/schema.js';
import { inOrg } from '../../db/scoped.js';
import type { Services } from '../../services.js';
import type { StaffActor } from '../cases/open-case.js';
import { refusal } from '../errors.js';

/** The facilitator's own key pair, which seals and opens their team notes; an account without keys cannot keep notes. */
export async function ownKeys(s: Pick<Services, 'db'>, actor: StaffActor): Promise<{ publicKey: Uint8Array; privateKey: Uint8Array }> {
  const [row] = await s.db.select({ publicKey: users.publicKey }).from(users).where(inOrg(actor.organisationId, users, eq(users.id, actor.userId)));
  if (!row?.publicKey || !actor.privateKey) throw refusal('forbidden', 'errors.learning.noKeys');
  return { publicKey: row.publicKey, privateKey: actor.privateKey };
}
