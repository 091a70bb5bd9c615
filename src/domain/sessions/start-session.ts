import { newToken } from '../../crypto/tokens.js';
import { sealForSession, sessionLookupHash } from '../../crypto/session-secrets.js';
import { sessions } from '../../db/schema.js';
import type { Services } from '../../services.js';

/** Creates a server-side session; the returned token goes into the cookie and nowhere else. */
export async function startSession(
  s: Pick<Services, 'db' | 'sodium' | 'now' | 'config'>,
  userId: string,
  privateKey: Uint8Array,
): Promise<string> {
  const token = newToken(s.sodium);
  const now = s.now();
  await s.db.insert(sessions).values({
    idHash: sessionLookupHash(s.sodium, token),
    userId,
    privateKeySealed: sealForSession(s.sodium, token, privateKey),
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + s.config.sessionIdleMinutes * 60_000),
  });
  return token;
}
