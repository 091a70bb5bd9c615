import { sql } from 'drizzle-orm';
import { organisationLogos, organisations } from '../../db/schema.js';
import type { Services } from '../../services.js';
import { authorize, type Actor } from '../access/authorize.js';
import { appendAudit } from '../audit/append-audit.js';
import { AppError, type FieldError } from '../errors.js';
import { detectFileKind } from '../files/detect-type.js';
import type { IncomingFile } from '../files/prepare-upload.js';
import { stripMetadata } from '../files/strip-metadata.js';
import { contrastRatio, themeTokens } from './organisation-look.js';
import { inOrg } from '../../db/scoped.js';

export const MAX_LOGO_BYTES = 200 * 1024;
// WCAG 2.1 AA for normal text: white text on the button colour, the link colour on white.
const MIN_CONTRAST = 4.5;

export interface LookInput {
  buttonColour: string;
  linkColour: string;
  removeLogo: boolean;
  logo: IncomingFile | null;
}

/**
 * The administrator sets the organisation's colours and logo. A colour that would make text
 * unreadable is refused (the law asks WCAG 2.1 AA of every page); a logo must be a PNG or JPEG
 * by its content, and loses its metadata before it is stored. Audited.
 */
export async function setOrganisationLook(s: Pick<Services, 'db' | 'sodium' | 'serverKeys' | 'now'>, actor: Actor | null, input: LookInput): Promise<void> {
  authorize(actor, 'settings.manage');
  const errors: FieldError[] = [];
  const colour = (field: string, value: string): string | null => {
    const trimmed = value.trim().toLowerCase();
    if (!trimmed) return null;
    const hex = /^#?([0-9a-f]{6})$/.exec(trimmed)?.[1];
    if (!hex) {
      errors.push({ field, message: 'errors.theme.colour' });
      return null;
    }
    if (contrastRatio(`#${hex}`, '#ffffff') < MIN_CONTRAST) errors.push({ field, message: 'errors.theme.contrast' });
    return `#${hex}`;
  };
  const buttonColour = colour('buttonColour', input.buttonColour);
  const linkColour = colour('linkColour', input.linkColour);
  let logo: { type: 'image/png' | 'image/jpeg'; bytes: Uint8Array } | null = null;
  if (input.logo) {
    const kind = detectFileKind(input.logo.bytes);
    if (input.logo.bytes.length > MAX_LOGO_BYTES) errors.push({ field: 'logo', message: 'errors.logo.tooLarge' });
    else if (kind !== 'png' && kind !== 'jpeg') errors.push({ field: 'logo', message: 'errors.logo.type' });
    else logo = { type: kind === 'png' ? 'image/png' : 'image/jpeg', bytes: await stripMetadata(kind, input.logo.bytes) };
  }
  if (errors.length) throw new AppError('validation', errors);

  const theme = themeTokens({ buttonColour, linkColour });
  const logoChange = logo ? 'new' : input.removeLogo ? 'removed' : 'kept';
  await s.db.transaction(async (tx) => {
    if (logo) {
      await tx
        .insert(organisationLogos)
        .values({ ...logo, organisationId: actor.organisationId })
        .onConflictDoUpdate({ target: organisationLogos.organisationId, set: logo });
    } else if (input.removeLogo) await tx.delete(organisationLogos).where(inOrg(actor.organisationId, organisationLogos));
    await tx
      .update(organisations)
      .set({
        theme,
        // Every new logo gets a number never used before, so its address is new and no cache shows an
        // old one; a removed logo keeps its number, negated, for the next one to count on from.
        ...(logoChange === 'kept' ? {} : { logoVersion: logo ? sql`abs(${organisations.logoVersion}) + 1` : sql`-abs(${organisations.logoVersion})` }),
      })
      .where(inOrg(actor.organisationId, organisations));
    await appendAudit({ ...s, db: tx }, {
      organisationId: actor.organisationId,
      actorKind: 'staff',
      actorUserId: actor.userId,
      action: 'settings.look',
      caseId: null,
      detail: { buttonColour: buttonColour ?? '', linkColour: linkColour ?? '', logo: logoChange },
    });
  });
}
