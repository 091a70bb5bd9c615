import type { Language } from '../../i18n/index.js';
import type { DilemmaContent, DilemmaRole, DilemmaTheme } from './dilemma-content.js';

/** A dilemma in one language, as the pages show it. */
export interface LocalDilemma {
  title: string;
  situation: string;
  question: string;
  options: string[];
  values: string;
  roles: string;
  pressure: string | null;
  reflection: string;
  prompts: string[];
  themes: DilemmaTheme[];
  roleTags: DilemmaRole[];
}

export function localiseDilemma(content: DilemmaContent, lang: Language): LocalDilemma {
  return {
    title: content.title[lang],
    situation: content.situation[lang],
    question: content.question[lang],
    options: content.options.map((o) => o[lang]),
    values: content.values[lang],
    roles: content.roles[lang],
    pressure: content.pressure ? content.pressure[lang] : null,
    reflection: content.reflection[lang],
    prompts: content.prompts.map((p) => p[lang]),
    themes: content.themes,
    roleTags: content.roleTags,
  };
}
