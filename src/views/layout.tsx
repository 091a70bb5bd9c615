import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import type { StaffSession } from '../domain/sessions/resolve-session.js';
import type { Language, Translate } from '../i18n/index.js';
import type { FieldError } from '../domain/errors.js';
import { UiContext, type Ui } from './ui-context.js';
import { LanguageSwitch } from './components/language-switch.js';
import { StaffNavigation } from './components/staff-navigation.js';

export interface LayoutProps {
  title: string;
  lang: Language;
  t: Translate;
  href: (path: string) => string;
  nonce: string;
  session: StaffSession | null;
  path: string;
  query: Record<string, string>;
  csrfToken: (action: string) => string;
  errors?: FieldError[];
  /** The organisation whose pages these are: its name, logo and own colours; null at the platform's address. */
  brand: { name: string; logoPath: string | null; themed: boolean } | null;
  /** The languages the organisation offers: the switch shows only these, and none when there is one. */
  languages: readonly Language[];
  children?: Child;
}

/** A neutral public site (the national weather institute) for the quick-exit button. */
export const QUICK_EXIT_URL = 'https://www.knmi.nl/';
const QUICK_EXIT_SCRIPT = `document.querySelectorAll('.app-quick-exit').forEach(function (a) { a.addEventListener('click', function (e) { e.preventDefault(); window.location.replace(a.href); }); });`;

export function Layout(props: LayoutProps) {
  const { t } = props;
  const ui: Ui = { lang: props.lang, t, href: props.href, csrf: props.csrfToken, errors: props.errors ?? [] };
  return (
    <>
      {raw('<!doctype html>')}
      <html lang={props.lang} class="utrecht-theme">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="referrer" content="no-referrer" />
          <title>{`${props.title} · ${t('app.name')}`}</title>
          <link rel="stylesheet" href="/assets/tokens.css" />
          <link rel="stylesheet" href="/assets/utrecht.css" />
          <link rel="stylesheet" href="/assets/app.css" />
          {props.brand?.themed ? <link rel="stylesheet" href={props.href('/theme.css')} /> : null}
        </head>
        <body class="utrecht-document utrecht-document--surface">
          <UiContext.Provider value={ui}>
            <a class="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#main">
              {t('layout.skipLink')}
            </a>
            <div class="utrecht-page app-page">
              <header class="utrecht-page-header app-header">
                <a class="utrecht-link app-brand" href={props.href('/')}>
                  {props.brand?.logoPath ? <img class="app-logo" src={props.href(props.brand.logoPath)} alt="" /> : null}
                  {props.brand ? <span class="app-brand__organisation">{props.brand.name}</span> : null}
                  <span class="app-brand__name">{t('app.name')}</span>
                </a>
                {props.languages.length > 1 ? <LanguageSwitch path={props.path} query={props.query} /> : null}
                {props.session ? (
                  <StaffNavigation session={props.session} />
                ) : (
                  // For someone who may be watched: leave at once for a neutral site, and return with the receipt.
                  <nav class="app-reporter-nav" aria-label={t('layout.reporterNav.label')}>
                    <ul class="app-inline-list">
                      <li>
                        <a class="utrecht-link" href={props.href('/receipt')}>{t('layout.haveReceipt')}</a>
                      </li>
                      <li>
                        <a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action app-quick-exit" href="/exit" rel="noreferrer noopener">
                          {t('layout.quickExit')}
                        </a>
                      </li>
                    </ul>
                  </nav>
                )}
              </header>
              <main id="main" class="utrecht-page-content app-main" tabindex={-1}>
                {props.children}
              </main>
              <footer class="app-footer">
                <p class="utrecht-paragraph utrecht-paragraph--small">{t('layout.footer.privacy')}</p>
              </footer>
            </div>
          </UiContext.Provider>
          {props.session ? null : (
            // Optional: with JavaScript the quick exit also replaces this page in the history, so Back does not return here.
            <script nonce={props.nonce}>{raw(QUICK_EXIT_SCRIPT)}</script>
          )}
        </body>
      </html>
    </>
  );
}
