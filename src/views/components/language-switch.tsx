import { languages } from '../../i18n/index.js';
import { useUi } from '../ui-context.js';

/**
 * The request's path as a link that always stays on this site: "//evil.example/x" or "/\\evil.example/x"
 * (which a browser reads as another host) become "/evil.example/x"; control characters, which
 * browsers drop before reading a URL, are removed first.
 */
export function sameOriginPath(path: string): string {
  // eslint-disable-next-line no-control-regex
  return `/${path.replace(/[\u0000-\u001f\u007f]/g, '').replace(/^[\\/]+/, '')}`;
}

/** Links to this same page in the other language; the choice travels in the URL, not a cookie. */
export function LanguageSwitch(props: { path: string; query: Record<string, string> }) {
  const { lang, t } = useUi();
  const path = sameOriginPath(props.path);
  return (
    <nav class="app-language" aria-label={t('layout.language.label')}>
      <ul class="app-inline-list">
        {languages.map((option) => {
          const params = new URLSearchParams({ ...props.query, lang: option });
          const label = option === 'nl' ? 'Nederlands' : 'English';
          return (
            <li>
              {option === lang ? (
                <span aria-current="true" lang={option}>{label}</span>
              ) : (
                <a class="utrecht-link" href={`${path}?${params.toString()}`} hreflang={option} lang={option}>
                  {label}
                </a>
              )}
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
