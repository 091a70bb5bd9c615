import type { InboxPage } from '../../domain/cases/list-inbox.js';
import { caseKinds, caseStatuses } from '../../domain/cases/lifecycle.js';
import { ChoiceGroup, Form, SubmitButton, TextField } from '../components/form.js';
import type { RouteRow } from '../../domain/routes/get-route.js';
import type { MessageKey } from '../../i18n/index.js';
import { useUi } from '../ui-context.js';
import { Alert, H1, Link, P } from '../components/text.js';
import { formatDate, formatDateTime } from '../format.js';

/** The handler's inbox: metadata only; opening a case is what decrypts it. */
export function CaseInboxPage(props: { inbox: InboxPage; routes: RouteRow[]; timeZone: string; recused?: boolean }) {
  const { t, lang, href } = useUi();
  const { items, query } = props.inbox;
  const routeName = (code: string) => props.routes.find((r) => r.code === code)?.name[lang] ?? code;
  return (
    <>
      <H1>{t('cases.title')}</H1>
      {props.recused ? <Alert kind="ok">{t('declaration.recusedDone')}</Alert> : null}
      <details class="app-filter" open={!!(query.status || query.route || query.overdue || query.owner || query.waiting || query.search || query.kind || query.priority || query.anonymity || query.from || query.to || query.deadline || query.sort !== 'newest')}>
        <summary>{t('cases.filter.title')}</summary>
        <Form action="/staff/cases" method="get">
          <ChoiceGroup name="status" legend="case.status" choices={[{ value: '', label: t('cases.filter.all') }, ...caseStatuses.map((st) => ({ value: st, label: t(`case.status.${st}`) }))]} selected={[query.status ?? '']} />
          <ChoiceGroup name="route" legend="cases.route" choices={[{ value: '', label: t('cases.filter.all') }, ...props.routes.map((r) => ({ value: r.code, label: r.name[lang] }))]} selected={[query.route ?? '']} />
          <ChoiceGroup name="owner" legend="cases.filter.owner" choices={[{ value: '', label: t('cases.filter.all') }, { value: 'me', label: t('cases.filter.ownerMe') }, { value: 'none', label: t('cases.filter.ownerNone') }]} selected={[query.owner ?? '']} />
          <ChoiceGroup name="waiting" legend="cases.filter.waitingLegend" multiple choices={[{ value: '1', label: t('cases.filter.waiting') }]} selected={query.waiting ? ['1'] : []} />
          <ChoiceGroup name="overdue" legend="cases.filter.overdueLegend" multiple choices={[{ value: '1', label: t('cases.filter.overdue') }]} selected={query.overdue ? ['1'] : []} />
          <ChoiceGroup name="deadline" legend="cases.filter.deadlineLegend" choices={[{ value: '', label: t('cases.filter.all') }, { value: 'passed', label: t('cases.filter.deadlinePassed') }, { value: 'near', label: t('cases.filter.deadlineNear') }]} selected={[query.deadline ?? '']} />
          <ChoiceGroup name="kind" legend="cases.filter.kind" choices={[{ value: '', label: t('cases.filter.all') }, ...caseKinds.map((k) => ({ value: k, label: t(`case.kind.${k}`) }))]} selected={[query.kind ?? '']} />
          <ChoiceGroup name="priority" legend="cases.filter.priority" choices={[{ value: '', label: t('cases.filter.all') }, ...(['high', 'normal', 'low'] as const).map((p) => ({ value: p, label: t(`case.assess.priority.${p}`) }))]} selected={[query.priority ?? '']} />
          <ChoiceGroup name="anonymity" legend="cases.filter.anonymity" choices={[{ value: '', label: t('cases.filter.all') }, ...(['anonymous', 'confidential', 'open'] as const).map((a) => ({ value: a, label: t(`case.anonymity.short.${a}`) }))]} selected={[query.anonymity ?? '']} />
          <TextField name="from" type="date" label="cases.filter.from" description="cases.filter.dateHelp" value={query.from} />
          <TextField name="to" type="date" label="cases.filter.to" description="cases.filter.dateHelp" value={query.to} />
          <ChoiceGroup name="sort" legend="cases.filter.sort" choices={[{ value: 'newest', label: t('cases.filter.newest') }, { value: 'oldest', label: t('cases.filter.oldest') }, { value: 'deadline', label: t('cases.filter.byDeadline') }]} selected={[query.sort]} />
          <TextField name="search" label="cases.filter.search" description="cases.filter.searchHelp" value={query.search} autocomplete="off" />
          <SubmitButton label="cases.filter.submit" secondary />
        </Form>
      </details>
      {props.inbox.searchNotANumber ? <Alert kind="warning">{t('cases.filter.searchNotANumber', { search: query.search ?? '' })}</Alert> : null}
      <P>{t('cases.count', { page: props.inbox.page, count: items.length })}</P>
      {items.length === 0 ? (
        <P>{t('cases.empty')}</P>
      ) : (
        <div class="utrecht-table-container">
          <table class="utrecht-table utrecht-table--html-table">
            <caption class="utrecht-table__caption">{t('cases.caption')}</caption>
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="col">{t('cases.number')}</th>
                <th class="utrecht-table__header-cell" scope="col">{t('case.received')}</th>
                <th class="utrecht-table__header-cell" scope="col">{t('cases.route')}</th>
                <th class="utrecht-table__header-cell" scope="col">{t('cases.kind')}</th>
                <th class="utrecht-table__header-cell" scope="col">{t('case.status')}</th>
                <th class="utrecht-table__header-cell" scope="col">{t('cases.nextDeadline')}</th>
                <th class="utrecht-table__header-cell" scope="col">{t('cases.owner')}</th>
                <th class="utrecht-table__header-cell" scope="col">{t('cases.open')}</th>
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {items.map((item) => (
                <tr class="utrecht-table__row">
                  <td class="utrecht-table__cell" data-testid="case-number">{item.number}</td>
                  <td class="utrecht-table__cell">{formatDateTime(item.receivedAt, lang, props.timeZone)}</td>
                  <td class="utrecht-table__cell">
                    {routeName(item.routeCode)}
                    {item.organisationName ? <> · {item.organisationName}</> : null}
                  </td>
                  <td class="utrecht-table__cell">{item.kind ? t(`case.kind.${item.kind}` as MessageKey) : t('cases.notAssessed')}</td>
                  <td class="utrecht-table__cell">
                    {t(`case.status.${item.shownStatus}` as MessageKey)}
                    {item.wroteAfterClosing ? <strong class="app-overdue">{` · ${t('cases.wroteAfterClosing')}`}</strong> : item.reporterWroteLast ? ` · ${t('cases.newMessage')}` : ''}
                  </td>
                  <td class="utrecht-table__cell">
                    {item.nextDeadline ? (
                      <>
                        {t(item.nextDeadline.kind === 'acknowledge' ? 'cases.deadline.acknowledge' : 'cases.deadline.feedback', { date: formatDate(item.nextDeadline.date, lang) })}
                        {item.nextDeadline.overdue ? <strong class="app-overdue">{` · ${t('cases.overdueMark')}`}</strong> : null}
                      </>
                    ) : (
                      '–'
                    )}
                  </td>
                  <td class="utrecht-table__cell">{item.ownerName ?? '–'}</td>
                  <td class="utrecht-table__cell">
                    <Link href={href(`/staff/cases/${item.id}`)}>
                      {t('cases.openCase')}
                      <span class="utrecht-visually-hidden">{` ${item.number}`}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager inbox={props.inbox} />
    </>
  );
}

function Pager(props: { inbox: InboxPage }) {
  const { t, href } = useUi();
  const { page, hasNext, query } = props.inbox;
  const link = (target: number) => {
    const params = new URLSearchParams(Object.entries({ ...query, page: String(target) }).filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => [k, String(v)]));
    return href(`/staff/cases?${params.toString()}`);
  };
  if (page <= 1 && !hasNext) return null;
  return (
    <nav aria-label={t('cases.pager.label')}>
      <ul class="app-inline-list">
        {page > 1 ? <li><Link href={link(page - 1)}>{t('cases.pager.previous')}</Link></li> : null}
        {hasNext ? <li><Link href={link(page + 1)}>{t('cases.pager.next')}</Link></li> : null}
      </ul>
    </nav>
  );
}
