import { asc, eq } from 'drizzle-orm';
import { caseKeys, cases, users } from '../../db/schema.js';
import { inCommission } from '../../db/scoped.js';
import type { Services } from '../../services.js';
import { isAllowed } from '../access/authorize.js';
import type { CaseView, StaffActor } from './open-case.js';
import { caseAccessOverview } from './case-access.js';
import { caseFrameOf, type CaseFrame } from './commission-route.js';
import { declarationOf } from './declarations.js';
import type { CaseStatus } from './lifecycle.js';
import { caseLetter } from '../letters/case-letter.js';
import type { LetterKind } from '../letters/letter-kinds.js';
import { timelineOf, type TimelineEntry } from './timeline.js';
import { inOrg } from '../../db/scoped.js';

export interface CasePageModel {
  frame: CaseFrame;
  /** The chair's access panel: who holds a key, who could get one. */
  access?: Awaited<ReturnType<typeof caseAccessOverview>> & { selfId: string };
  may: {
    /** A handler who declared no relation may still step aside, at any time. */
    stepAside: boolean;
    /** The secretary or chair may choose who leads the case. */
    assignOwner: boolean;
    /** The secretary or chair may produce the case file. */
    produceDossier: boolean;
  };
  /** Who leads the case, and (for those who may choose) who could: the case's active key holders. */
  owner: { current: { userId: string; displayName: string } | null; choices: Array<{ userId: string; displayName: string }> };
  /** The standard letter the next step sends, filled in for this case, for the handler to edit before sending. */
  letters: Partial<Record<LetterKind, string>>;
  /** The internal notes, each saying what it is and what it holds. */
  timeline: TimelineEntry[];
}

/** Which letter each status's next step sends (reports under the law only). */
const letterForStatus: Partial<Record<CaseStatus, LetterKind>> = { received: 'acknowledgement', acknowledged: 'inadmissible', concluded: 'feedback', feedback_given: 'closing' };

/** What the case page shows and offers besides the case itself, decided here so that the page only renders. */
export async function presentCasePage(s: Services, actor: StaffActor, view: CaseView): Promise<CasePageModel> {
  const assignOwner = isAllowed(actor, 'cases.assign');
  const [access, declaration, readers, [row]] = await Promise.all([
    isAllowed(actor, 'cases.grant') ? caseAccessOverview(s, actor.organisationId, view.id) : undefined,
    declarationOf(s, view.id, actor.userId),
    // The key holders are loaded only for those who may choose among them.
    !assignOwner
      ? []
      : s.db
          .select({ userId: users.id, displayName: users.displayName })
          .from(caseKeys)
          .innerJoin(users, eq(users.id, caseKeys.userId))
          .where(inOrg(actor.organisationId, users, eq(caseKeys.caseId, view.id), eq(users.status, 'active')))
          .orderBy(asc(users.displayName)),
    s.db
      .select({ ownerId: cases.ownerId, ownerName: users.displayName, handledBy: cases.handledBy, acknowledgedAt: cases.acknowledgedAt, feedbackExtendedTo: cases.feedbackExtendedTo })
      .from(cases)
      .leftJoin(users, eq(users.id, cases.ownerId))
      .where(inCommission(actor.organisationId, cases, eq(cases.id, view.id))),
  ]);
  const frame = caseFrameOf(view.route);
  const letterKind = frame.legalFrame ? letterForStatus[view.status as CaseStatus] : undefined;
  const letters: CasePageModel['letters'] = {};
  if (letterKind && row) letters[letterKind] = await caseLetter(s.db, { ...row, number: view.number, language: view.language, receivedAt: view.receivedAt, timeZone: view.timeZone }, letterKind, s.now());
  return {
    frame,
    letters,
    timeline: timelineOf(view.notes, frame.legalFrame),
    ...(access ? { access: { ...access, selfId: actor.userId } } : {}),
    may: { stepAside: declaration === 'no_relation', assignOwner, produceDossier: isAllowed(actor, 'cases.dossier') },
    owner: { current: row?.ownerId ? { userId: row.ownerId, displayName: row.ownerName ?? '' } : null, choices: assignOwner ? readers : [] },
  };
}
