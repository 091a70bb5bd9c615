import type { SelfCheckAnswers, SelfCheckAssessment } from '../../../domain/self-check/assess.js';
import type { Answers, QuestionnaireDefinition } from '../../../domain/routes/questionnaire.js';
import type { MessageKey } from '../../../i18n/index.js';
import { ExternalRoutes } from '../../components/external-routes.js';
import { Form, SubmitButton } from '../../components/form.js';
import { H1, H2, Item, Link, List, P } from '../../components/text.js';
import { useUi } from '../../ui-context.js';
import { AnswerList } from '../report/answer-list.js';
import { CarriedAnswers } from './self-check-page.js';

const stepLinks: Record<string, string | null> = {
  check_with_source: '#conversation-guide',
  confidential_advisor: '/report/advisor',
  ethics_panel: '/report/ethics',
  report_to_commission: '/report/commission',
  external_route: '#external-routes',
};

export interface CarryOption {
  route: 'commission' | 'ethics';
  routeName: string;
  definition: QuestionnaireDefinition;
  prefilled: Answers;
}

/** The outcome in plain words, the next steps for this case, and what can be carried into a report or question. */
export function SelfCheckResultPage(props: { answers: SelfCheckAnswers; assessment: SelfCheckAssessment; carry: CarryOption[] }) {
  const { t, href } = useUi();
  const a = props.assessment;
  return (
    <>
      <p class="utrecht-paragraph app-progress">{t('selfCheck.progress', { step: 3, total: 3 })}</p>
      <H1>{t('selfCheck.result.title')}</H1>
      <P lead>{t(`selfCheck.classification.${a.classification}` as MessageKey)}</P>
      <P>{t('selfCheck.result.notAVerdict')}</P>

      <H2>{t('selfCheck.result.criteria')}</H2>
      <List>
        {a.criteria.map((c) => (
          <Item>
            <strong>{t(`selfCheck.criterion.${c.criterion}` as MessageKey)}</strong>: {t(`selfCheck.status.${c.status}` as MessageKey)} ({t(`selfCheck.reason.${c.reason}` as MessageKey)})
          </Item>
        ))}
      </List>

      <H2>{t('selfCheck.result.seriousness')}</H2>
      <P>{t(`selfCheck.level.${a.seriousness.level}` as MessageKey)}</P>
      {a.seriousness.reasons.length > 0 ? (
        <List>
          {a.seriousness.reasons.map((r) => (
            <Item>{t(`selfCheck.seriousnessReason.${r}` as MessageKey)}</Item>
          ))}
        </List>
      ) : (
        <P>{t('selfCheck.result.noSeriousnessReasons')}</P>
      )}

      <H2>{t('selfCheck.result.nextSteps')}</H2>
      <ol class="utrecht-ordered-list">
        {a.nextSteps.map((step) => (
          <li class="utrecht-ordered-list__item">
            <Link href={stepLinks[step]!.startsWith('#') ? stepLinks[step]! : href(stepLinks[step]!)}>{t(`selfCheck.step.${step}` as MessageKey)}</Link>
            {' – '}
            {t(`selfCheck.stepHelp.${step}` as MessageKey)}
          </li>
        ))}
      </ol>

      <section aria-labelledby="conversation-guide">
        <H2 id="conversation-guide">{t('selfCheck.guide.title')}</H2>
        <P>{t('selfCheck.guide.lead')}</P>
        <List>
          <Item>{t('selfCheck.guide.who')}</Item>
          <Item>{t('selfCheck.guide.what')}</Item>
          <Item>{t('selfCheck.guide.why')}</Item>
          <Item>{t('selfCheck.guide.own')}</Item>
          <Item>{t('selfCheck.guide.record')}</Item>
        </List>
        <P>
          <Link href={href('/good-conversation/employee')}>{t('learning.guide.employee.link')}</Link>
        </P>
      </section>

      <H2>{t('selfCheck.carry.title')}</H2>
      <P>{t('selfCheck.carry.lead')}</P>
      {props.carry.map((option) => (
        <section aria-labelledby={`carry-${option.route}`}>
          <h3 class="utrecht-heading-3" id={`carry-${option.route}`}>{option.routeName}</h3>
          {Object.keys(option.prefilled).length > 0 ? (
            <>
              <P>{t('selfCheck.carry.exactly')}</P>
              <AnswerList definition={option.definition} answers={option.prefilled} />
            </>
          ) : (
            <P>{t('selfCheck.carry.nothing')}</P>
          )}
          <Form action={`/report/${option.route}/prefill`}>
            <CarriedAnswers answers={props.answers} />
            <SubmitButton label={option.route === 'commission' ? 'selfCheck.carry.report' : 'selfCheck.carry.question'} secondary={option.route !== 'commission'} />
          </Form>
        </section>
      ))}
      <P>{t('selfCheck.nothingStored')}</P>
      <P>
        <Link href={href('/self-check')}>{t('selfCheck.again')}</Link>
      </P>
      <ExternalRoutes />
    </>
  );
}
