import { and, asc, desc, eq } from 'drizzle-orm';
import { dilemmas, organisations } from '../../db/schema.js';
import { inOrg } from '../../db/scoped.js';
import type { Language } from '../../i18n/index.js';
import type { Services } from '../../services.js';
import { authorize, type Actor } from '../access/authorize.js';
import { AppError } from '../errors.js';
import { requireId } from '../ids.js';
import { ensureDilemmaLibrary } from './ensure-dilemma-library.js';
import type { StaffActor } from '../cases/open-case.js';
import { listProposals, type ProposalListItem } from './list-proposals.js';
import { openProposal, type OpenedProposal } from './open-proposal.js';
import { emptyDilemmaForm, formOfContent, type DilemmaForm } from './dilemma-form.js';

// What the ethics panel sees of its library: every dilemma with its status, the threshold for
// showing choices, and how many submissions wait.

export interface CuratedDilemma {
  id: string;
  title: string;
  status: 'draft' | 'published' | 'withdrawn';
  source: 'seed' | 'panel' | 'submission' | 'deliberation';
  chosen: number;
}

export interface CuratedLibrary {
  dilemmas: CuratedDilemma[];
  minimum: number;
  proposals: ProposalListItem[];
}

export async function viewCuratedLibrary(s: Pick<Services, 'db' | 'now'>, actor: StaffActor | null, lang: Language): Promise<CuratedLibrary> {
  authorize(actor, 'learning.curate');
  await ensureDilemmaLibrary(s, actor.organisationId);
  const rows = await s.db.select().from(dilemmas).where(inOrg(actor.organisationId, dilemmas)).orderBy(asc(dilemmas.status), desc(dilemmas.updatedAt));
  const [org] = await s.db.select({ minimum: organisations.dilemmaMinCount }).from(organisations).where(inOrg(actor.organisationId, organisations));
  return {
    dilemmas: rows.map((row) => ({ id: row.id, title: row.content.title[lang], status: row.status, source: row.source, chosen: row.choices.reduce((a, b) => a + b, 0) })),
    minimum: org?.minimum ?? 5,
    proposals: await listProposals(s, actor),
  };
}

export interface DilemmaEditor {
  id: string | null;
  status: 'draft' | 'published' | 'withdrawn';
  form: DilemmaForm;
}

/** The edit form of one dilemma of the panel's own organisation, or an empty one. */
export async function viewDilemmaEditor(s: Pick<Services, 'db'>, actor: Actor | null, id: string | null): Promise<DilemmaEditor> {
  authorize(actor, 'learning.curate');
  if (id === null) return { id: null, status: 'draft', form: emptyDilemmaForm() };
  const [row] = await s.db.select().from(dilemmas).where(inOrg(actor.organisationId, dilemmas, eq(dilemmas.id, requireId(id))));
  if (!row) throw new AppError('not_found');
  return { id: row.id, status: row.status, form: formOfContent(row.content) };
}

export async function findCuratedDilemma(s: Pick<Services, 'db'>, organisationId: string, id: string) {
  const [row] = await s.db.select().from(dilemmas).where(inOrg(organisationId, dilemmas, and(eq(dilemmas.id, requireId(id)))));
  if (!row) throw new AppError('not_found');
  return row;
}

/**
 * A submission opened beside an empty form: the panel writes the dilemma in its own words, so the
 * submitter's words (which may identify them) are never stored unsealed, not even as a draft.
 */
export async function viewProposalEditor(s: Pick<Services, 'db' | 'now' | 'sodium' | 'serverKeys'>, actor: StaffActor | null, id: string): Promise<{ editor: DilemmaEditor; proposal: OpenedProposal }> {
  const proposal = await openProposal(s, actor, id);
  return { editor: { id: null, status: 'draft', form: emptyDilemmaForm() }, proposal };
}
