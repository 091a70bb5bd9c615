import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Child } from 'hono/jsx';
import type { FieldError } from '../domain/errors.js';
import { Layout } from '../views/layout.js';
import { isLanguage, languages } from '../i18n/index.js';
import { logoPathOf } from '../domain/organisation/get-organisation-look.js';
import type { AppEnv } from './env.js';

/** Renders a full page in the common layout; a form that came back passes its field errors. */
export function render(
  c: Context<AppEnv>,
  title: string,
  body: Child,
  status: ContentfulStatusCode = 200,
  errors: FieldError[] = [],
) {
  const organisation = c.get('organisation');
  return c.html(
    <Layout
      title={errors.length ? `${c.get('t')('form.errorTitlePrefix')} ${title}` : title}
      lang={c.get('lang')}
      t={c.get('t')}
      href={c.get('href')}
      nonce={c.get('nonce')}
      session={c.get('session') ?? null}
      path={new URL(c.req.url).pathname}
      query={c.req.query()}
      csrfToken={c.get('csrfToken')}
      errors={errors}
      languages={organisation ? organisation.languages.filter(isLanguage) : languages}
      brand={organisation ? { name: organisation.name, logoPath: logoPathOf(organisation), themed: Object.keys(organisation.theme).length > 0 } : null}
    >
      {body}
    </Layout>,
    status,
  );
}
