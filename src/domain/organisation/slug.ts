// An organisation's public address on a platform of many: /o/<slug>/…. Lower-case letters,
// digits and hyphens, made from the name ("Gemeente Ålesund" → "gemeente-alesund").
export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;

export function slugFromName(name: string): string {
  const base = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 40)
    .replace(/^-+|-+$/g, '');
  return base || 'organisatie';
}
