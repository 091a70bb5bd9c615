import { questionnaires } from '../../db/schema.js';
import type { Services } from '../../services.js';
import { authorize, type Actor } from '../access/authorize.js';
import { AppError, type FieldError } from '../errors.js';
import { getRoute } from './get-route.js';
import { definitionSchema, type QuestionnaireDefinition } from './questionnaire.js';

export type QuestionnaireForm = Record<string, string | string[] | undefined>;

const TEXT_LIMIT = 2000;

/**
 * Saves the administrator's edits as a new version: texts in both languages, the order of the
 * questions within each step, and optional questions switched on or off. Codes never change, and
 * reports keep pointing at the version they were given in.
 */
export async function updateQuestionnaire(s: Pick<Services, 'db'>, actor: Actor | null, routeCode: string, form: QuestionnaireForm): Promise<number> {
  authorize(actor, 'questionnaires.manage');
  const current = await getRoute(s, routeCode);
  const errors: FieldError[] = [];
  const value = (name: string) => {
    const v = form[name];
    return (Array.isArray(v) ? v[0] : v)?.trim() ?? '';
  };
  const text = (name: string, required: boolean) => {
    const v = value(name);
    if (required && !v) errors.push({ field: name, message: 'errors.field.required' });
    if (v.length > TEXT_LIMIT) errors.push({ field: name, message: 'errors.field.tooLong' });
    return v;
  };

  const next: QuestionnaireDefinition = {
    steps: current.definition.steps.map((step) => ({
      ...step,
      questions: step.questions
        .map((question, index) => {
          const key = `q.${question.code}`;
          const helpNl = text(`${key}.help.nl`, false);
          const helpEn = text(`${key}.help.en`, false);
          if (!!helpNl !== !!helpEn) errors.push({ field: `${key}.help.${helpNl ? 'en' : 'nl'}`, message: 'errors.questionnaire.bothLanguages' });
          const position = Number.parseInt(value(`${key}.position`) || String(index + 1), 10);
          return {
            position: Number.isFinite(position) ? position : index + 1,
            index,
            question: {
              ...question,
              label: { nl: text(`${key}.label.nl`, true), en: text(`${key}.label.en`, true) },
              ...(helpNl && helpEn ? { help: { nl: helpNl, en: helpEn } } : { help: undefined }),
              // A required question cannot be switched off: the report would lose its core.
              enabled: question.required ? true : value(`${key}.enabled`) === 'on',
              options: question.options?.map((option) => ({
                ...option,
                label: { nl: text(`o.${question.code}.${option.code}.nl`, true), en: text(`o.${question.code}.${option.code}.en`, true) },
              })),
            },
          };
        })
        .sort((a, b) => a.position - b.position || a.index - b.index)
        .map(({ question }) => {
          const { help, options, ...rest } = question;
          return { ...rest, ...(help ? { help } : {}), ...(options ? { options } : {}) };
        }),
    })),
  };
  if (errors.length > 0) throw new AppError('validation', errors);
  const definition = definitionSchema.parse(next);
  const version = current.version + 1;
  await s.db.insert(questionnaires).values({ routeCode, version, definition });
  return version;
}
