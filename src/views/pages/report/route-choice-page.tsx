import type { RouteRow } from '../../../domain/routes/get-route.js';
import { useUi } from '../../ui-context.js';
import { ExternalRoutes } from '../../components/external-routes.js';
import type { RouteReaders } from '../../../domain/admission/route-readers.js';
import { RouteReadersList } from '../../components/route-readers.js';
import { RouteStart } from '../../components/route-start.js';
import { H1, H2, Link, P } from '../../components/text.js';

/** Every route side by side, with who reads it; never a single route. */
export function RouteChoicePage(props: { routes: RouteRow[]; readers: RouteReaders[] }) {
  const { t, lang, href } = useUi();
  return (
    <>
      <H1>{t('routes.title')}</H1>
      <P lead>{t('routes.lead')}</P>
      {props.routes.map((route) => (
        <section aria-labelledby={`route-${route.code}`}>
          <H2 id={`route-${route.code}`}>{route.name[lang]}</H2>
          <P>{route.description[lang]}</P>
          <RouteReadersList readers={props.readers.find((r) => r.routeCode === route.code)} headingId={`route-readers-${route.code}`} />
          <RouteStart route={route} readers={props.readers.find((r) => r.routeCode === route.code)} />
        </section>
      ))}
      <P>
        <Link href={href('/receipt')}>{t('routes.haveReceipt')}</Link>
      </P>
      <ExternalRoutes />
    </>
  );
}
