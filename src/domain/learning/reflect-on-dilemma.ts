import type { Language } from '../../i18n/index.js';
import type { Services } from '../../services.js';
import { distributionOf, type Distribution } from './distribution.js';
import { localiseDilemma, type LocalDilemma } from './localise.js';
import { publishedDilemma } from './published-dilemma.js';

export interface DilemmaReflection {
  id: string;
  dilemma: LocalDilemma;
  /** How others chose, as last published (see choose-option.ts), hidden below the minimum. */
  distribution: Distribution;
}

/** After choosing (or instead of it): how others chose, the considerations and the panel's reflection. */
export async function reflectOnDilemma(s: Pick<Services, 'db'>, organisationId: string, id: string, lang: Language): Promise<DilemmaReflection> {
  const row = await publishedDilemma(s, organisationId, id);
  return { id: row.id, dilemma: localiseDilemma(row.content, lang), distribution: distributionOf(row.shownChoices, row.minimum) };
}
