import { createMiddleware } from 'hono/factory';
import { isLanguage, translator, type Language } from '../../i18n/index.js';
import type { AppEnv } from '../env.js';

/**
 * The language comes from ?lang= (links and forms carry it), else the default of the request's
 * organisation (middleware/organisation.ts), else Dutch. No cookie: a reporter's browser keeps nothing of a visit.
 */
export function language() {
  return createMiddleware<AppEnv>((c, next) => {
    const organisation = c.get('organisation');
    // A language the organisation does not offer is not served: its default instead.
    const query = c.req.query('lang');
    const requested = isLanguage(query) && (!organisation || organisation.languages.includes(query)) ? query : undefined;
    let lang: Language = 'nl';
    if (requested) lang = requested;
    else if (isLanguage(organisation?.defaultLanguage)) lang = organisation.defaultLanguage;
    const explicit = requested !== undefined;
    // Internal links stay under the organisation's own address when the request came in under it.
    c.set('lang', lang);
    c.set('t', translator(lang));
    c.set('href', (path: string) => {
      const prefix = c.get('organisationPrefix');
      const local = prefix && path.startsWith('/') ? `${prefix}${path}` : path;
      return explicit ? `${local}${local.includes('?') ? '&' : '?'}lang=${lang}` : local;
    });
    return next();
  });
}
