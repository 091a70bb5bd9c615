import { z } from 'zod';

// A dilemma is data, in Dutch and English: the seed library, the ethics panel's own and those it
// rewrote from submissions are all this one shape.

export const dilemmaThemes = ['political_pressure', 'loyalty', 'conflict_of_interest', 'confidential_information', 'leadership'] as const;
export type DilemmaTheme = (typeof dilemmaThemes)[number];
export const dilemmaRoles = ['employee', 'manager', 'top_official'] as const;
export type DilemmaRole = (typeof dilemmaRoles)[number];

const localised = (max: number) =>
  z.object({
    nl: z.string().trim().min(1, { error: 'errors.field.required' }).max(max, { error: 'errors.field.tooLong' }),
    en: z.string().trim().min(1, { error: 'errors.field.required' }).max(max, { error: 'errors.field.tooLong' }),
  });
export type Localised = { nl: string; en: string };

export const MAX_OPTIONS = 4;

export const dilemmaContentSchema = z.object({
  title: localised(120),
  situation: localised(3000),
  question: localised(500),
  /** Three or four courses of action, none obviously right. */
  options: z.array(localised(400)).min(3, { error: 'errors.dilemma.options' }).max(MAX_OPTIONS, { error: 'errors.dilemma.options' }),
  /** Considerations: the values at stake. */
  values: localised(2000),
  /** Considerations: whose role, task and responsibility is what. */
  roles: localised(2000),
  /** Considerations: the four criteria of improper pressure, where they are relevant; null where not. */
  pressure: localised(2000).nullable(),
  /** The ethics panel's reflection, shown after choosing. */
  reflection: localised(4000),
  /** Questions for a team's discussion after a round. */
  prompts: z.array(localised(300)).min(1, { error: 'errors.field.required' }).max(5),
  themes: z.array(z.enum(dilemmaThemes)).min(1, { error: 'errors.dilemma.themes' }),
  roleTags: z.array(z.enum(dilemmaRoles)).min(1, { error: 'errors.dilemma.roleTags' }),
});
export type DilemmaContent = z.output<typeof dilemmaContentSchema>;

/** A seed dilemma: its key stays the same across versions, so seeding twice adds nothing. */
export interface SeedDilemma {
  key: string;
  content: DilemmaContent;
}

/** A step of a method the facilitator leads, with what to ask at it. */
export interface MethodStep {
  code: string;
  title: Localised;
  guidance: Localised;
  prompts: Localised[];
}

/** A part of a printable preparation guide. */
export interface GuideSection {
  heading: Localised;
  intro: Localised | null;
  points: Localised[];
}
