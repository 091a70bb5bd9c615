import { randomUUID } from 'node:crypto';
import { sealEntry } from '../../crypto/case-keys.js';
import { toBase64Url } from '../../crypto/encoding.js';
import { encryptFile } from '../../crypto/file-stream.js';
import type { Tx } from '../../db/client.js';
import { attachments, caseEntries } from '../../db/schema.js';
import type { Sodium } from '../../crypto/sodium.js';
import type { PreparedFile } from './prepare-upload.js';

export interface AttachmentMeta {
  attachmentId: string;
  name: string;
  mime: string;
  size: number;
  /** The file's stream key, readable only by holders of the case key. */
  key: string;
}

/** Encrypts each file and stores it with a sealed entry naming it; part of the caller's transaction. */
export async function storeAttachments(
  tx: Tx,
  sodium: Sodium,
  target: { caseId: string; casePublicKey: Uint8Array; author: 'reporter' | 'handler'; authorUserId: string | null; at: Date },
  files: PreparedFile[],
): Promise<void> {
  for (const file of files) {
    const attachmentId = randomUUID();
    const entryId = randomUUID();
    const encrypted = encryptFile(sodium, file.bytes);
    const meta: AttachmentMeta = { attachmentId, name: file.name, mime: file.mime, size: file.bytes.length, key: toBase64Url(encrypted.key) };
    const sealed = sealEntry(sodium, target.casePublicKey, { caseId: target.caseId, entryId, kind: 'attachment' }, sodium.from_string(JSON.stringify(meta)));
    await tx.insert(attachments).values({ id: attachmentId, caseId: target.caseId, header: encrypted.header, ciphertext: encrypted.ciphertext, createdAt: target.at });
    await tx.insert(caseEntries).values({ id: entryId, caseId: target.caseId, kind: 'attachment', author: target.author, authorUserId: target.authorUserId, ...sealed, createdAt: target.at });
  }
}
