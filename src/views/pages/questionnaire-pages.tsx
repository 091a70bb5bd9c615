import type { RouteRow, RouteWithQuestionnaire } from '../../domain/routes/get-route.js';
import { useUi } from '../ui-context.js';
import { ErrorSummary, Form, SubmitButton, TextField } from '../components/form.js';
import { Alert, H1, H2, Item, Link, List, P } from '../components/text.js';

export function QuestionnaireListPage(props: { routes: RouteRow[] }) {
  const { t, lang, href } = useUi();
  return (
    <>
      <H1>{t('questionnaires.title')}</H1>
      <P>{t('questionnaires.lead')}</P>
      <List>
        {props.routes.map((route) => (
          <Item>
            <Link href={href(`/staff/questionnaires/${route.code}`)}>{route.name[lang]}</Link>
          </Item>
        ))}
      </List>
    </>
  );
}

/** Texts in both languages, order within each step, optional questions on or off. Codes are fixed. */
export function QuestionnaireEditPage(props: { current: RouteWithQuestionnaire; submitted?: Record<string, string | string[] | undefined>; saved?: boolean }) {
  const { t, lang } = useUi();
  const { route, version, definition } = props.current;
  const value = (name: string, fallback: string | undefined) => {
    const v = props.submitted?.[name];
    return props.submitted ? ((Array.isArray(v) ? v[0] : v) ?? '') : (fallback ?? '');
  };
  return (
    <>
      <H1>{t('questionnaires.edit.title', { route: route.name[lang] })}</H1>
      {props.saved ? <Alert kind="ok">{t('questionnaires.saved', { version })}</Alert> : null}
      <P>{t('questionnaires.edit.lead', { version })}</P>
      <ErrorSummary />
      <Form action={`/staff/questionnaires/${route.code}`}>
        {definition.steps.map((step) => (
          <section aria-labelledby={`step-${step.code}`}>
            <H2 id={`step-${step.code}`}>{step.title[lang]}</H2>
            {step.questions.map((q, index) => {
              const key = `q.${q.code}`;
              const enabled = props.submitted ? props.submitted[`${key}.enabled`] === 'on' : q.enabled;
              return (
                <fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset app-question-editor">
                  <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
                    {t('questionnaires.question', { code: q.code })}
                  </legend>
                  <TextField name={`${key}.label.nl`} label="questionnaires.labelNl" value={value(`${key}.label.nl`, q.label.nl)} />
                  <TextField name={`${key}.label.en`} label="questionnaires.labelEn" value={value(`${key}.label.en`, q.label.en)} />
                  <TextField name={`${key}.help.nl`} label="questionnaires.helpNl" value={value(`${key}.help.nl`, q.help?.nl)} />
                  <TextField name={`${key}.help.en`} label="questionnaires.helpEn" value={value(`${key}.help.en`, q.help?.en)} />
                  <TextField name={`${key}.position`} label="questionnaires.position" inputmode="numeric" value={value(`${key}.position`, String(index + 1))} />
                  {q.required ? (
                    <P>{t('questionnaires.required')}</P>
                  ) : (
                    <div class="utrecht-form-field utrecht-form-field--checkbox">
                      <input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" id={`field-${key}.enabled`} name={`${key}.enabled`} checked={enabled} />
                      <label class="utrecht-form-label utrecht-form-label--checkbox" for={`field-${key}.enabled`}>
                        {t('questionnaires.enabled')}
                      </label>
                    </div>
                  )}
                  {(q.options ?? []).map((o) => (
                    <>
                      <TextField name={`o.${q.code}.${o.code}.nl`} label={{ text: t('questionnaires.optionNl', { code: o.code }) }} value={value(`o.${q.code}.${o.code}.nl`, o.label.nl)} />
                      <TextField name={`o.${q.code}.${o.code}.en`} label={{ text: t('questionnaires.optionEn', { code: o.code }) }} value={value(`o.${q.code}.${o.code}.en`, o.label.en)} />
                    </>
                  ))}
                </fieldset>
              );
            })}
          </section>
        ))}
        <P>{t('questionnaires.versionNote')}</P>
        <SubmitButton label="questionnaires.submit" />
      </Form>
    </>
  );
}
