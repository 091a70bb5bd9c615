import type { RouteRow } from '../../domain/routes/get-route.js';
import { useUi } from '../ui-context.js';
import { H1, H2, Item, Link, List, P } from '../components/text.js';

/** Operator mode: the secretariat enters a report made by phone or in a meeting, then hands over the receipt. */
export function IntakePage(props: { routes: RouteRow[] }) {
  const { t, lang, href } = useUi();
  return (
    <>
      <H1>{t('intake.title')}</H1>
      <P lead>{t('intake.lead')}</P>
      <List>
        <Item>{t('intake.step.consent')}</Item>
        <Item>{t('intake.step.enter')}</Item>
        <Item>{t('intake.step.receipt')}</Item>
        <Item>{t('intake.step.minutes')}</Item>
      </List>
      <H2>{t('intake.routes')}</H2>
      <List>
        {props.routes.map((route) => (
          <Item>
            <Link href={href(`/report/${route.code}?intake=1`)}>{route.name[lang]}</Link>
          </Item>
        ))}
      </List>
    </>
  );
}
