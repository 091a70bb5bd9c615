import { isNull } from 'drizzle-orm';
import { newToken, hashToken } from '../../crypto/tokens.js';
import { setupTokens } from '../../db/schema.js';
import type { Services } from '../../services.js';
import { firstOrganisation } from '../organisation/get-organisation.js';

export const SETUP_TOKEN_HOURS = 24;

/**
 * Before anyone has set up the installation, the console gets a one-time link. Each new link
 * replaces the unused ones, so only the latest printed link works. Returns null once set up.
 */
export async function issueSetupToken(s: Pick<Services, 'db' | 'sodium' | 'now'>): Promise<string | null> {
  if (await firstOrganisation(s)) return null;
  const token = newToken(s.sodium);
  await s.db.transaction(async (tx) => {
    await tx.delete(setupTokens).where(isNull(setupTokens.usedAt));
    await tx.insert(setupTokens).values({
      tokenHash: hashToken(s.sodium, 'setup', token),
      expiresAt: new Date(s.now().getTime() + SETUP_TOKEN_HOURS * 3600_000),
    });
  });
  return token;
}
