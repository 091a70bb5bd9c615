import type { Context, Hono } from 'hono';
import { organisationIdOf } from '../middleware/organisation.js';
import { assessSelfCheck, selfCheckAnswersSchema, type SelfCheckAnswers } from '../../domain/self-check/assess.js';
import { prefillFromSelfCheck, prefillRoutes } from '../../domain/self-check/prefill.js';
import { selfCheckQuestions } from '../../domain/self-check/questions.js';
import { AppError } from '../../domain/errors.js';
import { getRoute } from '../../domain/routes/get-route.js';
import { validate } from '../../domain/validate.js';
import type { Services } from '../../services.js';
import { SelfCheckPage } from '../../views/pages/self-check/self-check-page.js';
import { SelfCheckResultPage, type CarryOption } from '../../views/pages/self-check/self-check-result-page.js';
import type { AppEnv } from '../env.js';
import { render } from '../render.js';
import { list, readForm, text, type FormValues } from './form-input.js';

/** The self-check's answers from a posted form; each page sends all answers so far. */
export function selfCheckAnswersFrom(form: FormValues): SelfCheckAnswers {
  const raw = Object.fromEntries(selfCheckQuestions.map((q) => [q.code, q.multiple ? list(form, q.code) : text(form, q.code) || undefined]));
  return validate(selfCheckAnswersSchema, raw);
}

// "Is dit oneigenlijke druk?" Nothing is stored and nothing is logged: every page carries the
// answers so far in the form itself, and the result is computed and shown, then forgotten.
export function selfCheckPages(app: Hono<AppEnv>, s: Services) {
  const title = (c: Context<AppEnv>) => c.get('t')('selfCheck.title');

  app.get('/self-check', (c) => render(c, title(c), <SelfCheckPage group="criteria" answers={{}} />));

  app.post('/self-check', async (c) => {
    const form = await readForm(c);
    let answers: SelfCheckAnswers;
    try {
      answers = selfCheckAnswersFrom(form);
    } catch (error) {
      // Only a forged or damaged form gets here: start again rather than guess.
      if (error instanceof AppError) return render(c, title(c), <SelfCheckPage group="criteria" answers={{}} />, 422, [{ field: 'form', message: 'errors.selfCheck.invalid' }]);
      throw error;
    }
    const step = text(form, '_step');
    const go = text(form, '_go');
    if (step === 'criteria' && go === 'next') return render(c, title(c), <SelfCheckPage group="seriousness" answers={answers} />);
    if (step === 'seriousness' && go === 'back') return render(c, title(c), <SelfCheckPage group="criteria" answers={answers} />);
    if (step !== 'seriousness') return render(c, title(c), <SelfCheckPage group="criteria" answers={answers} />);
    const lang = c.get('lang');
    const carry: CarryOption[] = [];
    for (const route of prefillRoutes) {
      try {
        const rq = await getRoute(s, organisationIdOf(c), route);
        carry.push({ route, routeName: rq.route.name[lang], definition: rq.definition, prefilled: prefillFromSelfCheck(route, rq.definition, answers, lang) });
      } catch (error) {
        // A route switched off is simply not offered.
        if (!(error instanceof AppError)) throw error;
      }
    }
    return render(c, c.get('t')('selfCheck.result.title'), <SelfCheckResultPage answers={answers} assessment={assessSelfCheck(answers)} carry={carry} />);
  });
}
