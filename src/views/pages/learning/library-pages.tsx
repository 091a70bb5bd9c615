import type { DilemmaLibrary } from '../../../domain/learning/list-dilemmas.js';
import type { DilemmaReflection } from '../../../domain/learning/reflect-on-dilemma.js';
import type { DilemmaToPlay } from '../../../domain/learning/show-dilemma.js';
import { dilemmaRoles, dilemmaThemes } from '../../../domain/learning/dilemma-content.js';
import type { LocalDilemma } from '../../../domain/learning/localise.js';
import type { MessageKey } from '../../../i18n/index.js';
import { ChoiceGroup, ErrorSummary, Form, SubmitButton, TextArea } from '../../components/form.js';
import { ExternalRoutes } from '../../components/external-routes.js';
import { H1, H2, Item, Link, List, P } from '../../components/text.js';
import { useUi } from '../../ui-context.js';
import { DistributionView } from './distribution-view.js';

const letter = (i: number) => String.fromCharCode(65 + i);

function Tags(props: { dilemma: Pick<LocalDilemma, 'themes' | 'roleTags'> }) {
  const { t } = useUi();
  return (
    <p class="utrecht-paragraph app-tags">
      {props.dilemma.themes.map((theme) => t(`learning.theme.${theme}` as MessageKey)).join(' · ')}
      {' — '}
      {t('learning.forRoles', { roles: props.dilemma.roleTags.map((role) => t(`learning.role.${role}` as MessageKey)).join(', ') })}
    </p>
  );
}

/** The library: every published dilemma, filtered by theme and role with a plain GET form. */
export function LibraryPage(props: { library: DilemmaLibrary }) {
  const { t, href } = useUi();
  const l = props.library;
  return (
    <>
      <H1>{t('learning.library.title')}</H1>
      <P lead>{t('learning.library.lead')}</P>
      <P>{t('learning.library.nothingKept')}</P>
      <Form action="/dilemmas" method="get">
        <div class="app-filter">
          <div class="utrecht-form-field">
            <label class="utrecht-form-label" for="field-theme">{t('learning.library.theme')}</label>
            <select class="utrecht-select utrecht-select--html-select" id="field-theme" name="theme">
              <option value="">{t('learning.library.all')}</option>
              {dilemmaThemes.map((theme) => <option value={theme} selected={l.theme === theme}>{t(`learning.theme.${theme}` as MessageKey)}</option>)}
            </select>
          </div>
          <div class="utrecht-form-field">
            <label class="utrecht-form-label" for="field-role">{t('learning.library.role')}</label>
            <select class="utrecht-select utrecht-select--html-select" id="field-role" name="role">
              <option value="">{t('learning.library.all')}</option>
              {dilemmaRoles.map((role) => <option value={role} selected={l.role === role}>{t(`learning.role.${role}` as MessageKey)}</option>)}
            </select>
          </div>
          <button type="submit" class="utrecht-button utrecht-button--secondary-action">{t('learning.library.filter')}</button>
        </div>
      </Form>
      {l.items.length === 0 ? <P>{t('learning.library.none')}</P> : null}
      {l.items.map((item) => (
        <section class="app-destination" aria-labelledby={`dilemma-${item.id}`}>
          <h2 class="utrecht-heading-3" id={`dilemma-${item.id}`}>
            <Link href={href(`/dilemmas/${item.id}`)}>{item.title}</Link>
          </h2>
          <P>{item.question}</P>
          <Tags dilemma={item} />
        </section>
      ))}
      <H2>{t('learning.library.more')}</H2>
      <List>
        <Item><Link href={href('/join')}>{t('learning.join.title')}</Link> {t('learning.library.joinHelp')}</Item>
        <Item><Link href={href('/good-conversation')}>{t('learning.guide.title')}</Link> {t('learning.library.guideHelp')}</Item>
        <Item><Link href={href('/dilemmas/submit')}>{t('learning.submit.title')}</Link> {t('learning.library.submitHelp')}</Item>
      </List>
    </>
  );
}

