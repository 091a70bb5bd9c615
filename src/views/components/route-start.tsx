import type { RouteReaders } from '../../domain/admission/route-readers.js';
import type { RouteRow } from '../../domain/routes/get-route.js';
import { useUi } from '../ui-context.js';
import { Link, P } from './text.js';

/**
 * The way into a route's form, or, when nobody could read a report sent that way, why not and
 * where else to go: a route nobody can read is never offered.
 */
export function RouteStart(props: { route: RouteRow; readers: RouteReaders | undefined }) {
  const { t, lang, href } = useUi();
  if ((props.readers?.readers.length ?? 0) === 0) {
    return (
      <P>
        <strong>{t('routes.unavailable')}</strong> <Link href="#external-routes">{t('routes.unavailableExternal')}</Link>
      </P>
    );
  }
  return (
    <P>
      <Link href={href(`/report/${props.route.code}`)}>{t('routes.start', { route: props.route.name[lang] })}</Link>
    </P>
  );
}
