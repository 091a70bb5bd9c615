import type { CaseView } from '../../domain/cases/open-case.js';
import type { CaseFrame } from '../../domain/cases/commission-route.js';
import { awaitingFeedback, caseKinds, nextStatus, type CaseStatus } from '../../domain/cases/lifecycle.js';
import type { MessageKey } from '../../i18n/index.js';
import type { LetterKind } from '../../domain/letters/letter-kinds.js';
import { useUi } from '../ui-context.js';
import { ChoiceGroup, Form, SubmitButton, TextArea } from '../components/form.js';
import { H2, Link, P } from '../components/text.js';
import { Timeline } from '../components/timeline.js';
import type { TimelineEntry } from '../../domain/cases/timeline.js';

// Field names differ between the forms on this page so that every field id is unique.

/**
 * The next step for this case, and the extension of the feedback deadline while it can apply. The
 * law's words (admissibility, "the law requires") only where its frame applies (the commission's
 * routes); there a case is concluded by the joint decision, so the step points there instead.
 */
export function CaseSteps(props: { view: CaseView; frame: CaseFrame; letters: Partial<Record<LetterKind, string>> }) {
  const { t, href } = useUi();
  const v = props.view;
  const { legalFrame, jointDecision } = props.frame;
  const status = v.status as CaseStatus;
  const next = nextStatus[status];
  const byDecision = jointDecision && next === 'concluded';
  return (
    <section aria-labelledby="next-step">
      <H2 id="next-step">{t('case.steps.title')}</H2>
      {status === 'received' ? (
        <>
          <P>{t(legalFrame ? 'case.ack.help' : 'case.ack.helpPlain')}</P>
          <Form action={`/staff/cases/${v.id}/acknowledge`}>
            {legalFrame ? <TextArea name="ackLetter" label="case.ack.letter" description="case.ack.letterHelp" value={props.letters.acknowledgement} rows={8} /> : <TextArea name="ackNote" label="case.ack.note" rows={3} />}
            <SubmitButton label="case.ack.submit" />
          </Form>
        </>
      ) : null}
      {status === 'acknowledged' ? (
        <Form action={`/staff/cases/${v.id}/assess`}>
          <P>{t('case.assess.help')}</P>
          <ChoiceGroup name="kind" legend="case.assess.kind" choices={caseKinds.map((k) => ({ value: k, label: t(`case.kind.${k}`) }))} selected={caseKinds.filter((k) => k === v.answers.KIND)} />
          {legalFrame ? <ChoiceGroup name="admissible" legend="case.assess.admissible" choices={[{ value: 'yes', label: t('form.yes') }, { value: 'no', label: t('form.no') }]} selected={[]} /> : null}
          <TextArea name="assessReason" label="case.assess.reason" rows={3} />
          <ChoiceGroup name="priority" legend="case.assess.priority" choices={(['low', 'normal', 'high'] as const).map((p) => ({ value: p, label: t(`case.assess.priority.${p}`) }))} selected={['normal']} />
          <ChoiceGroup name="retaliationRisk" legend="case.assess.risk" choices={(['none', 'low', 'high'] as const).map((r) => ({ value: r, label: t(`case.assess.risk.${r}`) }))} selected={[]} />
          <TextArea name="measures" label="case.assess.measures" rows={3} />
          {legalFrame ? <TextArea name="noticeText" label="case.assess.notice" description="case.assess.noticeHelp" value={props.letters.inadmissible} rows={8} /> : null}
          <SubmitButton label="case.assess.submit" />
        </Form>
      ) : null}
      {byDecision ? (
        <P>
          {t('case.advance.concluded.byDecision')} <Link href={href(`/staff/cases/${v.id}/decision`)}>{t('case.advance.concluded.toDecision')}</Link>
        </P>
      ) : null}
      {next && !byDecision ? (
        <Form action={`/staff/cases/${v.id}/advance`}>
          <input type="hidden" name="to" value={next} />
          <P>{t(`case.advance.${next}.${legalFrame ? 'help' : 'helpPlain'}` as MessageKey)}</P>
          <TextArea name="stepText" label={next === 'feedback_given' ? 'case.advance.feedbackText' : 'case.advance.noteText'} value={next === 'feedback_given' ? props.letters.feedback : undefined} rows={next === 'feedback_given' ? 8 : 4} />
          {next === 'closed' && legalFrame ? <TextArea name="closingLetter" label="case.advance.closingLetter" description="case.advance.closingLetterHelp" value={props.letters.closing} rows={5} /> : null}
          <SubmitButton label={`case.advance.${next}.submit` as MessageKey} />
        </Form>
      ) : null}
      {status === 'closed' ? (
        <>
          <P>{t('case.steps.closed')}</P>
          {v.wroteAfterClosing ? <P><strong class="app-overdue">{t('cases.wroteAfterClosing')}</strong></P> : null}
          <Form action={`/staff/cases/${v.id}/reopen`}>
            <TextArea name="reopenText" label="case.reopen.reason" description="case.reopen.help" rows={3} />
            <SubmitButton label="case.reopen.submit" secondary />
          </Form>
        </>
      ) : null}
      {awaitingFeedback.includes(status) ? (
        <Form action={`/staff/cases/${v.id}/extend`}>
          <H2>{t('case.extension.title')}</H2>
          <P>{t('case.extension.help')}</P>
          <ChoiceGroup name="months" legend="case.extension.months" choices={['1', '2', '3'].map((m) => ({ value: m, label: t('case.extension.monthsOption', { months: m }) }))} selected={[]} />
          <TextArea name="extensionReason" label="case.extension.reason" rows={3} />
          <SubmitButton label="case.extension.submit" secondary />
        </Form>
      ) : null}
    </section>
  );
}

/** Internal notes, visibly apart from the conversation with the reporter. */
export function InternalNotes(props: { caseId: string; timeline: readonly TimelineEntry[]; timeZone: string }) {
  const { t } = useUi();
  return (
    <section aria-labelledby="internal-notes" class="app-internal">
      <H2 id="internal-notes">{t('case.notes.title')}</H2>
      <P>{t('case.notes.help')}</P>
      <Timeline entries={props.timeline} timeZone={props.timeZone} />
      <Form action={`/staff/cases/${props.caseId}/notes`}>
        <TextArea name="noteText" label="case.notes.label" rows={3} />
        <SubmitButton label="case.notes.submit" secondary />
      </Form>
    </section>
  );
}