/** One dilemma to play: the situation, the question, the options; choosing shows the rest. */
export function DilemmaPlayPage(props: { play: DilemmaToPlay }) {
  const { t, href } = useUi();
  const d = props.play.dilemma;
  return (
    <>
      <H1>{d.title}</H1>
      <Tags dilemma={d} />
      <P>{d.situation}</P>
      <ErrorSummary />
      <Form action={`/dilemmas/${props.play.id}`}>
        <input type="hidden" name="nonce" value={props.play.nonce} />
        <ChoiceGroup name="option" legend={{ text: d.question }} choices={d.options.map((option, i) => ({ value: String(i + 1), label: `${letter(i)}. ${option}` }))} selected={[]} />
        <P>{t('learning.play.whatHappens')}</P>
        <SubmitButton label="learning.play.choose" />
      </Form>
      <P><Link href={href(`/dilemmas/${props.play.id}/reflection`)}>{t('learning.play.skip')}</Link></P>
    </>
  );
}

/** After choosing: how others chose, the considerations and the panel's reflection. */
export function ReflectionPage(props: { reflection: DilemmaReflection }) {
  const { t, href } = useUi();
  const r = props.reflection;
  const d = r.dilemma;
  return (
    <>
      <H1>{d.title}</H1>
      <P lead>{d.question}</P>
      {r.distribution.shown ? null : (
        <ol class="utrecht-ordered-list" type="A">
          {d.options.map((option) => <li class="utrecht-ordered-list__item">{option}</li>)}
        </ol>
      )}
      <H2>{t('learning.reflection.others')}</H2>
      <DistributionView distribution={r.distribution} options={d.options} caption={t('learning.reflection.othersCaption')} />
      <H2>{t('learning.reflection.considerations')}</H2>
      <h3 class="utrecht-heading-3">{t('learning.reflection.values')}</h3>
      <P>{d.values}</P>
      <h3 class="utrecht-heading-3">{t('learning.reflection.roles')}</h3>
      <P>{d.roles}</P>
      {d.pressure ? (
        <>
          <h3 class="utrecht-heading-3">{t('learning.reflection.pressure')}</h3>
          <P>{d.pressure}</P>
        </>
      ) : null}
      <H2>{t('learning.reflection.panel')}</H2>
      <P>{d.reflection}</P>
      <H2>{t('learning.reflection.talk')}</H2>
      <List>
        {d.prompts.map((prompt) => <Item>{prompt}</Item>)}
      </List>
      <H2>{t('learning.reflection.next')}</H2>
      <List>
        <Item><Link href={href('/good-conversation/employee')}>{t('learning.guide.employee.link')}</Link></Item>
        <Item><Link href={href('/report/ethics')}>{t('learning.reflection.askPanel')}</Link></Item>
        <Item><Link href={href('/self-check')}>{t('selfCheck.title')}</Link></Item>
        <Item><Link href={href('/dilemmas')}>{t('learning.reflection.back')}</Link></Item>
      </List>
      <ExternalRoutes />
    </>
  );
}

export interface SubmitDilemmaValues {
  situation: string;
  question: string;
}

/** An employee's own dilemma for the library: sealed to the ethics panel, published only in the panel's words. */
export function SubmitDilemmaPage(props: { values: SubmitDilemmaValues }) {
  const { t, href } = useUi();
  return (
    <>
      <H1>{t('learning.submit.title')}</H1>
      <P lead>{t('learning.submit.lead')}</P>
      <List>
        <Item>{t('learning.submit.who')}</Item>
        <Item>{t('learning.submit.anonymous')}</Item>
        <Item>{t('learning.submit.rewritten')}</Item>
        <Item>{t('learning.submit.noAnswer')} <Link href={href('/report/ethics')}>{t('learning.reflection.askPanel')}</Link></Item>
      </List>
      <ErrorSummary />
      <Form action="/dilemmas/submit">
        <TextArea name="situation" label="learning.submit.situation" description="learning.submit.situationHelp" value={props.values.situation} maxlength={4000} rows={8} />
        <TextArea name="question" label="learning.submit.question" description="learning.submit.questionHelp" value={props.values.question} maxlength={500} rows={3} />
        <SubmitButton label="learning.submit.send" />
      </Form>
    </>
  );
}

export function DilemmaSubmittedPage() {
  const { t, href } = useUi();
  return (
    <>
      <H1>{t('learning.submitted.title')}</H1>
      <P lead>{t('learning.submitted.lead')}</P>
      <P>{t('learning.submitted.next')}</P>
      <P><Link href={href('/dilemmas')}>{t('learning.reflection.back')}</Link></P>
    </>
  );
}
