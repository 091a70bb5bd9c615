import type { Shown, TimelineEntry } from '../../domain/cases/timeline.js';
import { formatDate } from '../../i18n/format-date.js';
import type { Language, Translate } from '../../i18n/index.js';
import { formatDateTime } from '../format.js';
import { useUi } from '../ui-context.js';

/** A timeline value in words; shared with the PDF of the case file, so both say the same. */
export function shownText(t: Translate, lang: Language, value: Shown): string {
  if ('text' in value) return value.text;
  if ('date' in value) return formatDate(value.date, lang);
  return t(value.key, value.params);
}

/** The internal timeline: what each entry is, who wrote it and when, and what it says. */
export function Timeline(props: { entries: readonly TimelineEntry[]; timeZone: string }) {
  const { t, lang } = useUi();
  return (
    <ol class="app-thread" data-testid="timeline">
      {props.entries.map((entry) => (
        <li class="app-message app-message--note">
          <p class="utrecht-paragraph app-message-meta">
            <strong>{t(entry.title)}</strong> · {entry.author ?? t('audit.actor.staff')} · {formatDateTime(entry.at, lang, props.timeZone)}
          </p>
          <dl class="app-answers">
            {entry.facts.map((fact) => (
              <>
                <dt>{t(fact.label)}</dt>
                <dd class="app-answer-text">{shownText(t, lang, fact.value)}</dd>
              </>
            ))}
          </dl>
        </li>
      ))}
    </ol>
  );
}
