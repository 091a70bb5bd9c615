import { and, asc, eq, sql } from 'drizzle-orm';
import { dilemmas } from '../../db/schema.js';
import { inOrg } from '../../db/scoped.js';
import type { Language } from '../../i18n/index.js';
import type { Services } from '../../services.js';
import { dilemmaRoles, dilemmaThemes, type DilemmaRole, type DilemmaTheme } from './dilemma-content.js';
import { ensureDilemmaLibrary } from './ensure-dilemma-library.js';

export interface DilemmaListItem {
  id: string;
  title: string;
  question: string;
  themes: DilemmaTheme[];
  roleTags: DilemmaRole[];
}

export interface DilemmaLibrary {
  items: DilemmaListItem[];
  theme: DilemmaTheme | null;
  role: DilemmaRole | null;
}

const oneOf = <T extends string>(list: readonly T[], value: string | undefined): T | null => (value && (list as readonly string[]).includes(value) ? (value as T) : null);

/** The published library for anyone at the organisation, filtered by theme and role; an unknown filter is no filter. */
export async function listDilemmas(s: Pick<Services, 'db' | 'now'>, organisationId: string, lang: Language, filter: { theme?: string | undefined; role?: string | undefined }): Promise<DilemmaLibrary> {
  await ensureDilemmaLibrary(s, organisationId);
  const theme = oneOf(dilemmaThemes, filter.theme);
  const role = oneOf(dilemmaRoles, filter.role);
  const rows = await s.db
    .select({ id: dilemmas.id, content: dilemmas.content })
    .from(dilemmas)
    .where(
      inOrg(
        organisationId,
        dilemmas,
        and(
          eq(dilemmas.status, 'published'),
          theme ? sql`${dilemmas.content}->'themes' @> jsonb_build_array(${theme}::text)` : undefined,
          role ? sql`${dilemmas.content}->'roleTags' @> jsonb_build_array(${role}::text)` : undefined,
        ),
      ),
    )
    .orderBy(asc(dilemmas.publishedAt), asc(dilemmas.id));
  const items = rows.map((row) => ({ id: row.id, title: row.content.title[lang], question: row.content.question[lang], themes: row.content.themes, roleTags: row.content.roleTags }));
  return { items, theme, role };
}
