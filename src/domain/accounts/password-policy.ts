import { dictionary } from '@zxcvbn-ts/language-common';

// Staff passwords guard keys that open case files, so length matters more than symbols.
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

// Dutch favourites that the shipped (mostly English) breach list lacks.
const dutchCommon = [
  'wachtwoord', 'welkom', 'welkomstwoord', 'geheim', 'voetbal', 'ajax', 'feyenoord', 'psveindhoven',
  'nederland', 'amsterdam', 'rotterdam', 'denhaag', 'utrecht', 'gemeente', 'ministerie', 'rijksoverheid',
  'provincie', 'hallo', 'hoihoi', 'zomer', 'winter', 'lente', 'herfst', 'januari', 'februari', 'maart',
  'oranje', 'koning', 'prinses', 'liefde', 'schatje', 'tegenspraak', 'integriteit', 'vertrouwen',
];

const common: ReadonlySet<string> = new Set([...(dictionary['passwords-common'] as string[]), ...dutchCommon]);

/** The core of a password once the usual decorations are taken off: "Wachtwoord2024!" -> "wachtwoord". */
function strippedVariants(password: string): string[] {
  const lower = password.toLowerCase();
  const core = lower.replace(/[^a-z]+$/, '').replace(/^[^a-z]+/, '');
  const variants = new Set([lower, core]);
  // "welkomwelkomwelkom": the same word repeated.
  for (let size = 1; size <= lower.length / 2; size++) {
    const unit = lower.slice(0, size);
    if (unit.repeat(Math.ceil(lower.length / size)).slice(0, lower.length) === lower) variants.add(unit);
  }
  return [...variants].filter((v) => v.length > 0);
}

/** Returns a message-catalogue key describing what is wrong, or null when the password is fine. */
export function passwordProblem(password: string, email: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return 'errors.password.tooShort';
  if (password.length > PASSWORD_MAX_LENGTH) return 'errors.password.tooLong';
  if (new Set(password).size < 4) return 'errors.password.common';
  if (strippedVariants(password).some((variant) => common.has(variant))) return 'errors.password.common';
  const local = email.toLowerCase().split('@')[0] ?? '';
  if (local.length >= 4 && password.toLowerCase().includes(local)) return 'errors.password.containsEmail';
  return null;
}
