import { letterTemplates } from '../../db/schema.js';
import { inOrg } from '../../db/scoped.js';
import { isLanguage, type Language } from '../../i18n/index.js';
import type { Services } from '../../services.js';
import { authorize, type Actor } from '../access/authorize.js';
import { AppError } from '../errors.js';
import { getOrganisation } from '../organisation/get-organisation.js';
import { defaultLetter, letterKinds, letterPlaceholders, type LetterKind } from './letter-kinds.js';

export interface LetterView {
  kind: LetterKind;
  language: Language;
  body: string;
  /** Changed by the secretariat (else the standard text). */
  own: boolean;
  placeholders: readonly string[];
}

/** The commission's standard letters in each language its organisation offers, for the secretariat to read and change. */
export async function listLetters(s: Pick<Services, 'db'>, actor: Actor | null): Promise<LetterView[]> {
  authorize(actor, 'letters.edit');
  const [organisation, rows] = await Promise.all([getOrganisation(s, actor.organisationId), s.db.select().from(letterTemplates).where(inOrg(actor.organisationId, letterTemplates))]);
  const languages = organisation.languages.filter(isLanguage);
  return letterKinds.flatMap((kind) =>
    languages.map((language) => {
      const row = rows.find((r) => r.kind === kind && r.language === language);
      return { kind, language, body: row?.body ?? defaultLetter(kind, language), own: !!row, placeholders: letterPlaceholders[kind] };
    }),
  );
}

/** One letter, for its edit page. */
export async function getLetter(s: Pick<Services, 'db'>, actor: Actor | null, kind: string, language: string): Promise<LetterView> {
  const letter = (await listLetters(s, actor)).find((l) => l.kind === kind && l.language === language);
  if (!letter) throw new AppError('not_found');
  return letter;
}
