import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { letterTemplates } from '../../db/schema.js';
import { inOrg } from '../../db/scoped.js';
import type { Language } from '../../i18n/index.js';
import { defaultLetter, type LetterKind } from './letter-kinds.js';

/** The organisation's own text of a letter, or the standard one when the secretariat changed nothing. */
export async function letterTemplate(db: Db | Tx, organisationId: string, kind: LetterKind, language: Language): Promise<string> {
  const [row] = await db
    .select({ body: letterTemplates.body })
    .from(letterTemplates)
    .where(inOrg(organisationId, letterTemplates, eq(letterTemplates.kind, kind), eq(letterTemplates.language, language)));
  return row?.body ?? defaultLetter(kind, language);
}
