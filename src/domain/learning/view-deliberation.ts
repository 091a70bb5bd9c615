import type { Language } from '../../i18n/index.js';
import type { Services } from '../../services.js';
import { authorize } from '../access/authorize.js';
import type { StaffActor } from '../cases/open-case.js';
import { dilemmaMethod } from './deliberation-method.js';
import { ownDeliberation } from './own-deliberation.js';

export interface DeliberationView {
  id: string;
  title: string;
  method: string;
  /** 1-based: the step the facilitator is at (or asked for). */
  step: number;
  steps: Array<{ code: string; title: string; guidance: string; prompts: string[]; notes: string }>;
  saved: boolean;
  proposed: boolean;
  updatedAt: Date;
}

export async function viewDeliberation(s: Pick<Services, 'db' | 'sodium'>, actor: StaffActor | null, id: string, lang: Language, step?: string): Promise<DeliberationView> {
  authorize(actor, 'learning.facilitate');
  const { row, notes } = await ownDeliberation(s, actor, id);
  const asked = Number(step);
  return {
    id: row.id,
    title: row.title,
    method: dilemmaMethod.name[lang],
    step: Number.isInteger(asked) && asked >= 1 && asked <= dilemmaMethod.steps.length ? asked : row.step + 1,
    steps: dilemmaMethod.steps.map((st) => ({ code: st.code, title: st.title[lang], guidance: st.guidance[lang], prompts: st.prompts.map((p) => p[lang]), notes: notes[st.code] ?? '' })),
    saved: row.saved,
    proposed: row.proposedAt !== null,
    updatedAt: row.updatedAt,
  };
}
