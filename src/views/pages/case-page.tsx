import type { CaseView } from '../../domain/cases/open-case.js';
import type { MessageKey } from '../../i18n/index.js';
import { useUi } from '../ui-context.js';
import { ChoiceGroup, ErrorSummary, FileField, Form, SubmitButton, TextArea } from '../components/form.js';
import { Alert, H1, H2, Link, P } from '../components/text.js';
import { CaseThread } from './report/case-thread.js';
import { CaseSteps, InternalNotes } from './case-steps.js';
import { CaseAccessPanel } from './case-access-panel.js';
import { CaseWorkNav } from './case-work/work-nav.js';
import type { CasePageModel } from '../../domain/cases/case-page-model.js';

/** What a form on the case page just did, so the banner says exactly that and what the reporter sees of it. */
export const caseDoneKinds = ['message', 'acknowledged', 'access', 'assess', 'inadmissible', 'advance', 'extend', 'notes', 'owner', 'reopen', 'stale'] as const;
export type CaseDone = (typeof caseDoneKinds)[number];

export function CasePage(props: { view: CaseView; model: CasePageModel; done?: CaseDone | undefined; draftText?: string | undefined; maxFileMegabytes: number }) {
  const { t, lang, href } = useUi();
  const v = props.view;
  const { frame, access, may } = props.model;
  return (
    <>
      <H1>{t('case.title', { number: v.number, route: v.route.name[lang] })}</H1>
      <CaseWorkNav caseId={v.id} routeCode={v.route.code} current="overview" />
      <ErrorSummary />
      {v.organisationName ? <P>{t('case.organisation', { organisation: v.organisationName })}</P> : null}
      <P>{t(`case.anonymity.${v.anonymity}` as MessageKey)}</P>
      {v.identity ? (
        <Alert kind="warning">
          <P>{t(v.anonymity === 'open' ? 'case.identity.open' : 'case.identity.custodian')}</P>
          <P>
            <strong>{v.identity.name}</strong> · {v.identity.contact}
          </P>
        </Alert>
      ) : null}
      {props.done ? <Alert kind={props.done === 'stale' ? 'info' : 'ok'}>{t(`case.done.${props.done}`)}</Alert> : null}
      <P data-testid="case-owner">{props.model.owner.current ? t('case.owner.current', { name: props.model.owner.current.displayName }) : t('case.owner.none')}</P>
      {may.assignOwner ? (
        <Form action={`/staff/cases/${v.id}/owner`}>
          <ChoiceGroup
            name="ownerId"
            legend="case.owner.legend"
            description="case.owner.help"
            choices={[{ value: '', label: t('case.owner.nobody') }, ...props.model.owner.choices.map((c) => ({ value: c.userId, label: c.displayName }))]}
            selected={[props.model.owner.current?.userId ?? '']}
          />
          <SubmitButton label="case.owner.submit" secondary />
        </Form>
      ) : null}
      <CaseSteps view={v} frame={frame} letters={props.model.letters} />
      <CaseThread view={v} viewer="handler" fileHref={(id) => href(`/staff/cases/${v.id}/files/${id}`)} />
      <InternalNotes caseId={v.id} timeline={props.model.timeline} timeZone={v.timeZone} />
      {access ? <CaseAccessPanel caseId={v.id} {...access} /> : null}
      <H2>{t('case.reply.title')}</H2>
      <P>{t('case.reply.help')}</P>
      <Form action={`/staff/cases/${v.id}/messages`} multipart>
        <TextArea name="text" label="case.reply.label" value={props.draftText} rows={6} />
        <FileField name="files" label="report.files.label" description={{ text: t('report.files.help', { megabytes: props.maxFileMegabytes }) }} />
        <SubmitButton label="case.reply.submit" />
      </Form>
      {may.stepAside ? (
        <section aria-labelledby="step-aside">
          <H2 id="step-aside">{t('case.stepAside.title')}</H2>
          <P>{t('case.stepAside.help')}</P>
          <P>{t('case.stepAside.next')}</P>
          <Form action={`/staff/cases/${v.id}/step-aside`}>
            <SubmitButton label="case.stepAside.submit" secondary />
          </Form>
        </section>
      ) : null}
      {may.produceDossier ? (
        <P>
          <Link href={href(`/staff/cases/${v.id}/dossier`)}>{t('dossier.link')}</Link>
        </P>
      ) : null}
      <P>
        <Link href={href('/staff/cases')}>{t('case.back')}</Link>
      </P>
    </>
  );
}
