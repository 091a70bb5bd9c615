import { parseArgs } from 'node:util';
import { boot } from '../bootstrap.js';
import { ConfigError, parseConfig } from '../config.js';
import { fromBase32 } from '../crypto/encoding.js';
import { totpCode, totpStep } from '../crypto/totp.js';
import { unsafeCreateInvitation } from '../domain/accounts/create-invitation.js';
import { unsafeListUsers } from '../domain/accounts/list-users.js';
import { inviteUserSchema } from '../domain/accounts/schemas.js';
import { sendInvitationMail } from '../domain/accounts/send-invitation-mail.js';
import { seedDemo } from '../domain/demo/seed-demo.js';
import { AppError } from '../domain/errors.js';
import { issueSetupToken } from '../domain/setup/issue-setup-token.js';
import { unsafeReissueFirstAdminInvitation } from '../domain/setup/reissue-first-invitation.js';
import { validate } from '../domain/validate.js';
import { translateKey, translator } from '../i18n/index.js';
import { printDemoAccounts } from './print-demo-accounts.js';
import { unsafeVerifyAudit } from '../domain/audit/verify-audit.js';
import { runDueJobs } from '../jobs/run-jobs.js';
import { createBackup } from '../backup/create-backup.js';
import { restoreBackup, RestoreRefused } from '../backup/restore-backup.js';

// The `tegenspraak` command for operators. It runs with the operator's access to the server and
// its configuration, so it needs no log-in; it can still never decrypt a case.
const usage: Record<string, string> = {
  main: `Usage: tegenspraak <command> [options]

Commands:
  init                       apply migrations; print a one-time setup link if not set up
  user invite                invite a staff member (prints the link and mails it)
  user list                  list staff accounts and roles
  demo                       seed a demo organisation with one account per role
  audit verify               check the whole audit chain; names the first broken entry
  jobs run                   run the scheduled jobs once (reminders, digest, purges)
  backup <file>              write the whole installation to a file (content stays encrypted)
  restore <file>             restore a backup into a fresh, empty installation
  totp <secret>              print the current code for a TOTP secret (demo convenience)

Every command reads the same environment as the server (DATA_DIR, DATABASE_URL, ...).
Run 'tegenspraak <command> --help' for its options.`,
  init: 'Usage: tegenspraak init\n\nApplies database migrations and, when nobody has set up the installation yet,\nprints a fresh one-time setup link (earlier unused links stop working). When the\ninstallation is set up but its first administrator never finished their account,\nprints a fresh invitation link for them instead.',
  'user invite':
    'Usage: tegenspraak user invite --email <address> --name <display name> --role <role> [--role <role> ...]\n\nRoles: administrator, secretary, commission_member, chair, confidential_advisor,\nethics_panel_member, analyst. The administrator role cannot be combined with a case role.',
  'user list': 'Usage: tegenspraak user list\n\nLists every account with its roles and status.',
  demo: 'Usage: tegenspraak demo\n\nSeeds a demo organisation with one account per role on an empty installation and prints\nthe log-in details (also when the demo exists already).',
  'audit verify':
    'Usage: tegenspraak audit verify\n\nRecomputes every entry of the audit log and its link to the previous one. Exits 0 when\nthe chain is intact, 1 with the first broken entry when it is not. Needs the same server key.',
  'jobs run':
    'Usage: tegenspraak jobs run\n\nRuns deadline reminders, the daily digest, retention purges and session clean-up once and\nprints what was done. The server does this by itself every JOB_INTERVAL_SECONDS; running it\nbeside the server is safe: each piece of work is claimed in the database and done once.',
  backup:
    'Usage: tegenspraak backup <file>\n\nWrites every account, case, message, file, audit entry and survey to <file> (gzipped JSON\nlines, mode 0600). Report content, files and identities are in it as the ciphertext they are in\nthe database. The server key (KEY_FILE or SESSION_SECRET) is NOT in it: keep it apart, the restored\ninstallation needs the same one. Sessions are not kept: everyone signs in again.',
  restore:
    'Usage: tegenspraak restore <file>\n\nRestores a backup into a fresh installation (migrated, not set up, no cases), all or nothing.\nStart it with the same server key as the original; handlers then read their cases with their own\npasswords and reporters with their receipts.',
  totp: 'Usage: tegenspraak totp <base32 secret>\n\nPrints the current six-digit code, for trying the demo without an authenticator app.',
};

