import type { CodingPageModel } from '../../../domain/coding/present-coding-page.js';
import { aimsCodes, codedOutcomes, intakeChannels, meansCodes, measureCodes, personalEffectCodes, publicEffectCodes, registrationModel, sourceCodes, themeCodes } from '../../../domain/coding/codes.js';
import { caseKinds } from '../../../domain/cases/lifecycle.js';
import type { CaseView } from '../../../domain/cases/open-case.js';
import type { MessageKey } from '../../../i18n/index.js';
import { ChoiceGroup, ErrorSummary, Form, SubmitButton } from '../../components/form.js';
import { Alert, H1, P } from '../../components/text.js';
import { useUi } from '../../ui-context.js';
import { CaseWorkNav } from './work-nav.js';

type Many = 'sources' | 'means' | 'aims' | 'effectsPersonal' | 'effectsPublic' | 'themes' | 'measures';

/** The commission's coding of a case: codes only, proposed from the reporter's answers until confirmed. */
export function CodingPage(props: { view: CaseView; model: CodingPageModel; saved?: boolean; values?: Record<string, string | string[]> }) {
  const { t, lang } = useUi();
  const v = props.view;
  const m = props.model;
  // After a refused save the form shows what was sent, so nothing chosen is lost.
  const sent = props.values;
  const one = (name: keyof CodingPageModel['values']): string[] => {
    const value = sent ? sent[name] : m.values[name];
    return Array.isArray(value) ? value : value ? [value] : [];
  };
  const choices = (group: string, codes: readonly string[]) => codes.map((code) => ({ value: code, label: t(`coding.${group}.${code}` as MessageKey) }));
  const many = (name: Many, codes: readonly string[]) => <ChoiceGroup name={name} legend={`coding.${name}`} choices={choices(name, codes)} selected={one(name)} multiple />;
  return (
    <>
      <H1>{t('coding.title')}</H1>
      <CaseWorkNav caseId={v.id} routeCode={v.route.code} current="coding" />
      <P>{t('coding.lead')}</P>
      {props.saved ? <Alert kind="ok">{t('coding.saved')}</Alert> : null}
      <Alert kind="warning">{t('coding.notSealed')}</Alert>
      <ErrorSummary />
      {!m.canCode ? (
        <P>{t('coding.notYet')}</P>
      ) : (
        <>
          <P>{m.coded ? t(`coding.codedAt.${m.coded}`) : t('coding.proposed')}</P>
          <Form action={`/staff/cases/${v.id}/coding`}>
            <ChoiceGroup name="kind" legend="coding.kind" choices={caseKinds.map((k) => ({ value: k, label: t(`case.kind.${k}` as MessageKey) }))} selected={one('kind')} />
            {m.risk ? (
              <>
                <input type="hidden" name="category" value="not_a_violation" />
                {many('themes', themeCodes)}
                {many('effectsPublic', publicEffectCodes)}
              </>
            ) : (
              <>
                <ChoiceGroup name="category" legend="coding.category" choices={registrationModel.categories.map((c) => ({ value: c.code, label: c[lang] }))} selected={one('category')} />
                {many('sources', sourceCodes)}
                {many('means', meansCodes)}
                {many('aims', aimsCodes)}
                {many('effectsPersonal', personalEffectCodes)}
                {many('effectsPublic', publicEffectCodes)}
              </>
            )}
            <ChoiceGroup name="channel" legend="coding.channel" choices={choices('channel', intakeChannels)} selected={one('channel')} />
            <ChoiceGroup name="outcome" legend="coding.outcome" choices={choices('outcome', ['', ...codedOutcomes])} selected={one('outcome').length ? one('outcome') : ['']} />
            {many('measures', measureCodes)}
            <ChoiceGroup name="termsMet" legend="coding.termsMet" description="coding.termsMetHelp" choices={choices('termsMet', ['yes', 'no'])} selected={one('termsMet')} />
            <SubmitButton label={m.stage === 'closing' ? 'coding.submit.closing' : 'coding.submit.assessment'} />
          </Form>
        </>
      )}
    </>
  );
}
