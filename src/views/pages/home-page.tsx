import type { Organisation } from '../../domain/organisation/get-organisation.js';
import { useUi } from '../ui-context.js';
import { H1, H2, Item, Link, List, P } from '../components/text.js';
import { ExternalRoutes } from '../components/external-routes.js';

export function HomePage(props: { organisation: Organisation | null }) {
  const { t, href } = useUi();
  return (
    <>
      <H1>{t('home.title')}</H1>
      <P lead>{t('home.lead')}</P>
      {props.organisation ? (
        <>
          <P>{t('home.runBy', { organisation: props.organisation.name })}</P>
          {props.organisation.contactText ? <P>{props.organisation.contactText}</P> : null}
        </>
      ) : (
        <P>{t('home.notSetUp')}</P>
      )}
      <H2>{t('home.routes.title')}</H2>
      <P>{t('home.routes.text')}</P>
      <p class="utrecht-paragraph utrecht-paragraph--distanced">
        <a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" href={href('/report')}>
          {t('home.routes.start')}
        </a>
      </p>
      <P>
        <Link href={href('/receipt')}>{t('home.routes.receipt')}</Link>
      </P>
      <H2>{t('home.privacy.title')}</H2>
      <List>
        <Item>{t('home.privacy.noAddresses')}</Item>
        <Item>{t('home.privacy.encrypted')}</Item>
        <Item>{t('home.privacy.admin')}</Item>
      </List>
      <ExternalRoutes />
      <H2>{t('home.staff.title')}</H2>
      <P>
        <Link href={href('/login')}>{t('home.staff.login')}</Link>
      </P>
    </>
  );
}