async function run(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string', multiple: true },
    },
  });
  const [first, second] = positionals;
  const command = (first === 'user' || first === 'audit' || first === 'jobs') && second ? `${first} ${second}` : first;
  if (!command || !(command in usage)) {
    console.log(usage.main);
    return command ? 2 : values.help ? 0 : 2;
  }
  if (values.help) {
    console.log(usage[command]);
    return 0;
  }
  if (command === 'totp') {
    const secret = fromBase32(second ?? '');
    if (!secret || secret.length < 10) {
      console.error('Give the base32 TOTP secret, e.g. tegenspraak totp JBSWY3DPEHPK3PXP');
      return 2;
    }
    console.log(totpCode(secret, totpStep(Date.now())));
    return 0;
  }

  const config = parseConfig(process.env);
  const { services, close } = await boot(config);
  try {
    if (command === 'init') {
      const token = await issueSetupToken(services);
      const again = token ? null : await unsafeReissueFirstAdminInvitation(services);
      if (token) console.log(`Open this one-time link to set up Tegenspraak (valid 24 hours):\n  ${config.baseUrl}/setup/${token}`);
      else if (again) console.log(`Tegenspraak is set up, but its first administrator (${again.email}) has not finished their account.\nA new link for them (works once, valid 7 days; earlier links stop working):\n  ${config.baseUrl}/invitation/${again.token}`);
      else console.log('Tegenspraak is already set up.');
    } else if (command === 'user invite') {
      const input = validate(inviteUserSchema, { email: values.email ?? '', displayName: values.name ?? '', roles: values.role ?? [] });
      const invitation = await services.db.transaction((tx) => unsafeCreateInvitation({ ...services, db: tx }, input));
      const link = await sendInvitationMail(services, input.email, invitation.token, invitation.expiresAt);
      console.log(`Invitation sent to ${input.email}. Link (works once, valid 7 days):\n  ${link}`);
    } else if (command === 'user list') {
      for (const user of await unsafeListUsers(services)) {
        console.log(`${user.displayName.padEnd(28)} ${user.email.padEnd(40)} ${user.status.padEnd(9)} ${user.roles.join(',')}`);
      }
    } else if (command === 'audit verify') {
      const verdict = await unsafeVerifyAudit(services);
      if (verdict.ok) console.log(`Audit log intact: ${verdict.entries} entries verified.`);
      else {
        console.log(`Audit log BROKEN at entry ${verdict.brokenAt} (${verdict.reason}); the ${verdict.entries} entries before it verify.`);
        return 1;
      }
    } else if (command === 'backup' || command === 'restore') {
      if (!second) {
        console.error(`Give the file, e.g. tegenspraak ${command} tegenspraak-backup.jsonl.gz`);
        return 2;
      }
      if (command === 'backup') console.log(`Backup written to ${second}: ${(await createBackup(services, second)).rows} rows. Keep the server key apart from it.`);
      else {
        try {
          console.log(`Restored ${(await restoreBackup(services, second)).rows} rows from ${second}.`);
        } catch (error) {
          if (!(error instanceof RestoreRefused)) throw error;
          console.error(error.message);
          return 1;
        }
      }
    } else if (command === 'jobs run') {
      const report = await runDueJobs(services);
      console.log(`Reminders sent to ${report.reminders} people, digests to ${report.digests}, ${report.purged} cases purged. ${report.identitiesReleased} names released after the waiting period.`);
    } else if (command === 'demo') {
      printDemoAccounts(config.baseUrl, await seedDemo(services));
    }
    return 0;
  } finally {
    await close();
  }
}

try {
  process.exitCode = await run(process.argv.slice(2));
} catch (error) {
  const t = translator('en');
  if (error instanceof ConfigError) console.error(error.message);
  else if (error instanceof AppError) {
    console.error(`Refused (${error.code})${error.fieldErrors.map((e) => `\n  ${e.field}: ${translateKey(t, e.message)}`).join('')}`);
  } else if (String((error as { code?: string }).code).startsWith('ERR_PARSE_ARGS')) console.error(`${(error as Error).message}\n\n${usage.main}`);
  else throw error;
  process.exitCode = 2;
}
