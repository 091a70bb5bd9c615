import { questionnaires } from '../../db/schema.js';
import type { Services } from '../../services.js';
import { authorize, type Actor } from '../access/authorize.js';
import { AppError, type FieldError } from '../errors.js';
import { getRoute } from './get-route.js';
import { mailNotices } from '../admission/announce.js';
import { changedFields, recordTextChange } from '../admission/record-change.js';
import { definitionSchema, type QuestionnaireDefinition } from './questionnaire.js';

export type QuestionnaireForm = Record<string, string | string[] | undefined>;

const TEXT_LIMIT = 2000;

/**
 * Saves the administrator's edits as a new version: texts in both languages, the order of the
 * questions within each step, and optional questions switched on or off. Codes never change, and
 * reports keep pointing at the version they were given in.
 */
export async function updateQuestionnaire(s: Services, actor: Actor | null, routeCode: string, form: QuestionnaireForm): Promise<number> {
  authorize(actor, 'questionnaires.manage');
  const current = await getRoute(s, actor.organisationId, routeCode);
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
  let told: string[] = [];
  await s.db.transaction(async (tx) => {
    await tx.insert(questionnaires).values({ organisationId: actor.organisationId, routeCode, version, definition });
    told = await recordTextChange({ ...s, db: tx }, actor.organisationId, actor.userId, `questionnaire:${routeCode}:${version}`, changedFields(flattenTexts(current.definition), flattenTexts(definition)));
  });
  await mailNotices(s, told);
  return version;
}

/** Every text, switch and position of a questionnaire by a stable path, for the audit's before and after. */
function flattenTexts(definition: QuestionnaireDefinition): Record<string, string> {
  const out: Record<string, string> = {};
  for (const step of definition.steps) {
    step.questions.forEach((q, index) => {
      out[`${q.code}.position`] = String(index + 1);
      out[`${q.code}.enabled`] = String(q.enabled !== false);
      for (const lang of ['nl', 'en'] as const) {
        out[`${q.code}.label.${lang}`] = q.label[lang];
        if (q.help) out[`${q.code}.help.${lang}`] = q.help[lang];
        for (const option of q.options ?? []) out[`${q.code}.${option.code}.${lang}`] = option.label[lang];
      }
    });
  }
  return out;
}
