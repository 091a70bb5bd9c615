import type { DossierModel } from '../../../domain/dossier/read-dossier.js';
import { DOSSIER_HOURS } from '../../../domain/dossier/read-dossier.js';
import type { MessageKey } from '../../../i18n/index.js';
import { Timeline } from '../../components/timeline.js';
import { Alert, H1, H2, Link, P } from '../../components/text.js';
import { formatDateTime } from '../../format.js';
import { useUi } from '../../ui-context.js';
import { auditActionLabel } from '../audit-page.js';
import { CaseThread } from '../report/case-thread.js';

/** The case file as a page to print (the browser's print leaves navigation and buttons out), with its PDF and the attachments. */
export function DossierPage(props: { model: DossierModel }) {
  const { t, lang, href } = useUi();
  const { model } = props;
  const v = model.view;
  const base = `/staff/cases/${v.id}/dossier/${model.id}`;
  const until = new Date(model.producedAt.getTime() + DOSSIER_HOURS * 3_600_000);
  return (
    <>
      <H1>{t('dossier.title', { number: v.number })}</H1>
      <div class="app-no-print">
        <Alert kind="info">
          <P>{t('dossier.page.help', { until: formatDateTime(until, lang, v.timeZone) })}</P>
          <P>
            <a class="utrecht-link" href={href(`${base}/pdf`)} download>
              {t('dossier.page.pdf')}
            </a>
            {v.attachments.length > 0 ? (
              <>
                {' · '}
                <a class="utrecht-link" href={href(`${base}/attachments`)} download>
                  {t('dossier.page.zip', { count: v.attachments.length })}
                </a>
              </>
            ) : null}
          </P>
        </Alert>
      </div>
      <P>
        <strong>{t('dossier.confidential')}</strong>
      </P>
      <dl class="app-answers">
        <dt>{t('dossier.route')}</dt>
        <dd>{v.route.name[lang]}</dd>
        {v.organisationName ? (
          <>
            <dt>{t('dossier.organisation')}</dt>
            <dd>{v.organisationName}</dd>
          </>
        ) : null}
        <dt>{t('dossier.anonymity')}</dt>
        <dd>{t(`case.anonymity.${v.anonymity}` as MessageKey)}</dd>
        <dt>{t('dossier.producedBy')}</dt>
        <dd>
          {model.producedBy ?? t('audit.actor.staff')}, {formatDateTime(model.producedAt, lang, v.timeZone)}
        </dd>
        <dt>{t('dossier.purpose')}</dt>
        <dd>{t(`dossier.purpose.${model.purpose}` as MessageKey)}</dd>
        <dt>{t('dossier.reason')}</dt>
        <dd class="app-answer-text">{model.reason}</dd>
      </dl>
      <P>{t('dossier.noIdentity')}</P>
      <CaseThread view={v} viewer="file" fileHref={(id) => href(`/staff/cases/${v.id}/files/${id}`)} />
      <H2>{t('dossier.timeline')}</H2>
      {model.timeline.length === 0 ? <P>{t('dossier.noTimeline')}</P> : <Timeline entries={model.timeline} timeZone={v.timeZone} />}
      <H2>{t('dossier.audit')}</H2>
      <table class="utrecht-table">
        <caption class="utrecht-table__caption">{t('dossier.auditCaption', { number: v.number })}</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="col">#</th>
            <th class="utrecht-table__header-cell" scope="col">{t('audit.when')}</th>
            <th class="utrecht-table__header-cell" scope="col">{t('audit.who')}</th>
            <th class="utrecht-table__header-cell" scope="col">{t('audit.what')}</th>
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {model.audit.map((row) => (
            <tr class="utrecht-table__row">
              <td class="utrecht-table__cell">{row.seq}</td>
              <td class="utrecht-table__cell">{formatDateTime(row.at, lang, v.timeZone)}</td>
              <td class="utrecht-table__cell">{row.actorName ?? t(`audit.actor.${row.actorKind}` as MessageKey)}</td>
              <td class="utrecht-table__cell">{auditActionLabel(t, row.action)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <P>
        <span class="app-no-print">
          <Link href={href(`/staff/cases/${v.id}`)}>{t('dossier.backToCase')}</Link>
        </span>
      </P>
    </>
  );
}
