import type { Hono } from 'hono';
import { dossierRequest } from '../../domain/dossier/dossier-request.js';
import { produceDossier } from '../../domain/dossier/produce-dossier.js';
import { downloadDossierAttachments, readDossier } from '../../domain/dossier/read-dossier.js';
import type { Services } from '../../services.js';
import { DossierPage } from '../../views/pages/dossier/dossier-page.js';
import { DossierRequestPage } from '../../views/pages/dossier/dossier-request-page.js';
import { dossierPdf } from '../../views/pdf/dossier-pdf.js';
import type { AppEnv } from '../env.js';
import { render } from '../render.js';
import { sendFile } from '../send-file.js';
import { handleForm, readForm, redirectTo, text } from './form-input.js';
import { requireStaff } from './require-staff.js';

// The case file: asked for with a reason, then printed, or downloaded as a PDF and a zip of attachments.
export function dossierPages(app: Hono<AppEnv>, s: Services) {
  app.get('/staff/cases/:id/dossier', async (c) => {
    const actor = requireStaff(c, 'cases.dossier');
    const request = await dossierRequest(s, actor, c.req.param('id'));
    return render(c, c.get('t')('dossier.request.title', { number: request.number }), <DossierRequestPage {...request} />);
  });

  app.post('/staff/cases/:id/dossier', async (c) => {
    const actor = requireStaff(c, 'cases.dossier');
    const caseId = c.req.param('id');
    const form = await readForm(c);
    const input = { purpose: text(form, 'purpose'), reason: text(form, 'reason') };
    return handleForm(
      c,
      async () => {
        const dossierId = await produceDossier(s, actor, caseId, input);
        return redirectTo(c, `/staff/cases/${caseId}/dossier/${dossierId}`);
      },
      {
        title: c.get('t')('dossier.request.submit'),
        body: async () => <DossierRequestPage {...await dossierRequest(s, actor, caseId)} form={input} />,
      },
    );
  });

  app.get('/staff/cases/:id/dossier/:dossierId', async (c) => {
    const actor = requireStaff(c, 'cases.dossier');
    const model = await readDossier(s, actor, c.req.param('id'), c.req.param('dossierId'), 'page');
    return render(c, c.get('t')('dossier.title', { number: model.view.number }), <DossierPage model={model} />);
  });

  app.get('/staff/cases/:id/dossier/:dossierId/pdf', async (c) => {
    const actor = requireStaff(c, 'cases.dossier');
    const model = await readDossier(s, actor, c.req.param('id'), c.req.param('dossierId'), 'pdf');
    return sendFile(c, { name: `${model.view.number}.pdf`, mime: 'application/pdf', bytes: await dossierPdf(model, c.get('lang')) });
  });

  app.get('/staff/cases/:id/dossier/:dossierId/attachments', async (c) => {
    const actor = requireStaff(c, 'cases.dossier');
    return sendFile(c, await downloadDossierAttachments(s, actor, c.req.param('id'), c.req.param('dossierId')));
  });
}
