import type { RouteReaders } from '../../domain/admission/route-readers.js';
import { formatDate } from '../../i18n/format-date.js';
import { roleLabel } from '../role-label.js';
import { useUi } from '../ui-context.js';
import { Item, List, P } from './text.js';

/**
 * Exactly the people a new report on this route is encrypted for, from the commission's own signed
 * admissions (not from the roles the administrator hands out), with a short key fingerprint that
 * anyone can compare with what the commission publishes.
 */
export function RouteReadersList(props: { readers: RouteReaders | undefined; headingId: string }) {
  const { t, lang } = useUi();
  const readers = props.readers?.readers ?? [];
  return (
    <div class="app-route-readers">
      <p class="utrecht-paragraph" id={props.headingId}>
        <strong>{t('readers.title')}</strong>
      </p>
      {readers.length === 0 ? (
        <P>{t('readers.none')}</P>
      ) : (
        <List>
          {readers.map((r) => (
            <Item>
              {t('readers.item', { name: r.displayName, roles: r.roles.map((role) => roleLabel(t, role)).join(', ') })} <span class="app-fingerprint">{t('readers.fingerprint', { fingerprint: r.fingerprint })}</span>
            </Item>
          ))}
        </List>
      )}
      {props.readers?.root && readers.length > 0 ? (
        <P>{t('readers.root', { name: props.readers.root.founderName, date: formatDate(props.readers.root.admittedOn, lang), fingerprint: props.readers.root.fingerprint })}</P>
      ) : null}
    </div>
  );
}
