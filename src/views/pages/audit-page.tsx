import type { AuditReview } from '../../domain/audit/list-audit.js';
import { isMessageKey } from '../../i18n/index.js';
import { useUi } from '../ui-context.js';
import { Form, SubmitButton, TextField } from '../components/form.js';
import { Alert, H1, H2, Link, P } from '../components/text.js';
import { formatDateTime } from '../format.js';

/** An audit code in the reader's language; a code without a label shows as itself, never as nothing. */
export function auditActionLabel(t: ReturnType<typeof useUi>['t'], action: string): string {
  const key = `audit.action.${action}`;
  return isMessageKey(key) ? t(key) : action;
}

/** The verdict over the whole chain on top, then the entries, filtered by case, paged back to the first. */
export function AuditPage(props: { review: AuditReview; timeZone: string }) {
  const { t, lang, href } = useUi();
  const { verdict: v, rows, query } = props.review;
  const params = (extra: Record<string, string>) => new URLSearchParams(Object.entries({ ...(query.case ? { case: query.case } : {}), ...extra })).toString();
  return (
    <>
      <H1>{t('audit.title')}</H1>
      {v.ok ? (
        <Alert kind="ok">{t('audit.ok', { entries: v.entries })}</Alert>
      ) : (
        <Alert kind="error">{t('audit.broken', { seq: v.brokenAt, entries: v.entries, reason: t(`audit.reason.${v.reason}`) })}</Alert>
      )}
      <P>{t('audit.lead')}</P>
      <Form action="/staff/audit" method="get">
        <TextField name="case" label="audit.filter.case" description="audit.filter.caseHelp" value={query.case} autocomplete="off" />
        <SubmitButton label="audit.filter.submit" secondary />
      </Form>
      {props.review.unknownCase ? <Alert kind="warning">{t('audit.filter.unknown', { search: query.case ?? '' })}</Alert> : null}
      <P>
        <Link href={href(`/staff/audit.csv${query.case ? `?${params({})}` : ''}`)}>{t('audit.export')}</Link>
      </P>
      <H2>{t(query.case ? 'audit.forCase' : 'audit.latest', { case: query.case ?? '' })}</H2>
      {rows.length === 0 ? <P>{t('audit.none')}</P> : null}
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
            {rows.map((row) => (
              <tr class="utrecht-table__row">
                <td class="utrecht-table__cell">{row.seq}</td>
                <td class="utrecht-table__cell">{formatDateTime(row.at, lang, props.timeZone)}</td>
                <td class="utrecht-table__cell">{row.actorName ?? t(`audit.actor.${row.actorKind}`)}</td>
                <td class="utrecht-table__cell">
                  {auditActionLabel(t, row.action)} <code class="utrecht-code">{row.action}</code>
                </td>
                <td class="utrecht-table__cell">
                  {row.caseNumber ? `${row.caseNumber} · ` : ''}
                  {row.caseId ? row.caseId.slice(0, 8) : '–'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {props.review.olderBefore ? (
        <nav aria-label={t('audit.pager')}>
          <P>
            <Link href={href(`/staff/audit?${params({ before: String(props.review.olderBefore) })}`)}>{t('audit.older')}</Link>
            {query.before ? <> · <Link href={href(`/staff/audit${query.case ? `?${params({})}` : ''}`)}>{t('audit.newest')}</Link></> : null}
          </P>
        </nav>
      ) : query.before ? (
        <P>
          <Link href={href(`/staff/audit${query.case ? `?${params({})}` : ''}`)}>{t('audit.newest')}</Link>
        </P>
      ) : null}
    </>
  );
}
