import type { SelfCheckAnswers } from '../../../domain/self-check/assess.js';
import { questionsInGroup, selfCheckQuestions, type QuestionGroup } from '../../../domain/self-check/questions.js';
import type { MessageKey } from '../../../i18n/index.js';
import { ChoiceGroup, ErrorSummary, Form, SubmitButton } from '../../components/form.js';
import { H1, P } from '../../components/text.js';
import { useUi } from '../../ui-context.js';

/** The answers given on other pages, carried along in the form: nothing is kept on the server. */
export function CarriedAnswers(props: { answers: SelfCheckAnswers; except?: QuestionGroup }) {
  return (
    <>
      {selfCheckQuestions
        .filter((q) => q.group !== props.except)
        .flatMap((q) => {
          const value = props.answers[q.code];
          const values = value === undefined ? [] : Array.isArray(value) ? value : [value];
          return values.map((v) => <input type="hidden" name={q.code} value={v} />);
        })}
    </>
  );
}

/** One page of the self-check: first the four criteria, then how serious it is. */
export function SelfCheckPage(props: { group: QuestionGroup; answers: SelfCheckAnswers }) {
  const { t } = useUi();
  const step = props.group === 'criteria' ? 1 : 2;
  return (
    <>
      <p class="utrecht-paragraph app-progress">{t('selfCheck.progress', { step, total: 3 })}</p>
      <H1>{t(props.group === 'criteria' ? 'selfCheck.criteria.title' : 'selfCheck.seriousness.title')}</H1>
      {props.group === 'criteria' ? <P lead>{t('selfCheck.lead')}</P> : null}
      <P>{t(props.group === 'criteria' ? 'selfCheck.criteria.help' : 'selfCheck.seriousness.help')}</P>
      <P>{t('selfCheck.nothingStored')}</P>
      <ErrorSummary />
      <Form action="/self-check">
        <input type="hidden" name="_step" value={props.group} />
        <CarriedAnswers answers={props.answers} except={props.group} />
        {questionsInGroup(props.group).map((q) => {
          const value = props.answers[q.code as keyof SelfCheckAnswers];
          return (
            <ChoiceGroup
              name={q.code}
              legend={`selfCheck.q.${q.code}` as MessageKey}
              description={`selfCheck.help.${q.code}` as MessageKey}
              multiple={q.multiple}
              choices={q.options.map((o) => ({ value: o, label: t(`selfCheck.option.${o}` as MessageKey) }))}
              selected={value === undefined ? [] : Array.isArray(value) ? value : [value as string]}
            />
          );
        })}
        <div class="app-button-row">
          <SubmitButton label={props.group === 'criteria' ? 'selfCheck.next' : 'selfCheck.toResult'} name="_go" value="next" />
          {props.group === 'seriousness' ? <SubmitButton label="report.back" name="_go" value="back" secondary /> : null}
        </div>
      </Form>
    </>
  );
}
