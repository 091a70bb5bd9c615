import type { KeyHolderView } from '../../domain/cases/case-access.js';
import { useUi } from '../ui-context.js';
import { ChoiceGroup, Form, SubmitButton } from '../components/form.js';
import { H2, Item, List, P } from '../components/text.js';
import { roleLabel } from '../role-label.js';

/** The chair's view of who holds a key to this case, with grant and revoke. */
export function CaseAccessPanel(props: { caseId: string; holders: KeyHolderView[]; candidates: KeyHolderView[]; selfId: string }) {
  const { t } = useUi();
  const label = (u: KeyHolderView) => `${u.displayName} (${u.roles.map((r) => roleLabel(t, r)).join(', ')})`;
  return (
    <section aria-labelledby="case-access">
      <H2 id="case-access">{t('access.title')}</H2>
      <P>{t('access.help')}</P>
      <List>
        {props.holders.map((holder) => (
          <Item>
            {label(holder)}
            {holder.userId === props.selfId ? null : (
              <Form action={`/staff/cases/${props.caseId}/access/revoke`} inline>
                <input type="hidden" name="userId" value={holder.userId} />{' '}
                <button type="submit" class="utrecht-link-button utrecht-link-button--html-button">{t('access.revoke', { name: holder.displayName })}</button>
              </Form>
            )}
          </Item>
        ))}
      </List>
      {props.candidates.length > 0 ? (
        <Form action={`/staff/cases/${props.caseId}/access/grant`}>
          <ChoiceGroup name="userId" legend="access.grantLegend" choices={props.candidates.map((c) => ({ value: c.userId, label: label(c) }))} selected={[]} />
          <SubmitButton label="access.grant" secondary />
        </Form>
      ) : null}
    </section>
  );
}
