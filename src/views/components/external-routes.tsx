import { useUi } from '../ui-context.js';
import { H2, Item, List, P } from './text.js';

/** The routes outside the organisation, always shown: no single channel may be the only one. */
export function ExternalRoutes() {
  const { t } = useUi();
  return (
    <section aria-labelledby="external-routes">
      <H2 id="external-routes">{t('external.title')}</H2>
      <P>{t('external.intro')}</P>
      <List>
        <Item>
          <strong>{t('external.huis.name')}</strong>: {t('external.huis.when')}
        </Item>
        <Item>
          <strong>{t('external.ombudsman.name')}</strong>: {t('external.ombudsman.when')}
        </Item>
        <Item>
          <strong>{t('external.unions.name')}</strong>: {t('external.unions.when')}
        </Item>
      </List>
    </section>
  );
}
