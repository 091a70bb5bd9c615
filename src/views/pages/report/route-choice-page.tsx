import type { RouteRow } from '../../../domain/routes/get-route.js';
import { useUi } from '../../ui-context.js';
import { ExternalRoutes } from '../../components/external-routes.js';
import { H1, H2, Link, P } from '../../components/text.js';

/** Every route side by side, with who reads it; never a single route. */
export function RouteChoicePage(props: { routes: RouteRow[] }) {
  const { t, lang, href } = useUi();
  return (
    <>
      <H1>{t('routes.title')}</H1>
      <P lead>{t('routes.lead')}</P>
      {props.routes.map((route) => (
        <section aria-labelledby={`route-${route.code}`}>
          <H2 id={`route-${route.code}`}>{route.name[lang]}</H2>
          <P>{route.description[lang]}</P>
          <P>
            <Link href={href(`/report/${route.code}`)}>{t('routes.start', { route: route.name[lang] })}</Link>
          </P>
        </section>
      ))}
      <P>
        <Link href={href('/receipt')}>{t('routes.haveReceipt')}</Link>
      </P>
      <ExternalRoutes />
    </>
  );
}
