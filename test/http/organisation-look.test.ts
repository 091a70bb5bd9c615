import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, organisations } from '../../src/db/schema.js';
import { unsafeCreateOrganisation } from '../../src/domain/organisation/create-organisation.js';
import { FormClient, hiddenValue } from '../support/form-client.js';
import { solidPng } from '../support/images.js';
import { createStaff, logInAs } from '../support/staff.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// An organisation's own look: colours as NL Design System tokens and a logo, set by its
// administrator, checked for contrast and content, shown on its own pages and no other's.
let t: TestApp;
let admin: FormClient;
const OTHER = '/o/andere-dienst';

beforeAll(async () => {
  t = await createTestApp();
  await unsafeCreateOrganisation(t.services, { name: 'Andere Dienst', slug: 'andere-dienst' });
  admin = await logInAs(t, await createStaff(t, ['administrator']));
});
afterAll(() => t.close());

async function saveLook(fields: Record<string, string>, logo?: { name: string; bytes: Uint8Array }) {
  const page = await admin.get('/staff/settings/look');
  expect(page.status).toBe(200);
  return admin.postMultipart('/staff/settings/look', { buttonColour: '', linkColour: '', ...fields, _csrf: hiddenValue(page.html, '_csrf') }, logo ? [{ field: 'logo', ...logo }] : []);
}

const organisation = async () => (await t.services.db.select().from(organisations).where(eq(organisations.id, t.organisationId)))[0]!;

describe("an organisation's look", () => {
  it('shows the colours and the logo on every page of the organisation, without the file metadata', async () => {
    const saved = await saveLook({ buttonColour: '#154273', linkColour: '01689B' }, { name: 'logo.png', bytes: solidPng(8, 'AUTHOR-J.JANSEN-GPS') });
    expect(saved.status).toBe(303);
    expect((await admin.get(saved.location!)).html).toContain('De kleuren en het logo zijn opgeslagen.');
    const home = (await new FormClient(t).get('/')).html;
    expect(home).toContain('<link rel="stylesheet" href="/theme.css"/>');
    expect(home).toMatch(/<img class="app-logo" src="\/logo\/1" alt=""\/><span class="app-brand__organisation">Testorganisatie<\/span>/);
    const css = await new FormClient(t).get('/theme.css');
    expect(css.headers.get('content-type')).toContain('text/css');
    expect(css.html).toContain('--utrecht-button-primary-action-background-color: #154273;');
    expect(css.html).toContain('--utrecht-link-color: #01689b;');
    const logo = await new FormClient(t).get('/logo/1');
    expect(logo.status).toBe(200);
    expect(logo.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(logo.bytes).includes(Buffer.from('AUTHOR-J.JANSEN-GPS'))).toBe(false);
    expect(Buffer.from(logo.bytes).includes(Buffer.from('IDAT'))).toBe(true);
    expect((await new FormClient(t).get('/logo/2')).status).toBe(404);
    const [entry] = await t.services.db.select().from(auditLog).where(and(eq(auditLog.organisationId, t.organisationId), eq(auditLog.action, 'settings.look')));
    expect(entry!.detail).toMatchObject({ buttonColour: '#154273', linkColour: '#01689b', logo: 'new' });
  });

  it("does not show one organisation's look on another's pages", async () => {
    const other = (await new FormClient(t, undefined, OTHER).get('/')).html;
    expect(other).toContain('Andere Dienst');
    expect(other).not.toContain('theme.css');
    expect(other).not.toContain('app-logo');
    expect((await new FormClient(t, undefined, OTHER).get('/logo/1')).status).toBe(404);
    expect((await new FormClient(t, undefined, OTHER).get('/theme.css')).html).toBe('');
  });

  it('refuses a colour that is too light to read or not a colour, keeps what was typed and changes nothing', async () => {
    const before = await organisation();
    const light = await saveLook({ buttonColour: '#ffff00', linkColour: 'red;}body{display:none' });
    expect(light.status).toBe(422);
    expect(light.html).toContain('Deze kleur is te licht');
    expect(light.html).toContain('Vul een kleur in als # met zes tekens');
    expect(light.html).toContain('value="#ffff00"');
    expect((await organisation()).theme).toEqual(before.theme);
  });

  it('refuses a logo that is not a PNG or JPEG by its content, or too large, on the form itself', async () => {
    const fake = await saveLook({ buttonColour: '#154273' }, { name: 'logo.png', bytes: new TextEncoder().encode('<svg onload="alert(1)"></svg>') });
    expect(fake.status).toBe(422);
    expect(fake.html).toContain('Het logo moet een PNG- of JPEG-bestand zijn.');
    const large = await saveLook({ buttonColour: '#154273' }, { name: 'groot.png', bytes: solidPng(8, 'x'.repeat(250 * 1024)) });
    expect(large.status).toBe(422);
    expect(large.html).toContain('Het logo is groter dan 200 kB.');
    expect((await organisation()).logoVersion).toBe(1);
  });

  it('writes only allowed tokens with colour values into the style sheet, whatever the database holds', async () => {
    await t.services.db
      .update(organisations)
      .set({ theme: { '--utrecht-link-color': 'red;}body{display:none', 'background-image': 'url(https://elders.example/x)', '--utrecht-button-primary-action-background-color': '#0b3d5c' } })
      .where(eq(organisations.id, t.organisationId));
    const css = (await new FormClient(t).get('/theme.css')).html;
    expect(css).toBe('.utrecht-theme {\n  --utrecht-button-primary-action-background-color: #0b3d5c;\n}\n');
  });

  it('removes the logo, and a later logo gets an address never used before', async () => {
    expect((await saveLook({ removeLogo: 'yes' })).status).toBe(303);
    expect((await new FormClient(t).get('/')).html).not.toContain('app-logo');
    expect((await new FormClient(t).get('/logo/1')).status).toBe(404);
    expect((await saveLook({}, { name: 'nieuw.png', bytes: solidPng(4) })).status).toBe(303);
    expect((await new FormClient(t).get('/')).html).toContain('src="/logo/2"');
    // Empty colours: the standard look, and no style sheet link at all.
    expect((await new FormClient(t).get('/')).html).not.toContain('theme.css');
  });
});
