import type { ReportDraft } from '../../../domain/reports/report-draft.js';
import type { RouteRow } from '../../../domain/routes/get-route.js';
import { visibleSteps, enabledQuestions, type Question, type QuestionnaireDefinition } from '../../../domain/routes/questionnaire.js';
import { useUi } from '../../ui-context.js';
import { ChoiceGroup, ErrorSummary, FileField, Form, SubmitButton, TextArea, TextField } from '../../components/form.js';
import { Alert, H1, H2, Item, List, P } from '../../components/text.js';
import type { Position } from '../../../domain/reports/report-wizard.js';
import { AnswerList } from './answer-list.js';
import { nameReadersOf } from '../../../domain/identity/identity-custodian.js';
import type { RouteReaders } from '../../../domain/admission/route-readers.js';
import { RouteReadersList } from '../../components/route-readers.js';
import { isMessageKey, type Language, type Translate } from '../../../i18n/index.js';

export interface ReportFormProps {
  route: RouteRow;
  definition: QuestionnaireDefinition;
  draft: ReportDraft;
  sealedDraft: string;
  position: Position;
  all: Position[];
  maxFileMegabytes: number;
  /** How long after the last step the form keeps what was typed (said on every page). */
  draftHours: number;
  /** On the first step: exactly who a report on this route is encrypted for, with key fingerprints. */
  readers?: RouteReaders | undefined;
}

/** One page of the report form. Everything typed so far rides along, sealed, in `_draft`. */
export function ReportFormPage(props: ReportFormProps) {
  const { t, lang } = useUi();
  const index = props.all.indexOf(props.position);
  return (
    <>
      <p class="utrecht-paragraph app-progress">{t('report.progress', { step: index + 1, total: props.all.length })}</p>
      <p class="utrecht-paragraph utrecht-paragraph--small">{t('report.draftLife', { hours: props.draftHours })}</p>
      <p class="utrecht-paragraph utrecht-paragraph--small">{t('report.backButton')}</p>
      <H1>{props.route.name[lang]}</H1>
      {props.draft.operator ? (
        <Alert kind="warning">
          <P>{t('intake.banner')}</P>
        </Alert>
      ) : null}
      <ErrorSummary />
      {/* Only the review page sends files: its send button posts them (multipart) to the send address,
          which alone accepts attachments; every other button, there and on every other step, posts small. */}
      {/* autocomplete off: the browser keeps no copy of the fields (no autofill entries, no form state
          in its saved session); what was typed is kept by the steps themselves (see report-pages.tsx). */}
      <Form action={`/report/${props.route.code}`} multipart={props.position === 'review'} autocompleteOff>
        <input type="hidden" name="_draft" value={props.sealedDraft} />
        <input type="hidden" name="_at" value={props.position} />
        <PositionBody {...props} />
        <div class="app-button-row">
          {props.position === 'review' ? (
            <SubmitButton label="report.send" name="_go" value="send" formAction={`/report/${props.route.code}/send`} />
          ) : (
            <SubmitButton label="report.next" name="_go" value="next" />
          )}
          {index > 0 ? <SubmitButton label="report.back" name="_go" value="back" secondary plainForm={props.position === 'review'} /> : null}
        </div>
        {/* After the main buttons, so that Enter in a field never jumps back to step 1. */}
        {props.position === 'review' ? <ChangeButtons all={props.all} /> : null}
      </Form>
    </>
  );
}

function PositionBody(props: ReportFormProps) {
  if (props.position === 'anonymity') return <AnonymityChoice route={props.route} selected={props.draft.anonymity} readers={props.readers} />;
  if (props.position === 'identity') return <IdentityFields route={props.route} draft={props.draft} anonymity={props.draft.anonymity ?? 'confidential'} />;
  if (props.position === 'review') return <Review {...props} />;
  const step = visibleSteps(props.definition)[Number(props.position.slice(5))]!;
  const { lang } = useUi();
  return (
    <>
      <H2>{step.title[lang]}</H2>
      {step.intro ? <P>{step.intro[lang]}</P> : null}
      {enabledQuestions(step).map((question) => (
        <QuestionField question={question} value={props.draft.answers[question.code]} />
      ))}
    </>
  );
}

/** The people who read the name, by role, as one phrase ("the secretariat, the members and the chair"). */
function readersPhrase(roles: readonly string[], t: Translate, lang: Language): string {
  const phrases = roles.map((role) => {
    const key = `report.readers.${role}`;
    return isMessageKey(key) ? t(key) : t('report.readers.unknown');
  });
  return new Intl.ListFormat(lang === 'en' ? 'en-GB' : 'nl-NL', { type: 'conjunction' }).format(phrases);
}

/**
 * The first step: how much the reporter tells about themselves, and for this route exactly who
 * reads the name under each choice (from the route's handler and custodian roles, which are
 * per-route settings).
 */
