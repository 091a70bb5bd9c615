import { useUi } from '../ui-context.js';
import { ChoiceGroup, ErrorSummary, Form, SubmitButton } from '../components/form.js';
import { H1, Item, List, P } from '../components/text.js';

/** Asked once per handler and case, before anything of the case is decrypted. */
export function DeclarationPage(props: { caseId: string }) {
  const { t } = useUi();
  return (
    <>
      <H1>{t('declaration.title')}</H1>
      <P lead>{t('declaration.lead')}</P>
      <List>
        <Item>{t('declaration.why')}</Item>
        <Item>{t('declaration.recorded')}</Item>
      </List>
      <ErrorSummary />
      <Form action={`/staff/cases/${props.caseId}/declaration`}>
        <ChoiceGroup
          name="decision"
          legend="declaration.legend"
          choices={[
            { value: 'no_relation', label: t('declaration.noRelation') },
            { value: 'recused', label: t('declaration.recused') },
          ]}
          selected={[]}
        />
        <SubmitButton label="declaration.submit" />
      </Form>
    </>
  );
}
