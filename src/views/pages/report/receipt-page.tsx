import type { Deadlines } from '../../../domain/reports/deadlines.js';
import { useUi } from '../../ui-context.js';
import { Alert, H1, H2, Item, Link, List, P } from '../../components/text.js';
import { formatDate } from '../../format.js';

/** Shown once, right after sending: the receipt is the reporter's only key. */
export function ReceiptPage(props: { receipt: string; deadlines: Deadlines; operator?: boolean; transferred?: boolean; repeated?: boolean; files?: number | null }) {
  const { t, href, lang } = useUi();
  return (
    <>
      <H1>{t('receipt.title')}</H1>
      <Alert kind="ok">
        <P>{t('receipt.sent')}</P>
        {typeof props.files === 'number' ? <P>{props.files === 0 ? t('receipt.files.none') : t('receipt.files.count', { count: props.files })}</P> : null}
      </Alert>
      {props.repeated ? (
        <Alert kind="info">
          <P>{t('receipt.repeated')}</P>
        </Alert>
      ) : null}
      {props.transferred ? (
        <Alert kind="info">
          <P>{t('transfer.receipt.new')}</P>
        </Alert>
      ) : null}
      {props.operator ? (
        <Alert kind="warning">
          <P>{t('intake.receipt.handOver')}</P>
          <P>{t('intake.receipt.noCopy')}</P>
        </Alert>
      ) : null}
      <P lead>{t('receipt.lead')}</P>
      <p class="utrecht-paragraph app-receipt">
        <code class="utrecht-code" data-testid="receipt">{props.receipt}</code>
      </p>
      <List>
        <Item>{t('receipt.keep')}</Item>
        <Item>{t('receipt.noWorkDevice')}</Item>
        <Item>{t('receipt.lost')}</Item>
      </List>
      <H2>{t('receipt.next.title')}</H2>
      <List>
        <Item>{t('receipt.next.acknowledge', { date: formatDate(props.deadlines.acknowledgeBy, lang) })}</Item>
        <Item>{t('receipt.next.feedback', { date: formatDate(props.deadlines.feedbackBy, lang) })}</Item>
        <Item>{t('receipt.next.return')}</Item>
      </List>
      <P>
        <Link href={href('/receipt')}>{t('receipt.returnLink')}</Link>
      </P>
    </>
  );
}
