import type { Hono } from 'hono';
import type { Services } from '../../services.js';
import { getLetter, listLetters } from '../../domain/letters/list-letters.js';
import { saveLetter } from '../../domain/letters/save-letter.js';
import { LetterEditPage, LettersPage } from '../../views/pages/letters-page.js';
import type { AppEnv } from '../env.js';
import { render } from '../render.js';
import { handleForm, readForm, redirectTo, text } from './form-input.js';
import { requireStaff } from './require-staff.js';

// The commission's standard letters: read and changed by its secretariat and its chair.
export function letterPages(app: Hono<AppEnv>, s: Services) {
  app.get('/staff/letters', async (c) => {
    const actor = requireStaff(c, 'letters.edit');
    return render(c, c.get('t')('letters.title'), <LettersPage letters={await listLetters(s, actor)} saved={c.req.query('saved') === '1'} />);
  });

  app.get('/staff/letters/:kind/:language', async (c) => {
    const actor = requireStaff(c, 'letters.edit');
    const letter = await getLetter(s, actor, c.req.param('kind'), c.req.param('language'));
    return render(c, c.get('t')('letters.title'), <LetterEditPage letter={letter} />);
  });

  app.post('/staff/letters/:kind/:language', async (c) => {
    const actor = requireStaff(c, 'letters.edit');
    const form = await readForm(c);
    const input = { body: text(form, 'body'), reset: text(form, 'reset') === 'yes' };
    const { kind, language } = c.req.param();
    return handleForm(
      c,
      async () => {
        await saveLetter(s, actor, kind, language, input);
        return redirectTo(c, '/staff/letters?saved=1');
      },
      { title: c.get('t')('letters.title'), body: async () => <LetterEditPage letter={await getLetter(s, actor, kind, language)} body={input.body} /> },
    );
  });
}
