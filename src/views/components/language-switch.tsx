import { languages } from '../../i18n/index.js';
import { useUi } from '../ui-context.js';

/** Links to this same page in the other language; the choice travels in the URL, not a cookie. */
export function LanguageSwitch(props: { path: string; query: Record<string, string> }) {
  const { lang, t } = useUi();
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
                <a class="utrecht-link" href={`${props.path}?${params.toString()}`} hreflang={option} lang={option}>
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
