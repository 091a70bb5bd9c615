import type { MessageKey } from '../../../i18n/index.js';
import { useUi } from '../../ui-context.js';

export const workPages = ['overview', 'interventions', 'decision', 'transfer', 'identity', 'minutes', 'coding'] as const;
export type WorkPage = (typeof workPages)[number];

/** What each route's handlers work on: the commission decides; the panel and the advisors may propose to pass a matter on. */
export function workPagesFor(routeCode: string): readonly WorkPage[] {
  return routeCode === 'ethics' || routeCode === 'advisor' ? ['overview', 'transfer', 'identity', 'minutes'] : ['overview', 'interventions', 'decision', 'identity', 'minutes', 'coding'];
}

/** The parts of a case, each on its own page so every page has one task. */
export function CaseWorkNav(props: { caseId: string; routeCode: string; current: WorkPage }) {
  const { t, href } = useUi();
  return (
    <nav aria-label={t('work.nav.label')} class="app-work-nav">
      <ul class="utrecht-unordered-list">
        {workPagesFor(props.routeCode).map((page) => (
          <li class="utrecht-unordered-list__item">
            <a class="utrecht-link" href={href(page === 'overview' ? `/staff/cases/${props.caseId}` : `/staff/cases/${props.caseId}/${page}`)} aria-current={page === props.current ? 'page' : undefined}>
              {t(`work.nav.${page}` as MessageKey)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
