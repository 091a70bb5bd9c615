import { eq } from 'drizzle-orm';
import { installation } from '../../db/schema.js';
import type { Services } from '../../services.js';

/** The per-installation salt for receipt derivations, created on first use. */
export async function getInstallationSalt(s: Pick<Services, 'db' | 'sodium'>): Promise<Uint8Array> {
  const [row] = await s.db.select().from(installation).where(eq(installation.id, 1));
  if (row) return row.receiptSalt;
  await s.db.insert(installation).values({ id: 1, receiptSalt: s.sodium.randombytes_buf(16) }).onConflictDoNothing();
  const [created] = await s.db.select().from(installation).where(eq(installation.id, 1));
  return created!.receiptSalt;
}
