import type { Context, Hono } from 'hono';
import { AppError, type FieldError } from '../../domain/errors.js';
import type { SurveyQuestion } from '../../domain/surveys/questions.js';
import { applySection, openSurveyDraft, sealSurveyDraft, sectionsFor, startWithCode, startWithOpenLink, submitSurveyResponse, type Section, type SurveyDraft } from '../../domain/surveys/respond.js';
import { getWaveDefinition } from '../../domain/surveys/waves.js';
import type { Services } from '../../services.js';
import { SurveyCodePage, SurveySectionPage, SurveyThanksPage } from '../../views/pages/surveys/respondent-pages.js';
import type { AppEnv } from '../env.js';
import { render } from '../render.js';
import { handleForm, readForm, text } from './form-input.js';

// The respondent's side: a code (or the open link), one page per section, then thanks. No cookie,
// no log of answers; the draft rides sealed in the form and the code is used up only on "send".
export function surveyPages(app: Hono<AppEnv>, s: Services) {
  const title = (c: Context<AppEnv>) => c.get('t')('survey.title');

  async function section(c: Context<AppEnv>, draft: SurveyDraft, at: Section, errors: FieldError[] = []) {
    const wave = await getWaveDefinition(s, draft.waveId);
    const sections = sectionsFor(wave.questions, draft);
    const position = Math.max(0, sections.indexOf(at));
    return render(
      c,
      title(c),
      <SurveySectionPage
        questions={wave.questions}
        section={sections[position]!}
        sealedDraft={sealSurveyDraft(s, draft)}
        draft={draft}
        position={position + 1}
        total={sections.length}
        organisations={draft.codeHash ? undefined : wave.organisations.map((o) => ({ id: o.id, name: o.name }))}
      />,
      errors.length ? 422 : 200,
      errors,
    );
  }

  app.get('/survey', (c) => render(c, title(c), <SurveyCodePage />));

  app.post('/survey/start', async (c) => {
    const code = text(await readForm(c), 'code');
    return handleForm(c, async () => section(c, await startWithCode(s, code), 'statements'), { title: title(c), body: () => <SurveyCodePage code={code} /> });
  });

  app.get('/survey/open/:token', async (c) => section(c, await startWithOpenLink(s, c.req.param('token')), 'statements'));

  app.post('/survey', async (c) => {
    const form = await readForm(c);
    const draft = openSurveyDraft(s, text(form, '_draft'));
    // An expired or altered draft: nothing was stored, so say so and start again.
    if (!draft) throw new AppError('token_invalid');
    const wave = await getWaveDefinition(s, draft.waveId);
    const questions: SurveyQuestion[] = wave.questions;
    const at = text(form, '_at') as Section;
    const errors = applySection(questions, draft, at, form);
    if (at === 'background' && !draft.codeHash) {
      const chosen = text(form, 'organisationId');
      if (wave.organisations.some((o) => o.id === chosen)) draft.organisationId = chosen;
      else errors.push({ field: 'organisationId', message: 'errors.survey.organisation' });
    }
    const sections = sectionsFor(questions, draft);
    const index = sections.indexOf(at);
    const go = text(form, '_go');
    if (go === 'back') return section(c, draft, sections[Math.max(0, index - 1)]!);
    if (errors.length > 0 || index < 0) return section(c, draft, index < 0 ? sections[0]! : at, errors);
    if (go === 'send' && index === sections.length - 1) {
      try {
        await submitSurveyResponse(s, questions, draft);
      } catch (error) {
        if (error instanceof AppError && error.fieldErrors.length > 0) return section(c, draft, at, error.fieldErrors);
        throw error;
      }
      return render(c, c.get('t')('survey.thanks.title'), <SurveyThanksPage />, 201);
    }
    return section(c, draft, sections[Math.min(sections.length - 1, index + 1)]!);
  });
}
