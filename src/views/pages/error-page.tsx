import type { MessageKey } from '../../i18n/index.js';
import { useUi } from '../ui-context.js';
import { H1, Link, P } from '../components/text.js';

export function ErrorPage(props: { code: string; title: MessageKey; text: MessageKey; reasons?: string[]; retryAfterSeconds?: number | undefined }) {
  const { t, href } = useUi();
  return (
    <>
      <H1>{t(props.title)}</H1>
      {props.reasons?.length ? props.reasons.map((reason) => <P>{reason}</P>) : <P>{t(props.text)}</P>}
      {props.retryAfterSeconds ? <P>{t('errors.retryAfter', { minutes: Math.ceil(props.retryAfterSeconds / 60) })}</P> : null}
      <P>
        <Link href={href('/')}>{t('errors.backHome')}</Link>
      </P>
    </>
  );
}
