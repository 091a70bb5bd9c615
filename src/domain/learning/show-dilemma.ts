import { toBase64Url } from '../../crypto/encoding.js';
import type { Language } from '../../i18n/index.js';
import type { Services } from '../../services.js';
import { localiseDilemma, type LocalDilemma } from './localise.js';
import { publishedDilemma } from './published-dilemma.js';

export interface DilemmaToPlay {
  id: string;
  dilemma: LocalDilemma;
  /** A fresh value for the choice form: a second send of the same form is not counted again. */
  nonce: string;
}

/** One dilemma to play alone: the situation, the question and its options. */
export async function showDilemma(s: Pick<Services, 'db' | 'sodium'>, organisationId: string, id: string, lang: Language): Promise<DilemmaToPlay> {
  const row = await publishedDilemma(s, organisationId, id);
  return { id: row.id, dilemma: localiseDilemma(row.content, lang), nonce: toBase64Url(s.sodium.randombytes_buf(16)) };
}
