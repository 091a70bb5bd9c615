import type { Hono } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { conversationGuides } from '../../domain/learning/conversation-guides.js';
import { joinTeamSession } from '../../domain/learning/join-team-session.js';
import { listDilemmas } from '../../domain/learning/list-dilemmas.js';
import { chooseOption } from '../../domain/learning/choose-option.js';
import { reflectOnDilemma } from '../../domain/learning/reflect-on-dilemma.js';
import { showDilemma } from '../../domain/learning/show-dilemma.js';
import { submitDilemma } from '../../domain/learning/submit-dilemma.js';
import { viewTeamParticipant } from '../../domain/learning/view-team-participant.js';
import { voteInRound } from '../../domain/learning/vote-in-round.js';
import type { Services } from '../../services.js';
import { DilemmaPlayPage, DilemmaSubmittedPage, LibraryPage, ReflectionPage, SubmitDilemmaPage } from '../../views/pages/learning/library-pages.js';
import { GuideIndexPage, GuidePage } from '../../views/pages/learning/guide-pages.js';
import { JoinPage, ParticipantPage } from '../../views/pages/learning/team-pages.js';
import type { AppEnv } from '../env.js';
import { organisationIdOf, organisationOf } from '../middleware/organisation.js';
import { render } from '../render.js';
import { handleForm, readForm, redirectTo, text } from './form-input.js';

export function teamCookieName(secure: boolean): string {
  return secure ? '__Host-tegenspraak-team' : 'tegenspraak-team';
}

// Learning for everyone at the organisation, without an account: the dilemma library (played alone,
// nothing kept but a count), a team session joined with a code, and the good-conversation guides.
// The only cookie is the one a person asks for by joining a team session: a random token that lets
// this browser vote once per round, gone when the browser closes or the session ends.
export function learningPages(app: Hono<AppEnv>, s: Services) {
  const teamCookie = teamCookieName(s.config.secureCookies);

  app.get('/dilemmas', async (c) => {
    const library = await listDilemmas(s, organisationIdOf(c), c.get('lang'), { theme: c.req.query('theme'), role: c.req.query('role') });
    return render(c, c.get('t')('learning.library.title'), <LibraryPage library={library} />);
  });

  app.get('/dilemmas/submit', (c) => render(c, c.get('t')('learning.submit.title'), <SubmitDilemmaPage values={{ situation: '', question: '' }} />));

  app.post('/dilemmas/submit', async (c) => {
    const form = await readForm(c);
    const values = { situation: text(form, 'situation'), question: text(form, 'question') };
    return handleForm(
      c,
      async () => {
        await submitDilemma(s, organisationIdOf(c), values, c.get('lang'));
        return redirectTo(c, '/dilemmas/submitted');
      },
      { title: c.get('t')('learning.submit.title'), body: () => <SubmitDilemmaPage values={values} /> },
    );
  });

  app.get('/dilemmas/submitted', (c) => render(c, c.get('t')('learning.submitted.title'), <DilemmaSubmittedPage />));

  app.get('/dilemmas/:id', async (c) => {
    const play = await showDilemma(s, organisationIdOf(c), c.req.param('id'), c.get('lang'));
    return render(c, play.dilemma.title, <DilemmaPlayPage play={play} />);
  });

  app.post('/dilemmas/:id', async (c) => {
    const form = await readForm(c);
    const id = c.req.param('id');
    return handleForm(
      c,
      async () => {
        await chooseOption(s, organisationIdOf(c), id, { option: text(form, 'option'), nonce: text(form, 'nonce') });
        // The choice stays out of the address (and so out of the browser's history).
        return redirectTo(c, `/dilemmas/${id}/reflection`);
      },
      { title: c.get('t')('learning.library.title'), body: async () => <DilemmaPlayPage play={await showDilemma(s, organisationIdOf(c), id, c.get('lang'))} /> },
    );
  });

  app.get('/dilemmas/:id/reflection', async (c) => {
    const reflection = await reflectOnDilemma(s, organisationIdOf(c), c.req.param('id'), c.get('lang'));
    return render(c, reflection.dilemma.title, <ReflectionPage reflection={reflection} />);
  });

  app.get('/join', (c) => render(c, c.get('t')('learning.join.title'), <JoinPage code={c.req.query('code')?.slice(0, 20) ?? ''} minimum={organisationOf(c).dilemmaMinCount} left={c.req.query('ended') === '1'} />));

  app.post('/join', async (c) => {
    const code = text(await readForm(c), 'code').slice(0, 40);
    return handleForm(
      c,
      async () => {
        const { token } = await joinTeamSession(s, organisationIdOf(c), { code });
        // A session cookie: gone when the browser closes, and worthless once the session ends.
        setCookie(c, teamCookie, token, { path: '/', httpOnly: true, secure: s.config.secureCookies, sameSite: 'Strict' });
        return redirectTo(c, '/team');
      },
      { title: c.get('t')('learning.join.title'), body: () => <JoinPage code={code} minimum={organisationOf(c).dilemmaMinCount} /> },
    );
  });

  app.get('/team', async (c) => {
    const view = await viewTeamParticipant(s, organisationIdOf(c), getCookie(c, teamCookie), c.get('lang'));
    // Kept as it is: it may belong to a session at another organisation on the platform.
    if (view.state === 'gone') return redirectTo(c, '/join?ended=1');
    return render(c, c.get('t')('learning.join.title'), <ParticipantPage view={view} />);
  });

  app.post('/team/vote', async (c) => {
    const form = await readForm(c);
    const token = getCookie(c, teamCookie);
    return handleForm(
      c,
      async () => {
        await voteInRound(s, organisationIdOf(c), token, { round: text(form, 'round'), option: text(form, 'option') });
        return redirectTo(c, '/team');
      },
      {
        title: c.get('t')('learning.join.title'),
        body: async () => {
          const view = await viewTeamParticipant(s, organisationIdOf(c), token, c.get('lang'));
          return view.state === 'gone' ? <JoinPage code="" minimum={organisationOf(c).dilemmaMinCount} left /> : <ParticipantPage view={view} />;
        },
      },
    );
  });

  app.get('/good-conversation', (c) => render(c, c.get('t')('learning.guide.title'), <GuideIndexPage />));
  app.get('/good-conversation/employee', (c) => render(c, conversationGuides.employee.title[c.get('lang')], <GuidePage guide={conversationGuides.employee} other="manager" />));
  app.get('/good-conversation/manager', (c) => render(c, conversationGuides.manager.title[c.get('lang')], <GuidePage guide={conversationGuides.manager} other="employee" />));
}
