import { useUi } from '../ui-context.js';
import { H1, P } from '../components/text.js';

/** The handlers' inbox. Reports arrive here once the reporting capability is in place. */
export function CaseInboxPage() {
  const { t } = useUi();
  return (
    <>
      <H1>{t('cases.title')}</H1>
      <P>{t('cases.empty')}</P>
    </>
  );
}
