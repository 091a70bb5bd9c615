import type { Hono } from 'hono';
import type { Services } from '../../services.js';
import { getOrganisationLogo } from '../../domain/organisation/get-organisation-logo.js';
import { getOrganisationLook } from '../../domain/organisation/get-organisation-look.js';
import { themeStyleSheet } from '../../domain/organisation/organisation-look.js';
import { setOrganisationLook } from '../../domain/organisation/set-organisation-look.js';
import { LookPage } from '../../views/pages/look-page.js';
import type { AppEnv } from '../env.js';
import { organisationOf } from '../middleware/organisation.js';
import { render } from '../render.js';
import { handleForm, readFiles, readForm, redirectTo, text } from './form-input.js';
import { requireStaff } from './require-staff.js';

// An organisation's own look: its colours as NL Design System tokens and its logo, set by its
// administrator, served to its pages from this server (no other origin, as for every style).
export function lookPages(app: Hono<AppEnv>, s: Services) {
  app.get('/theme.css', (c) => {
    const css = themeStyleSheet(organisationOf(c).theme);
    return c.body(css, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'no-cache' });
  });

  app.get('/logo/:version', async (c) => {
    const logo = await getOrganisationLogo(s, organisationOf(c), c.req.param('version'));
    // A new logo gets a new number, so this address may be kept for good.
    return c.body(logo.bytes as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': logo.type, 'Cache-Control': 'public, max-age=31536000, immutable' });
  });

  app.get('/staff/settings/look', async (c) => {
    const actor = requireStaff(c, 'settings.manage');
    const look = await getOrganisationLook(s, actor);
    return render(c, c.get('t')('look.title'), <LookPage values={look} logoPath={look.logoPath} organisationName={look.organisationName} saved={c.req.query('saved') === '1'} />);
  });

  app.post('/staff/settings/look', async (c) => {
    const actor = requireStaff(c, 'settings.manage');
    const form = await readForm(c);
    const [logo] = await readFiles(c, 'logo');
    const input = { buttonColour: text(form, 'buttonColour'), linkColour: text(form, 'linkColour'), removeLogo: text(form, 'removeLogo') === 'yes', logo: logo ?? null };
    return handleForm(
      c,
      async () => {
        await setOrganisationLook(s, actor, input);
        return redirectTo(c, '/staff/settings/look?saved=1');
      },
      {
        title: c.get('t')('look.title'),
        body: async () => {
          const current = await getOrganisationLook(s, actor);
          return <LookPage values={input} logoPath={current.logoPath} organisationName={current.organisationName} />;
        },
      },
    );
  });
}
