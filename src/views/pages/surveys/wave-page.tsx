import type { ImportRefused } from '../../../domain/surveys/import-responses.js';
import { MAX_CODES } from '../../../domain/surveys/invitation-codes.js';
import type { WaveSummary } from '../../../domain/surveys/waves.js';
import type { MessageKey } from '../../../i18n/index.js';
import { ChoiceGroup, ErrorSummary, FileField, Form, SubmitButton, TextField } from '../../components/form.js';
import { Alert, H1, H2, Link, P } from '../../components/text.js';
import { useUi } from '../../ui-context.js';
import { formatPercent } from '../../format.js';

export interface WavePageProps {
  wave: WaveSummary;
  openLink?: string;
  imported?: number;
  refused?: ImportRefused;
  values?: Record<string, string>;
}

/** One wave: who takes part and how many answered, codes, the open link, importing, results. */
export function WavePage(props: WavePageProps) {
  const { t, href, lang } = useUi();
  const w = props.wave;
  const open = w.status === 'open';
  return (
    <>
      <H1>{w.name}</H1>
      <P>{t(`surveys.status.${w.status}` as MessageKey)}</P>
      <ErrorSummary />
      {props.openLink ? (
        <Alert kind="warning">
          <P>{t('surveys.openLink.shownOnce')}</P>
          <p class="utrecht-paragraph app-receipt">
            <code class="utrecht-code" data-testid="open-link">{props.openLink}</code>
          </p>
        </Alert>
      ) : null}
      {props.imported !== undefined ? <Alert kind="ok">{t('surveys.import.done', { count: props.imported })}</Alert> : null}
      {props.refused ? <ImportReport refused={props.refused} /> : null}
      <table class="utrecht-table">
        <caption class="utrecht-table__caption">{t('surveys.participation')}</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="col">{t('surveys.organisation')}</th>
            <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">{t('surveys.invited')}</th>
            <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">{t('surveys.responses')}</th>
            <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">{t('surveys.responseRate')}</th>
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {w.organisations.map((o) => (
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="row">
                <Link href={href(`/staff/surveys/${w.id}/results?org=${o.id}`)}>{o.name}</Link>
              </th>
              <td class="utrecht-table__cell utrecht-table__cell--numeric">{o.invited}</td>
              <td class="utrecht-table__cell utrecht-table__cell--numeric">{o.responses}</td>
              <td class="utrecht-table__cell utrecht-table__cell--numeric">{o.invited > 0 ? formatPercent(Math.round((o.responses / o.invited) * 1000) / 10, lang) : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {open ? (
        <>
          <H2>{t('surveys.codes.title')}</H2>
          <P>{t('surveys.codes.help')}</P>
          <Form action={`/staff/surveys/${w.id}/codes`}>
            <ChoiceGroup name="organisationId" legend="surveys.organisation" choices={w.organisations.map((o) => ({ value: o.id, label: o.name }))} selected={props.values?.organisationId ? [props.values.organisationId] : []} />
            <TextField name="count" label="surveys.codes.count" description={{ text: t('surveys.codes.countHelp', { max: MAX_CODES }) }} value={props.values?.count} inputmode="numeric" />
            <SubmitButton label="surveys.codes.submit" />
          </Form>
          <H2>{t('surveys.openLink.title')}</H2>
          <P>{t(w.hasOpenLink ? 'surveys.openLink.exists' : 'surveys.openLink.help')}</P>
          <Form action={`/staff/surveys/${w.id}/open-link`}>
            <SubmitButton label={w.hasOpenLink ? 'surveys.openLink.replace' : 'surveys.openLink.create'} secondary />
          </Form>
          <H2>{t('surveys.import.title')}</H2>
          <P>{t('surveys.import.help')}</P>
          <Form action={`/staff/surveys/${w.id}/import`} multipart>
            <FileField name="file" label="surveys.import.file" />
            <SubmitButton label="surveys.import.submit" secondary />
          </Form>
        </>
      ) : null}
      <H2>{t('surveys.results.title')}</H2>
      <P>{t('surveys.results.pick')}</P>
      {open ? (
        <Form action={`/staff/surveys/${w.id}/close`}>
          <P>{t('surveys.close.help')}</P>
          <SubmitButton label="surveys.close.submit" secondary />
        </Form>
      ) : null}
    </>
  );
}

function ImportReport(props: { refused: ImportRefused }) {
  const { t } = useUi();
  const r = props.refused;
  return (
    <Alert kind="error">
      <P>{t('surveys.import.refused')}</P>
      {r.headerProblem ? <P>{t(`surveys.import.header.${r.headerProblem}` as MessageKey, { columns: r.unknownColumns.join(', ') })}</P> : null}
      {r.refused.length > 0 ? (
        <ul class="utrecht-unordered-list" data-testid="refused-rows">
          {r.refused.slice(0, 100).map((row) => (
            <li class="utrecht-unordered-list__item">{t(`surveys.import.row.${row.reason}` as MessageKey, { line: row.line, column: row.column ?? '' })}</li>
          ))}
        </ul>
      ) : null}
      {r.refused.length > 100 ? <P>{t('surveys.import.more', { count: r.refused.length - 100 })}</P> : null}
    </Alert>
  );
}
