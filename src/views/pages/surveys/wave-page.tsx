import { allowedAnswers, type ImportRefused } from '../../../domain/surveys/import-responses.js';
import { MAX_CODES } from '../../../domain/surveys/invitation-codes.js';
import { ORG, type SurveyQuestion } from '../../../domain/surveys/questions.js';
import type { WaveSummary } from '../../../domain/surveys/waves.js';
import type { MessageKey } from '../../../i18n/index.js';
import { ChoiceGroup, ErrorSummary, FileField, Form, SubmitButton, TextField } from '../../components/form.js';
import { Alert, H1, H2, Link, P } from '../../components/text.js';
import { useUi } from '../../ui-context.js';
import { formatCount, formatPercent } from '../../format.js';

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
  // A wave filled by import invited nobody: no "0 invited" and no response rate then.
  const invitedAny = w.organisations.some((o) => o.invited > 0);
  const numeric = 'utrecht-table__cell utrecht-table__cell--numeric';
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
      {props.refused ? <ImportReport refused={props.refused} wave={w} /> : null}
      <table class="utrecht-table">
        <caption class="utrecht-table__caption">{t('surveys.participation')}</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="col">{t('surveys.organisation')}</th>
            {invitedAny ? <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">{t('surveys.invited')}</th> : null}
            <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">{t('surveys.responses')}</th>
            {invitedAny ? <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">{t('surveys.responseRate')}</th> : null}
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {w.organisations.map((o) => (
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="row">
                <Link href={href(`/staff/surveys/${w.id}/results?org=${o.id}`)}>{o.name}</Link>
              </th>
              {invitedAny ? <td class={numeric}>{o.invited > 0 ? formatCount(o.invited, lang) : '–'}</td> : null}
              <td class={numeric}>{formatCount(o.responses, lang)}</td>
              {invitedAny ? <td class={numeric}>{o.invited > 0 ? formatPercent(Math.round((o.responses / o.invited) * 1000) / 10, lang) : '–'}</td> : null}
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
            <TextField name="count" label="surveys.codes.count" description={{ text: t('surveys.codes.countHelp', { max: formatCount(MAX_CODES, lang) }) }} value={props.values?.count} inputmode="numeric" />
            <SubmitButton label="surveys.codes.submit" />
          </Form>
          <H2>{t('surveys.openLink.title')}</H2>
          <P>{t(w.hasOpenLink ? 'surveys.openLink.exists' : 'surveys.openLink.help')}</P>
          <Form action={`/staff/surveys/${w.id}/open-link`}>
            <SubmitButton label={w.hasOpenLink ? 'surveys.openLink.replace' : 'surveys.openLink.create'} secondary />
          </Form>
          <H2>{t('surveys.import.title')}</H2>
          <P>{t('surveys.import.help')}</P>
          <ImportColumns wave={w} />
          <Form action={`/staff/surveys/${w.id}/import`} multipart>
            <FileField name="file" label="surveys.import.file" single accept=".csv,text/csv" />
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

/** The most organisation names a refused line repeats; beyond it, the line points to the list of columns. */
const MAX_NAMES_IN_ERROR = 20;

/** Every column the file may have and what it may hold: the codes as the file writes them, with their meaning. */
function ImportColumns(props: { wave: WaveSummary }) {
  const { t, lang } = useUi();
  const describe = (q: SurveyQuestion): string => {
    if (q.type === 'agree5') return t('surveys.import.allowed.agree5', { codes: allowedAnswers(q).join(', ') });
    if (q.type === 'yesNo') return t('surveys.import.allowed.yesNo');
    const codes = (q.options ?? []).map((o) => `${o.code} (${o.label[lang]})`).join(', ');
    return t(q.type === 'multi' ? 'surveys.import.allowed.multi' : 'surveys.import.allowed.single', { codes });
  };
  return (
    <table class="utrecht-table" data-testid="import-columns">
      <caption class="utrecht-table__caption">{t('surveys.import.columns')}</caption>
      <thead class="utrecht-table__header">
        <tr class="utrecht-table__row">
          <th class="utrecht-table__header-cell" scope="col">{t('surveys.import.column')}</th>
          <th class="utrecht-table__header-cell" scope="col">{t('surveys.import.question')}</th>
          <th class="utrecht-table__header-cell" scope="col">{t('surveys.import.allowed')}</th>
        </tr>
      </thead>
      <tbody class="utrecht-table__body">
        <tr class="utrecht-table__row">
          <th class="utrecht-table__header-cell" scope="row">
            <code class="utrecht-code">{ORG}</code>
          </th>
          <td class="utrecht-table__cell">{t('surveys.import.orgColumn')}</td>
          <td class="utrecht-table__cell">{t('surveys.import.allowed.org', { names: props.wave.organisations.map((o) => o.name).join(', ') })}</td>
        </tr>
        {props.wave.questions.map((q) => (
          <tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="row">
              <code class="utrecht-code">{q.code}</code>
            </th>
            <td class="utrecht-table__cell">{q.label[lang]}</td>
            <td class="utrecht-table__cell">{describe(q)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ImportReport(props: { refused: ImportRefused; wave: WaveSummary }) {
  const { t } = useUi();
  const r = props.refused;
  const names = props.wave.organisations.map((o) => o.name);
  const message = (row: ImportRefused['refused'][number]): string => {
    const base = { line: row.line, column: row.column ?? '', value: row.value ?? '' };
    if (row.reason === 'organisation') {
      return names.length <= MAX_NAMES_IN_ERROR ? t('surveys.import.row.organisation', { ...base, allowed: names.join(', ') }) : t('surveys.import.row.organisationMany', base);
    }
    if (row.reason === 'value') {
      const question = props.wave.questions.find((q) => q.code === row.column);
      return t('surveys.import.row.value', { ...base, allowed: question ? allowedAnswers(question).join(', ') : '' });
    }
    return t('surveys.import.row.columns', base);
  };
  return (
    <Alert kind="error">
      <P>{t('surveys.import.refused')}</P>
      {r.headerProblem ? <P>{t(`surveys.import.header.${r.headerProblem}` as MessageKey, { columns: r.unknownColumns.join(', ') })}</P> : null}
      {r.refused.length > 0 ? (
        <ul class="utrecht-unordered-list" data-testid="refused-rows">
          {r.refused.slice(0, 100).map((row) => (
            <li class="utrecht-unordered-list__item">{message(row)}</li>
          ))}
        </ul>
      ) : null}
      {r.refused.length > 100 ? <P>{t('surveys.import.more', { count: r.refused.length - 100 })}</P> : null}
    </Alert>
  );
}
