import type { PublicOrganisation } from '../../domain/organisation/list-public-organisations.js';
import { H1, Item, Link, List, P } from '../components/text.js';
import { useUi } from '../ui-context.js';

/** The installation's own start page on a platform of many: where to go for one's own organisation. */
export function PlatformHomePage(props: { organisations: PublicOrganisation[] }) {
  const { t } = useUi();
  return (
    <>
      <H1>{t('platform.home.title')}</H1>
      <P lead>{t('platform.home.lead')}</P>
      <List>
        {props.organisations.map((o) => (
          <Item>
            <Link href={o.address}>{o.name}</Link>
          </Item>
        ))}
      </List>
      <P>{t('platform.home.notListed')}</P>
    </>
  );
}
