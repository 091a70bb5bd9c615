import { useUi } from '../ui-context.js';
import { H2, Item, List, P } from './text.js';

// The contact details of the routes outside the organisation, as the organisations publish them
// themselves (checked December 2026 against huisvoorklokkenluiders.nl and nationaleombudsman.nl).
// Only what could be checked is here: a union's number depends on the person's own union.
export const EXTERNAL_CONTACTS = {
  huis: { website: 'https://www.huisvoorklokkenluiders.nl/', phone: '088 133 10 00', tel: '+31881331000', post: 'Postbus 85860, 2508 CJ Den Haag' },
  ombudsman: { website: 'https://www.nationaleombudsman.nl/', phone: '0800 33 55 555', tel: '+318003355555', post: 'Postbus 93122, 2509 AC Den Haag' },
} as const;

/** The routes outside the organisation, always shown: no single channel may be the only one. */
export function ExternalRoutes() {
  const { t } = useUi();
  return (
    <section aria-labelledby="external-routes">
      <H2 id="external-routes">{t('external.title')}</H2>
      <P>{t('external.intro')}</P>
      <List>
        {(['huis', 'ombudsman'] as const).map((key) => {
          const contact = EXTERNAL_CONTACTS[key];
          return (
            <Item>
              <strong>{t(`external.${key}.name`)}</strong>: {t(`external.${key}.when`)}
              <br />
              {/* noreferrer: the other site is not told that the person came from here. */}
              <a class="utrecht-link" href={contact.website} rel="noreferrer noopener">
                {new URL(contact.website).hostname}
              </a>
              {' · '}
              {t('external.phone')}{' '}
              <a class="utrecht-link" href={`tel:${contact.tel}`}>
                {contact.phone}
              </a>
              {key === 'ombudsman' ? ` (${t('external.free')})` : null}
              {' · '}
              {t('external.post')} {contact.post}
            </Item>
          );
        })}
        <Item>
          <strong>{t('external.unions.name')}</strong>: {t('external.unions.when')} {t('external.unions.contact')}
        </Item>
      </List>
      <P>{t('external.private')}</P>
    </section>
  );
}
