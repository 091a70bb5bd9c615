import type { Context, Hono } from 'hono';
import { declineProposal } from '../../domain/learning/decline-proposal.js';
import { dilemmaFormFields, type DilemmaForm } from '../../domain/learning/dilemma-form.js';
import { openProposal } from '../../domain/learning/open-proposal.js';
import { saveDilemma } from '../../domain/learning/save-dilemma.js';
import { setDilemmaMinimum } from '../../domain/learning/set-dilemma-minimum.js';
import { setDilemmaStatus } from '../../domain/learning/set-dilemma-status.js';
import { viewCuratedLibrary, viewDilemmaEditor, viewProposalEditor } from '../../domain/learning/view-curated-library.js';
import type { Services } from '../../services.js';
import { CuratedLibraryPage, DilemmaEditorPage } from '../../views/pages/learning/curation-pages.js';
import type { AppEnv } from '../env.js';
import { render } from '../render.js';
import { handleForm, list, readForm, redirectTo, text, type FormValues } from './form-input.js';
import { requireStaff } from './require-staff.js';

const dilemmaFormOf = (form: FormValues): DilemmaForm => ({
  ...(Object.fromEntries(dilemmaFormFields.map((name) => [name, text(form, name)])) as Record<(typeof dilemmaFormFields)[number], string>),
  themes: list(form, 'themes'),
  roleTags: list(form, 'roleTags'),
});

// The ethics panel curates the library: writes, edits, publishes and withdraws dilemmas, and
// rewrites what employees and teams submitted before anything of it is published.
export function libraryPages(app: Hono<AppEnv>, s: Services) {
  const libraryPage = async (c: Context<AppEnv>) => {
    const actor = requireStaff(c, 'learning.curate');
    return <CuratedLibraryPage library={await viewCuratedLibrary(s, actor, c.get('lang'))} />;
  };

  app.get('/staff/library', async (c) => render(c, c.get('t')('learning.curate.title'), await libraryPage(c)));

  app.post('/staff/library/minimum', async (c) => {
    const actor = requireStaff(c, 'learning.curate');
    const form = await readForm(c);
    return handleForm(
      c,
      async () => {
        await setDilemmaMinimum(s, actor, { minimum: text(form, 'minimum') });
        return redirectTo(c, '/staff/library');
      },
      { title: c.get('t')('learning.curate.title'), body: () => libraryPage(c) },
    );
  });

  app.get('/staff/library/new', async (c) => {
    const actor = requireStaff(c, 'learning.curate');
    return render(c, c.get('t')('learning.curate.new'), <DilemmaEditorPage editor={await viewDilemmaEditor(s, actor, null)} />);
  });

  app.post('/staff/library/new', async (c) => {
    const actor = requireStaff(c, 'learning.curate');
    const form = await readForm(c);
    const values = dilemmaFormOf(form);
    const fromProposal = text(form, 'fromProposal') || null;
    return handleForm(
      c,
      async () => redirectTo(c, `/staff/library/${await saveDilemma(s, actor, { id: null, fromProposal }, values)}`),
      {
        title: c.get('t')('learning.curate.new'),
        body: async () => <DilemmaEditorPage editor={{ id: null, status: 'draft', form: values }} fromProposal={fromProposal ? await openProposal(s, actor, fromProposal) : null} />,
      },
    );
  });

  app.get('/staff/library/proposals/:id', async (c) => {
    const actor = requireStaff(c, 'learning.curate');
    const { editor, proposal } = await viewProposalEditor(s, actor, c.req.param('id'));
    return render(c, c.get('t')('learning.curate.proposalText'), <DilemmaEditorPage editor={editor} fromProposal={proposal} />);
  });

  app.post('/staff/library/proposals/:id/decline', async (c) => {
    const actor = requireStaff(c, 'learning.curate');
    await declineProposal(s, actor, c.req.param('id'));
    return redirectTo(c, '/staff/library');
  });

  app.get('/staff/library/:id', async (c) => {
    const actor = requireStaff(c, 'learning.curate');
    return render(c, c.get('t')('learning.curate.edit'), <DilemmaEditorPage editor={await viewDilemmaEditor(s, actor, c.req.param('id'))} />);
  });

  app.post('/staff/library/:id', async (c) => {
    const actor = requireStaff(c, 'learning.curate');
    const values = dilemmaFormOf(await readForm(c));
    const id = c.req.param('id');
    return handleForm(
      c,
      async () => redirectTo(c, `/staff/library/${await saveDilemma(s, actor, { id, fromProposal: null }, values)}`),
      { title: c.get('t')('learning.curate.edit'), body: async () => <DilemmaEditorPage editor={{ ...(await viewDilemmaEditor(s, actor, id)), form: values }} /> },
    );
  });

  app.post('/staff/library/:id/status', async (c) => {
    const actor = requireStaff(c, 'learning.curate');
    await setDilemmaStatus(s, actor, c.req.param('id'), { status: text(await readForm(c), 'status') });
    return redirectTo(c, `/staff/library/${c.req.param('id')}`);
  });
}
