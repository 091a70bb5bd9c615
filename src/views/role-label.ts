import type { Role } from '../domain/access/roles.js';
import type { MessageKey, Translate } from '../i18n/index.js';

export function roleLabel(t: Translate, role: Role): string {
  return t(`roles.${role}` as MessageKey);
}
