import { sectors } from '../../../domain/surveys/questions.js';
import type { MessageKey } from '../../../i18n/index.js';
import { ChoiceGroup, ErrorSummary, Form, SubmitButton, TextArea, TextField } from '../../components/form.js';
import { Alert, H1, H2, Item, Link, List, P } from '../../components/text.js';
import { formatDateTime } from '../../format.js';
import { useUi } from '../../ui-context.js';

export interface SurveysPageProps {
  waves: Array<{ id: string; name: string; status: string; createdAt: Date }>;
  organisations: Array<{ id: string; name: string; sector: string; organisationId?: string | null }>;
  values?: Record<string, string | string[]>;
  saved?: boolean;
  timeZone: string;
}

/** The analyst's start: the waves, a new wave from the standard question set, and the organisations that take part. */
export function SurveysPage(props: SurveysPageProps) {
  const { t, lang, href } = useUi();
  const v = props.values ?? {};
  const text = (name: string) => (typeof v[name] === 'string' ? (v[name] as string) : undefined);
  return (
    <>
      <H1>{t('surveys.title')}</H1>
      <P lead>{t('surveys.lead')}</P>
      {props.saved ? <Alert kind="ok">{t('work.saved')}</Alert> : null}
      <ErrorSummary />
      <H2>{t('surveys.waves')}</H2>
      {props.waves.length === 0 ? <P>{t('surveys.noWaves')}</P> : null}
      <List>
        {props.waves.map((w) => (
          <Item>
            <Link href={href(`/staff/surveys/${w.id}`)}>{w.name}</Link> ({t(`surveys.status.${w.status}` as MessageKey)}, {formatDateTime(w.createdAt, lang, props.timeZone)})
          </Item>
        ))}
      </List>
      <H2>{t('surveys.newWave')}</H2>
      <P>{t('surveys.newWaveHelp')}</P>
      {props.organisations.length === 0 ? (
        <P>{t('surveys.addOrganisationFirst')}</P>
      ) : (
        <Form action="/staff/surveys">
          <TextField name="waveName" label="surveys.waveName" value={text('waveName')} maxlength={200} />
          <ChoiceGroup
            name="organisationIds"
            legend="surveys.organisations"
            multiple
            choices={props.organisations.map((o) => ({ value: o.id, label: `${o.name} (${t(`sector.${o.sector}` as MessageKey)})` }))}
            selected={Array.isArray(v.organisationIds) ? v.organisationIds : typeof v.organisationIds === 'string' ? [v.organisationIds] : []}
          />
          <ChoiceGroup
            name="askLearning"
            legend="surveys.askLearning"
            description="surveys.askLearningHelp"
            multiple
            choices={[{ value: 'yes', label: t('surveys.askLearningChoice') }]}
            selected={v.askLearning === 'yes' || (Array.isArray(v.askLearning) && v.askLearning.includes('yes')) ? ['yes'] : []}
          />
          <TextArea name="extraNl" label="surveys.extraNl" description="surveys.extraHelp" value={text('extraNl')} rows={4} />
          <TextArea name="extraEn" label="surveys.extraEn" value={text('extraEn')} rows={4} />
          <SubmitButton label="surveys.createWave" />
        </Form>
      )}
      <H2>{t('surveys.organisationsTitle')}</H2>
      <List>
        {props.organisations.map((o) => (
          <Item>
            {o.name} ({t(`sector.${o.sector}` as MessageKey)}){o.organisationId ? ` · ${t('surveys.ownUnit')}` : ''}
          </Item>
        ))}
      </List>
      <Form action="/staff/surveys/organisations">
        <TextField name="orgName" label="surveys.orgName" value={text('orgName')} maxlength={200} />
        <ChoiceGroup name="sector" legend="surveys.sector" choices={sectors.map((code) => ({ value: code, label: t(`sector.${code}` as MessageKey) }))} selected={text('sector') ? [text('sector')!] : []} />
        <SubmitButton label="surveys.addOrganisation" secondary />
      </Form>
    </>
  );
}
