import type { RouteRow } from '../../../domain/routes/get-route.js';
import { Alert, H1, Item, Link, List, P } from '../../components/text.js';
import { useUi } from '../../ui-context.js';

/** Back from the receipt: the report was sent; nothing needs sending again, and what to do without the receipt. */
export function AlreadySentPage(props: { route: RouteRow }) {
  const { t, href } = useUi();
  return (
    <>
      <H1>{t('report.sent.title')}</H1>
      <Alert kind="ok">
        <P>{t('report.sent.text')}</P>
      </Alert>
      <List>
        <Item>{t('report.sent.haveReceipt')}</Item>
        <Item>{t('report.sent.lostReceipt')}</Item>
      </List>
      <P>
        <Link href={href('/receipt')}>{t('report.sent.toReceipt')}</Link>
      </P>
      <P>
        <Link href={href(`/report/${props.route.code}`)}>{t('report.sent.newReport')}</Link>
      </P>
    </>
  );
}
