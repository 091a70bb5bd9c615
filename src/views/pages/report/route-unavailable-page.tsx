import type { RouteRow } from '../../../domain/routes/get-route.js';
import { ExternalRoutes } from '../../components/external-routes.js';
import { Alert, H1, Link, P } from '../../components/text.js';
import { useUi } from '../../ui-context.js';

/** Instead of a form nobody could read: what is the matter, and where to go instead. */
export function RouteUnavailablePage(props: { route: RouteRow }) {
  const { t, lang, href } = useUi();
  return (
    <>
      <H1>{props.route.name[lang]}</H1>
      <Alert kind="warning">
        <P>{t('routes.unavailablePage')}</P>
      </Alert>
      <P>
        <Link href={href('/')}>{t('routes.backToStart')}</Link>
      </P>
      <ExternalRoutes />
    </>
  );
}
