import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy.js';

describe('password policy', () => {
  it.each([
    ['short', 'kort-wachtw', 'errors.password.tooShort'],
    ['common list', 'qwerty123456', 'errors.password.common'],
    ['decorated Dutch favourite', 'Wachtwoord2026!', 'errors.password.common'],
    ['repeated word', 'welkomwelkomwelkom', 'errors.password.common'],
    ['one character', 'aaaaaaaaaaaaaaaa', 'errors.password.common'],
    ['contains the e-mail name', 'jan.jansen-rocks-2026', 'errors.password.containsEmail'],
    ['fine', 'paars konijn leest kranten', null],
  ])('%s', (_label, password, expected) => {
    expect(passwordProblem(password, 'jan.jansen@example.nl')).toBe(expected);
  });
});
