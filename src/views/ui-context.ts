import { createContext, useContext } from 'hono/jsx';
import type { Language, Translate } from '../i18n/index.js';
import type { FieldError } from '../domain/errors.js';

// What every component needs to render for this request: the translator, link and CSRF helpers,
// and the field errors of a form that came back.
export interface Ui {
  lang: Language;
  t: Translate;
  href: (path: string) => string;
  csrf: (action: string) => string;
  errors: FieldError[];
}

export const UiContext = createContext<Ui | null>(null);

export function useUi(): Ui {
  const ui = useContext(UiContext);
  if (!ui) throw new Error('UiContext missing: render components inside Layout');
  return ui;
}
