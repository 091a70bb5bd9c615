import type { OrganisationOverview } from '../../domain/organisation/organisation-overview.js';
import { ErrorSummary, Form, SubmitButton, TextField } from '../components/form.js';
import { Alert, H1, H2, P } from '../components/text.js';
import { useUi } from '../ui-context.js';

export function PlatformOrganisationsPage(props: {
  organisations: OrganisationOverview[];
  values: Record<string, string>;
  created?: { slug: string; link: string } | undefined;
  baseUrl: string;
  /** After the start-page listing of an organisation changed. */
  listingChanged?: boolean;
}) {
  const { t } = useUi();
  return (
    <>
      <H1>{t('platform.organisations.title')}</H1>
      <P lead>{t('platform.organisations.lead')}</P>
      {props.listingChanged ? (
        <Alert kind="ok">
          <P>{t('platform.organisations.listingChanged')}</P>
        </Alert>
      ) : null}
      {props.created ? (
        <Alert kind="ok">
          <P>{t('platform.organisations.created', { address: `${props.baseUrl}/o/${props.created.slug}/` })}</P>
          <P>
            <code class="utrecht-code app-secret" data-testid="invitation-link">{props.created.link}</code>
          </P>
        </Alert>
      ) : null}
      <div class="utrecht-table-container">
        <table class="utrecht-table utrecht-table--html-table">
          <caption class="utrecht-table__caption">{t('platform.organisations.caption')}</caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="col">{t('platform.organisations.name')}</th>
              <th class="utrecht-table__header-cell" scope="col">{t('platform.organisations.address')}</th>
              <th class="utrecht-table__header-cell" scope="col">{t('platform.organisations.listing')}</th>
              <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">{t('platform.organisations.accounts')}</th>
              <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">{t('platform.organisations.cases')}</th>
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {props.organisations.map((o) => (
              <tr class="utrecht-table__row">
                <td class="utrecht-table__cell">{o.name}</td>
                <td class="utrecht-table__cell">
                  <code class="utrecht-code">/o/{o.slug}/</code>
                  {o.hostName ? (
                    <>
                      {' · '}
                      <code class="utrecht-code">{o.hostName}</code>
                    </>
                  ) : null}
                </td>
                <td class="utrecht-table__cell" data-testid={`listing-${o.slug}`}>
                  {o.listed ? t('platform.organisations.listed') : t('platform.organisations.notListed')}
                  <Form action={`/organisations/${o.id}/listing`} inline>
                    <input type="hidden" name="listed" value={o.listed ? 'no' : 'yes'} />
                    <button type="submit" class="utrecht-button utrecht-button--secondary-action">
                      {t(o.listed ? 'platform.organisations.hide' : 'platform.organisations.show', { name: o.name })}
                    </button>
                  </Form>
                </td>
                <td class="utrecht-table__cell utrecht-table__cell--numeric">{o.accounts}</td>
                <td class="utrecht-table__cell utrecht-table__cell--numeric">{o.cases}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <H2>{t('platform.organisations.new')}</H2>
      <P>{t('platform.organisations.newHelp')}</P>
      <ErrorSummary />
      <Form action="/organisations">
        <TextField name="name" label="platform.organisations.name" value={props.values.name} autocomplete="off" required />
        <TextField name="slug" label="platform.organisations.slug" description="platform.organisations.slugHelp" value={props.values.slug} autocomplete="off" />
        <TextField name="adminName" label="platform.organisations.adminName" value={props.values.adminName} autocomplete="off" required />
        <TextField name="adminEmail" label="platform.organisations.adminEmail" type="email" value={props.values.adminEmail} autocomplete="off" required />
        <SubmitButton label="platform.organisations.submit" />
      </Form>
    </>
  );
}
