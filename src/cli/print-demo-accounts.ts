import type { DemoAccount } from '../domain/demo/seed-demo.js';

export function printDemoAccounts(baseUrl: string, accounts: DemoAccount[]): void {
  console.log(`\nDemo organisations: ${baseUrl}/ lists them. Add the TOTP secret to an authenticator app,`);
  console.log('or print a current code with: node bin/tegenspraak.js totp <secret>');
  for (const organisation of [...new Set(accounts.map((a) => a.organisation))]) {
    console.log(`\n  Log in at ${baseUrl}/o/${organisation}/login`);
    for (const account of accounts.filter((a) => a.organisation === organisation)) {
      console.log(`  ${account.role.padEnd(22)} ${account.email.padEnd(48)} ${account.password.padEnd(40)} TOTP ${account.totpSecret}`);
    }
  }
  console.log('');
}
