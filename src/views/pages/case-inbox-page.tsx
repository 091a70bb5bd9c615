import type { InboxItem } from '../../domain/reports/list-inbox.js';
import type { RouteRow } from '../../domain/routes/get-route.js';
import type { MessageKey } from '../../i18n/index.js';
import { useUi } from '../ui-context.js';
import { Alert, H1, Link, P } from '../components/text.js';
import { formatDate, formatDateTime } from '../format.js';

/** The handler's inbox: metadata only; opening a case is what decrypts it. */
export function CaseInboxPage(props: { items: InboxItem[]; routes: RouteRow[]; timeZone: string; recused?: boolean }) {
  const { t, lang, href } = useUi();
  const routeName = (code: string) => props.routes.find((r) => r.code === code)?.name[lang] ?? code;
  return (
    <>
      <H1>{t('cases.title')}</H1>
      {props.recused ? <Alert kind="ok">{t('declaration.recusedDone')}</Alert> : null}
      {props.items.length === 0 ? (
        <P>{t('cases.empty')}</P>
      ) : (
        <div class="utrecht-table-container">
          <table class="utrecht-table utrecht-table--html-table">
            <caption class="utrecht-table__caption">{t('cases.caption')}</caption>
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="col">{t('case.received')}</th>
                <th class="utrecht-table__header-cell" scope="col">{t('cases.route')}</th>
                <th class="utrecht-table__header-cell" scope="col">{t('case.status')}</th>
                <th class="utrecht-table__header-cell" scope="col">{t('case.acknowledgeBy')}</th>
                <th class="utrecht-table__header-cell" scope="col">{t('cases.open')}</th>
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {props.items.map((item) => (
                <tr class="utrecht-table__row">
                  <td class="utrecht-table__cell">{formatDateTime(item.receivedAt, lang, props.timeZone)}</td>
                  <td class="utrecht-table__cell">{routeName(item.routeCode)}</td>
                  <td class="utrecht-table__cell">
                    {t(`case.status.${item.status}` as MessageKey)}
                    {item.reporterWroteLast ? ` · ${t('cases.newMessage')}` : ''}
                  </td>
                  <td class="utrecht-table__cell">{formatDate(item.deadlines.acknowledgeBy, lang)}</td>
                  <td class="utrecht-table__cell">
                    <Link href={href(`/staff/cases/${item.id}`)}>{t('cases.openCase')}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
