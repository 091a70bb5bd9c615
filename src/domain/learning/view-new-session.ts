import type { Language } from '../../i18n/index.js';
import type { Services } from '../../services.js';
import { authorize, type Actor } from '../access/authorize.js';
import { listDilemmas, type DilemmaListItem } from './list-dilemmas.js';

/** The published dilemmas a facilitator can choose for a team session. */
export async function viewNewSession(s: Pick<Services, 'db' | 'now'>, actor: Actor | null, lang: Language): Promise<DilemmaListItem[]> {
  authorize(actor, 'learning.facilitate');
  return (await listDilemmas(s, actor.organisationId, lang, {})).items;
}
