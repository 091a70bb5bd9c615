import { createMiddleware } from 'hono/factory';
import { getOrganisation } from '../../domain/organisation/get-organisation.js';
import { isLanguage, translator, type Language } from '../../i18n/index.js';
import type { Services } from '../../services.js';
import type { AppEnv } from '../env.js';

/**
 * The language comes from ?lang= (links and forms carry it), else the organisation's default,
 * else Dutch. No cookie: a reporter's browser keeps nothing of a visit.
 */
export function language(s: Pick<Services, 'db'>) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const requested = c.req.query('lang');
    let lang: Language = 'nl';
    if (isLanguage(requested)) lang = requested;
    else if (!c.req.path.startsWith('/assets/')) {
      const organisation = await getOrganisation(s).catch(() => null);
      if (isLanguage(organisation?.defaultLanguage)) lang = organisation.defaultLanguage;
    }
    const explicit = isLanguage(requested);
    c.set('lang', lang);
    c.set('t', translator(lang));
    c.set('href', (path: string) => (explicit ? `${path}${path.includes('?') ? '&' : '?'}lang=${lang}` : path));
    await next();
  });
}
