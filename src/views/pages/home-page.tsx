import type { Organisation } from '../../domain/organisation/get-organisation.js';
import type { RouteRow } from '../../domain/routes/get-route.js';
import type { RouteReaders } from '../../domain/admission/route-readers.js';
import { RouteReadersList } from '../components/route-readers.js';
import { RouteStart } from '../components/route-start.js';
import type { MessageKey } from '../../i18n/index.js';
import { useUi } from '../ui-context.js';
import { H1, H2, Item, Link, List, P } from '../components/text.js';
import { ExternalRoutes } from '../components/external-routes.js';

// What happens after each of the shipped routes; a route added later shows its description only.
const nextSteps: Record<string, MessageKey> = {
  commission: 'home.next.commission',
  ethics: 'home.next.ethics',
  advisor: 'home.next.advisor',
  risk_signal: 'home.next.risk_signal',
};

/** The front door: what this is for, who is behind it, every route side by side, what is and is not stored. */
export function HomePage(props: { organisation: Organisation | null; routes: readonly RouteRow[]; readers: readonly RouteReaders[] }) {
  const { t, href, lang } = useUi();
  const o = props.organisation;
  return (
    <>
      <H1>{t('home.title')}</H1>
      <P lead>{t('home.lead')}</P>
      {o ? (
        <>
          <P>{t('home.runBy', { organisation: o.name })}</P>
          {o.commissionText ? (
            <P>
              <strong>{t('home.commission')}</strong> {o.commissionText}
            </P>
          ) : null}
          {o.panelText ? (
            <P>
              <strong>{t('home.panel')}</strong> {o.panelText}
            </P>
          ) : null}
          {o.contactText ? <P>{o.contactText}</P> : null}
        </>
      ) : (
        <P>{t('home.notSetUp')}</P>
      )}

      <H2>{t('home.unsure.title')}</H2>
      <List>
        <Item>
          <Link href={href('/self-check')}>{t('selfCheck.title')}</Link> {t('home.unsure.selfCheck')}
        </Item>
        <Item>
          <Link href={href('/route-finder')}>{t('finder.title')}</Link> {t('home.unsure.finder')}
        </Item>
      </List>

      <H2>{t('home.learning.title')}</H2>
      <List>
        <Item>
          <Link href={href('/dilemmas')}>{t('learning.library.title')}</Link> {t('home.learning.library')}
        </Item>
        <Item>
          <Link href={href('/join')}>{t('learning.join.title')}</Link> {t('home.learning.join')}
        </Item>
        <Item>
          <Link href={href('/good-conversation')}>{t('learning.guide.title')}</Link> {t('home.learning.guide')}
        </Item>
      </List>

      <H2>{t('home.routes.title')}</H2>
      <P>{t('home.routes.text')}</P>
      {props.routes.map((route) => (
        <section aria-labelledby={`home-route-${route.code}`} class="app-destination">
          <h3 class="utrecht-heading-3" id={`home-route-${route.code}`}>{route.name[lang]}</h3>
          <P>{route.description[lang]}</P>
          {nextSteps[route.code] ? <P>{t(nextSteps[route.code]!)}</P> : null}
          <RouteReadersList readers={props.readers.find((r) => r.routeCode === route.code)} headingId={`home-readers-${route.code}`} />
          <RouteStart route={route} readers={props.readers.find((r) => r.routeCode === route.code)} />
        </section>
      ))}
      <P>
        <Link href={href('/receipt')}>{t('home.routes.receipt')}</Link>
      </P>

      <H2>{t('home.privacy.title')}</H2>
      <P>{t('home.privacy.stored')}</P>
      <List>
        <Item>{t('home.privacy.encrypted')}</Item>
        <Item>{t('home.privacy.metadata')}</Item>
      </List>
      <P>{t('home.privacy.neverStored')}</P>
      <List>
        <Item>{t('home.privacy.noAddresses')}</Item>
        <Item>{t('home.privacy.noName')}</Item>
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
