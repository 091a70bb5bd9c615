import { organisations } from '../../db/schema.js';
import { inOrg } from '../../db/scoped.js';
import type { Db, Tx } from '../../db/client.js';
import { AppError } from '../errors.js';

/** The organisation's salt for receipt derivations: a receipt opens only at the organisation it was given by. */
export async function getReceiptSalt(s: { db: Db | Tx }, organisationId: string): Promise<Uint8Array> {
  const [row] = await s.db.select({ salt: organisations.receiptSalt }).from(organisations).where(inOrg(organisationId, organisations));
  if (!row) throw new AppError('not_found');
  return row.salt;
}
