import { eq, gt } from 'drizzle-orm';
import { isWellFormedToken } from '../../crypto/tokens.js';
import { openForSession, sessionLookupHash } from '../../crypto/session-secrets.js';
import { sessions, users } from '../../db/schema.js';
import type { Services } from '../../services.js';
import type { Role } from '../access/roles.js';
import { unsafeAnyOrg } from '../../db/scoped.js';

export interface StaffSession {
  sessionId: string;
  userId: string;
  email: string;
  displayName: string;
  roles: Role[];
  /** Null for the platform operator, whose session counts only at the platform's own address. */
  organisationId: string | null;
  /** The user's private key, available only while this session's cookie is presented. */
  privateKey: Uint8Array | null;
}

// Writing last-seen on every request would turn each page view into a write; once a minute is enough.
const TOUCH_INTERVAL_MS = 60_000;

/** The live session behind a cookie token, sliding its idle timeout; null when unknown or expired. */
export async function resolveSession(
  s: Pick<Services, 'db' | 'sodium' | 'now' | 'config'>,
  token: string,
): Promise<StaffSession | null> {
  if (!isWellFormedToken(token)) return null;
  const now = s.now();
  const rows = await s.db
    .select({ session: sessions, user: { email: users.email, displayName: users.displayName, roles: users.roles, status: users.status, organisationId: users.organisationId } })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(unsafeAnyOrg('the session token decides whose account this is, of whichever organisation', eq(sessions.idHash, sessionLookupHash(s.sodium, token)), gt(sessions.expiresAt, now)));
  const row = rows[0];
  if (!row || row.user.status !== 'active') return null;
  if (now.getTime() - row.session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await s.db
      .update(sessions)
      .set({ lastSeenAt: now, expiresAt: new Date(now.getTime() + s.config.sessionIdleMinutes * 60_000) })
      .where(eq(sessions.id, row.session.id));
  }
  return {
    sessionId: row.session.id,
    userId: row.session.userId,
    email: row.user.email,
    displayName: row.user.displayName,
    roles: row.user.roles as Role[],
    organisationId: row.user.organisationId,
    privateKey: row.session.privateKeySealed ? openForSession(s.sodium, token, row.session.privateKeySealed) : null,
  };
}
