import { z } from 'zod';
import { aimsOptions, meansOptions, sourceOptions } from '../routes/default-questionnaires.js';

// A wave's questions, stored with the wave. Answers are integers in question order:
// agree5 1..5 (1 = strongly disagree); yesNo 1 = yes, 2 = no; single the option's position
// (1-based); multi a bit per option (bit 0 = first option). Null where not answered.

const localised = z.object({ nl: z.string().min(1).max(500), en: z.string().min(1).max(500) });
export const surveyQuestionSchema = z.object({
  code: z.string().regex(/^[A-Z][A-Z0-9_]{0,29}$/),
  type: z.enum(['agree5', 'yesNo', 'single', 'multi']),
  section: z.enum(['statements', 'pressure', 'pressureDetail', 'learning', 'background', 'extra']),
  label: localised,
  options: z.array(z.object({ code: z.string().regex(/^[a-z_0-9]{1,40}$/), label: localised })).max(15).optional(),
  /** Asked only when PRESSURE was answered yes. */
  onlyIfPressure: z.boolean().optional(),
});
export type SurveyQuestion = z.output<typeof surveyQuestionSchema>;
export const surveyQuestionsSchema = z.array(surveyQuestionSchema).min(1).max(60);

const l = (nl: string, en: string) => ({ nl, en });
const o = (code: string, nl: string, en: string) => ({ code, label: l(nl, en) });
const statement = (code: string, nl: string, en: string): SurveyQuestion => ({ code, type: 'agree5', section: 'statements', label: l(nl, en) });

export const sectors = ['central_government', 'municipality', 'province', 'water_authority', 'other'] as const;
export type Sector = (typeof sectors)[number];

/** The eight flash-panel statements in their order (FP1-FP8), the pressure question and its details, and the background. */
export const standardQuestions: SurveyQuestion[] = [
  statement('FP1', 'Medewerkers worden onder druk gezet om regels te overtreden, informatie achter te houden of iemand voor te trekken.', 'Employees are pressured to break rules, withhold information or give preferential treatment.'),
  statement('FP2', 'Medewerkers worden onder druk gezet door het bestuur.', 'Employees are pressured by the board.'),
  statement('FP3', 'Medewerkers worden onder druk gezet door hun direct leidinggevende.', 'Employees are pressured by their direct manager.'),
  statement('FP4', 'Ik zou me geremd voelen om druk te melden.', 'I would feel inhibited to report pressure.'),
  statement('FP5', 'Leidinggevenden hebben veel te zeggen en dulden weinig tegenspraak.', 'Managers have a lot of say and tolerate little contradiction.'),
  statement('FP6', 'De wil van het bestuur gaat voor, ook als die botst met de integriteitscode.', 'The will of the board leads, even when it conflicts with integrity codes.'),
  statement('FP7', 'Gevoelige integriteitskwesties aankaarten wordt ontmoedigd.', 'Raising sensitive integrity issues is discouraged.'),
  statement('FP8', 'De organisatie heeft duidelijke waarden en normen.', 'The organisation has clear values and norms.'),
  { code: 'PRESSURE', type: 'yesNo', section: 'pressure', label: l('Bent u de afgelopen 12 maanden onder druk gezet om niet integer te handelen?', 'In the past 12 months, were you pressured to act against integrity?') },
  {
    code: 'SOURCE',
    type: 'multi',
    section: 'pressureDetail',
    onlyIfPressure: true,
    label: l('Van wie kwam de druk?', 'Who did the pressure come from?'),
    options: sourceOptions,
  },
  {
    code: 'MEANS',
    type: 'multi',
    section: 'pressureDetail',
    onlyIfPressure: true,
    label: l('Hoe werd de druk uitgeoefend?', 'How was the pressure exerted?'),
    options: meansOptions,
  },
  {
    code: 'AIMS',
    type: 'multi',
    section: 'pressureDetail',
    onlyIfPressure: true,
    label: l('Waartoe moest u iets doen of laten?', 'What were you pushed to do or not do?'),
    options: aimsOptions,
  },
  {
    code: 'SECTOR',
    type: 'single',
    section: 'background',
    label: l('In welke sector werkt u?', 'In which sector do you work?'),
    options: [
      o('central_government', 'Rijksoverheid', 'Central government'),
      o('municipality', 'Gemeente', 'Municipality'),
      o('province', 'Provincie', 'Province'),
      o('water_authority', 'Waterschap', 'Water authority'),
      o('other', 'Anders', 'Other'),
    ],
  },
  {
    code: 'LEVEL',
    type: 'single',
    section: 'background',
    label: l('Wat voor functie heeft u?', 'What kind of position do you hold?'),
    options: [
      o('operational', 'Uitvoerend', 'Operational'),
      o('specialist', 'Beleid of specialist', 'Policy or specialist'),
      o('manager', 'Leidinggevend', 'Manager'),
      o('senior_manager', 'Hoger management', 'Senior management'),
    ],
  },
];

/**
 * Asked per wave when the analyst chooses: did the team learn together in the past year? Yes/no,
 * counted like a statement (yes = agree), so the share of yes sits beside the statements, per
 * pressure answer and in the trends: where these interventions were held, does pressure change?
 */
export const learningQuestions: SurveyQuestion[] = [
  {
    code: 'LEARN_DILEMMA',
    type: 'yesNo',
    section: 'learning',
    label: l('Heeft uw team de afgelopen 12 maanden een dilemmasessie of moreel beraad gehouden?', 'In the past 12 months, did your team hold a dilemma session or a moral deliberation?'),
  },
  {
    code: 'LEARN_CONVERSATION',
    type: 'yesNo',
    section: 'learning',
    label: l(
      'Hebt u de afgelopen 12 maanden met uw leidinggevende een gesprek gevoerd over druk of dilemma’s in uw werk?',
      'In the past 12 months, did you talk with your manager about pressure or dilemmas in your work?',
    ),
  },
];

/** Whether a question is counted as a statement: the five-point statements, and the yes/no learning questions. */
export function countsAsStatement(question: SurveyQuestion): boolean {
  return question.type === 'agree5' || (question.section === 'learning' && question.type === 'yesNo');
}

/** The organisation is not a question on the form: it comes from the invitation code, or is chosen on the open link. */
export const ORG = 'ORG';

export function questionIndex(questions: readonly SurveyQuestion[], code: string): number {
  return questions.findIndex((q) => q.code === code);
}
