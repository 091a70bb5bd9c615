import { randomUUID } from 'node:crypto';
import { sealEntry } from '../../crypto/case-keys.js';
import type { Sodium } from '../../crypto/sodium.js';
import type { Tx } from '../../db/client.js';
import { caseEntries } from '../../db/schema.js';

export interface EntryTarget {
  caseId: string;
  casePublicKey: Uint8Array;
  authorUserId: string | null;
  author: 'reporter' | 'handler';
  at: Date;
}

/** Seals one entry (message or internal note) to the case key and stores it in the caller's transaction. */
export async function insertSealedEntry(tx: Tx, sodium: Sodium, target: EntryTarget, kind: 'message' | 'note', content: Record<string, unknown>): Promise<string> {
  const id = randomUUID();
  const sealed = sealEntry(sodium, target.casePublicKey, { caseId: target.caseId, entryId: id, kind }, sodium.from_string(JSON.stringify(content)));
  await tx.insert(caseEntries).values({ id, caseId: target.caseId, kind, author: target.author, authorUserId: target.authorUserId, ...sealed, createdAt: target.at });
  return id;
}
