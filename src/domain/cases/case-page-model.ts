import type { Services } from '../../services.js';
import { isAllowed } from '../access/authorize.js';
import type { CaseView, StaffActor } from '../reports/open-case.js';
import { caseAccessOverview } from './case-access.js';
import { caseFrameOf, type CaseFrame } from './commission-route.js';
import { declarationOf } from './declarations.js';

export interface CasePageModel {
  frame: CaseFrame;
  /** The chair's access panel: who holds a key, who could get one. */
  access?: Awaited<ReturnType<typeof caseAccessOverview>> & { selfId: string };
  may: {
    /** A handler who declared no relation may still step aside, at any time. */
    stepAside: boolean;
  };
}

/** What the case page shows and offers besides the case itself, decided here so that the page only renders. */
export async function presentCasePage(s: Services, actor: StaffActor, view: CaseView): Promise<CasePageModel> {
  const [access, declaration] = await Promise.all([isAllowed(actor, 'cases.grant') ? caseAccessOverview(s, view.id) : undefined, declarationOf(s, view.id, actor.userId)]);
  return {
    frame: caseFrameOf(view.route),
    ...(access ? { access: { ...access, selfId: actor.userId } } : {}),
    may: { stepAside: declaration === 'no_relation' },
  };
}