function AnonymityChoice(props: { route: RouteRow; selected?: string | undefined; readers?: RouteReaders | undefined }) {
  const { t, lang } = useUi();
  const readers = nameReadersOf(props.route);
  return (
    <>
      <P lead>{t('report.anonymity.lead')}</P>
      <ChoiceGroup
        name="anonymity"
        legend="report.anonymity.legend"
        choices={[
          { value: 'anonymous', label: t('report.anonymity.anonymous') },
          // Confidential only where someone can keep the name (a custodian the body admitted).
          ...(props.readers && props.readers.custodians.length === 0
            ? []
            : [{ value: 'confidential', label: t('report.anonymity.confidential', { custodians: readersPhrase(readers.confidential, t, lang) }) }]),
          { value: 'open', label: t('report.anonymity.open', { readers: readersPhrase(readers.open, t, lang) }) },
        ]}
        selected={props.selected ? [props.selected] : []}
      />
      {props.readers && props.readers.custodians.length === 0 ? <P>{t('report.anonymity.noCustodian')}</P> : null}
      <H2>{t('report.anonymity.whoSees')}</H2>
      <RouteReadersList readers={props.readers} headingId="report-readers" />
      <List>
        <Item>{t('report.anonymity.handlersSee')}</Item>
        <Item>{t('report.anonymity.nameAsked')}</Item>
        <Item>{t('report.anonymity.adminSees')}</Item>
        <Item>{t('report.anonymity.serverKeeps')}</Item>
      </List>
    </>
  );
}

function IdentityFields(props: { route: RouteRow; draft: ReportDraft; anonymity: string }) {
  const { t, lang } = useUi();
  const readers = nameReadersOf(props.route);
  return (
    <>
      <H2>{t('report.identity.title')}</H2>
      <P>
        {props.anonymity === 'open'
          ? t('report.identity.openHelp', { readers: readersPhrase(readers.open, t, lang) })
          : t('report.identity.confidentialHelp', { custodians: readersPhrase(readers.confidential, t, lang) })}
      </P>
      <TextField name="name" label="report.identity.name" value={props.draft.identity?.name} autocomplete="off" required />
      <TextField name="contact" label="report.identity.contact" description="report.identity.contactHelp" value={props.draft.identity?.contact} autocomplete="off" required />
    </>
  );
}

function Review(props: ReportFormProps) {
  const { t } = useUi();
  return (
    <>
      <H2>{t('report.review.title')}</H2>
      <P>{t('report.review.help')}</P>
      <P>
        <strong>{t('report.review.anonymity')}</strong> {t(`report.anonymity.short.${props.draft.anonymity ?? 'anonymous'}`)}
      </P>
      {props.draft.identity?.name ? (
        <P>
          <strong>{t('report.identity.name')}:</strong> {props.draft.identity.name} · {props.draft.identity.contact}
        </P>
      ) : null}
      <AnswerList definition={props.definition} answers={props.draft.answers} />
      <FileField name="files" label="report.files.label" description={{ text: t('report.files.help', { megabytes: props.maxFileMegabytes }) }} />
      <TextField name="notifyEmail" label="report.notify.label" description="report.notify.help" type="email" value={props.draft.notifyEmail} autocomplete="off" />
      <Alert kind="info">
        <P>{t('report.review.whatNext')}</P>
      </Alert>
    </>
  );
}

function ChangeButtons(props: { all: Position[] }) {
  const { t } = useUi();
  return (
    <div class="app-button-row">
      {props.all.filter((p) => p !== 'review').map((position, index) => (
        <button type="submit" name="_go" value={`to-${position}`} formenctype="application/x-www-form-urlencoded" class="utrecht-button utrecht-button--subtle">
          {t('report.review.change', { step: index + 1 })}
        </button>
      ))}
    </div>
  );
}

function QuestionField(props: { question: Question; value: string | string[] | undefined }) {
  const { lang, t } = useUi();
  const q = props.question;
  const label = { text: q.required ? q.label[lang] : `${q.label[lang]} ${t('form.optional')}` };
  const help = q.help ? { text: q.help[lang] } : undefined;
  const single = typeof props.value === 'string' ? props.value : undefined;
  const many = Array.isArray(props.value) ? props.value : single ? [single] : [];
  switch (q.type) {
    case 'text':
      return <TextArea name={q.code} label={label} description={help} value={single} rows={8} />;
    case 'shortText':
    case 'period':
      return <TextField name={q.code} label={label} description={help} value={single} autocomplete="off" />;
    case 'yesNo':
      return (
        <ChoiceGroup
          name={q.code}
          legend={label}
          description={help}
          choices={[
            { value: 'yes', label: t('form.yes') },
            { value: 'no', label: t('form.no') },
          ]}
          selected={many}
        />
      );
    default:
      return (
        <ChoiceGroup
          name={q.code}
          legend={label}
          description={help}
          multiple={q.type === 'multi'}
          choices={(q.options ?? []).map((o) => ({ value: o.code, label: o.label[lang] }))}
          selected={many}
        />
      );
  }
}
