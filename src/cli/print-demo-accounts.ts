import type { DemoAccount } from '../domain/demo/seed-demo.js';

export function printDemoAccounts(baseUrl: string, accounts: DemoAccount[]): void {
  console.log(`\nDemo accounts (log in at ${baseUrl}/login). Add the TOTP secret to an authenticator app,`);
  console.log('or print a current code with: npx tegenspraak totp <secret>\n');
  for (const account of accounts) {
    console.log(`  ${account.role.padEnd(22)} ${account.email.padEnd(44)} ${account.password.padEnd(40)} TOTP ${account.totpSecret}`);
  }
  console.log('');
}
