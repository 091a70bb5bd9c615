import { AppError, type FieldError } from '../errors.js';
import { dilemmaContentSchema, type DilemmaContent } from './dilemma-content.js';

// The panel's form: each text in both languages; options and prompts one per line. The form's
// field names are these, so an error points at the field that holds it.
export type DilemmaForm = Record<(typeof textFields)[number] | (typeof lineFields)[number], string> & { themes: string[]; roleTags: string[] };

const textFields = ['titleNl', 'titleEn', 'situationNl', 'situationEn', 'questionNl', 'questionEn', 'valuesNl', 'valuesEn', 'rolesNl', 'rolesEn', 'pressureNl', 'pressureEn', 'reflectionNl', 'reflectionEn'] as const;
const lineFields = ['optionsNl', 'optionsEn', 'promptsNl', 'promptsEn'] as const;
export const dilemmaFormFields = [...textFields, ...lineFields] as const;

const lines = (text: string) => text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);

export function emptyDilemmaForm(): DilemmaForm {
  return { ...(Object.fromEntries(dilemmaFormFields.map((name) => [name, ''])) as Record<(typeof dilemmaFormFields)[number], string>), themes: [], roleTags: [] };
}

export function formOfContent(content: DilemmaContent): DilemmaForm {
  return {
    titleNl: content.title.nl,
    titleEn: content.title.en,
    situationNl: content.situation.nl,
    situationEn: content.situation.en,
    questionNl: content.question.nl,
    questionEn: content.question.en,
    valuesNl: content.values.nl,
    valuesEn: content.values.en,
    rolesNl: content.roles.nl,
    rolesEn: content.roles.en,
    pressureNl: content.pressure?.nl ?? '',
    pressureEn: content.pressure?.en ?? '',
    reflectionNl: content.reflection.nl,
    reflectionEn: content.reflection.en,
    optionsNl: content.options.map((o) => o.nl).join('\n'),
    optionsEn: content.options.map((o) => o.en).join('\n'),
    promptsNl: content.prompts.map((p) => p.nl).join('\n'),
    promptsEn: content.prompts.map((p) => p.en).join('\n'),
    themes: [...content.themes],
    roleTags: [...content.roleTags],
  };
}

// zod's issue path (e.g. ['options', 2, 'en']) back to the form field that holds it.
function fieldOf(path: readonly PropertyKey[]): string {
  const [top, second, third] = path.map(String);
  if (top === 'themes' || top === 'roleTags') return top;
  const lang = (top === 'options' || top === 'prompts' ? third : second) === 'en' ? 'En' : 'Nl';
  return `${top}${lang}`;
}

/** The content the form describes, or every field error at once. */
export function contentOfForm(form: DilemmaForm): DilemmaContent {
  const errors: FieldError[] = [];
  const optionsNl = lines(form.optionsNl);
  const optionsEn = lines(form.optionsEn);
  const promptsNl = lines(form.promptsNl);
  const promptsEn = lines(form.promptsEn);
  if (optionsNl.length !== optionsEn.length) errors.push({ field: 'optionsEn', message: 'errors.dilemma.bothLanguages' });
  if (promptsNl.length !== promptsEn.length) errors.push({ field: 'promptsEn', message: 'errors.dilemma.bothLanguages' });
  const pressure = form.pressureNl.trim() || form.pressureEn.trim() ? { nl: form.pressureNl, en: form.pressureEn } : null;
  const raw = {
    title: { nl: form.titleNl, en: form.titleEn },
    situation: { nl: form.situationNl, en: form.situationEn },
    question: { nl: form.questionNl, en: form.questionEn },
    options: optionsNl.map((nl, i) => ({ nl, en: optionsEn[i] ?? '' })),
    values: { nl: form.valuesNl, en: form.valuesEn },
    roles: { nl: form.rolesNl, en: form.rolesEn },
    pressure,
    reflection: { nl: form.reflectionNl, en: form.reflectionEn },
    prompts: promptsNl.map((nl, i) => ({ nl, en: promptsEn[i] ?? '' })),
    themes: form.themes,
    roleTags: form.roleTags,
  };
  const parsed = dilemmaContentSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldOf(issue.path);
      const message = issue.message.startsWith('errors.') ? issue.message : 'errors.field.invalid';
      if (!errors.some((e) => e.field === field)) errors.push({ field, message });
    }
  }
  if (errors.length > 0 || !parsed.success) throw new AppError('validation', errors);
  return parsed.data;
}
