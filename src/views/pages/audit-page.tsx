import type { AuditVerdict } from '../../domain/audit/verify-audit.js';
import type { AuditRow } from '../../domain/audit/list-audit.js';
import { useUi } from '../ui-context.js';
import { Alert, H1, H2, P } from '../components/text.js';
import { formatDateTime } from '../format.js';

export function AuditPage(props: { verdict: AuditVerdict; rows: AuditRow[]; timeZone: string }) {
  const { t, lang } = useUi();
  const v = props.verdict;
  return (
    <>
      <H1>{t('audit.title')}</H1>
      <P>{t('audit.lead')}</P>
      {v.ok ? (
        <Alert kind="ok">{t('audit.ok', { entries: v.entries })}</Alert>
      ) : (
        <Alert kind="error">{t('audit.broken', { seq: v.brokenAt, entries: v.entries, reason: t(`audit.reason.${v.reason}`) })}</Alert>
      )}
      <H2>{t('audit.latest')}</H2>
      <div class="utrecht-table-container">
        <table class="utrecht-table utrecht-table--html-table">
          <caption class="utrecht-table__caption">{t('audit.caption')}</caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="col">#</th>
              <th class="utrecht-table__header-cell" scope="col">{t('audit.when')}</th>
              <th class="utrecht-table__header-cell" scope="col">{t('audit.who')}</th>
              <th class="utrecht-table__header-cell" scope="col">{t('audit.what')}</th>
              <th class="utrecht-table__header-cell" scope="col">{t('audit.case')}</th>
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {props.rows.map((row) => (
              <tr class="utrecht-table__row">
                <td class="utrecht-table__cell">{row.seq}</td>
                <td class="utrecht-table__cell">{formatDateTime(row.at, lang, props.timeZone)}</td>
                <td class="utrecht-table__cell">{row.actorName ?? t(`audit.actor.${row.actorKind}`)}</td>
                <td class="utrecht-table__cell"><code class="utrecht-code">{row.action}</code></td>
                <td class="utrecht-table__cell">{row.caseNumber ? `${row.caseNumber} · ` : ''}{row.caseId ? row.caseId.slice(0, 8) : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
