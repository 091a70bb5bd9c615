import { parseArgs } from 'node:util';
import { boot } from '../bootstrap.js';
import { ConfigError, parseConfig } from '../config.js';
import { fromBase32 } from '../crypto/encoding.js';
import { totpCode, totpStep } from '../crypto/totp.js';
import { unsafeCreateInvitation } from '../domain/accounts/create-invitation.js';
import { unsafeListUsers } from '../domain/accounts/list-users.js';
import { displayNameSchema, emailSchema, inviteUserSchema } from '../domain/accounts/schemas.js';
import { seedDemo } from '../domain/demo/seed-demo.js';
import { AppError } from '../domain/errors.js';
import { issueSetupToken } from '../domain/setup/issue-setup-token.js';
import { unsafeReissueFirstAdminInvitation } from '../domain/setup/reissue-first-invitation.js';
import { validate } from '../domain/validate.js';
import { translateKey, translator } from '../i18n/index.js';
import { printDemoAccounts } from './print-demo-accounts.js';
import { unsafeVerifyAudit, unsafeVerifyAuditChain } from '../domain/audit/verify-audit.js';
import { firstOrganisation, listOrganisations } from '../domain/organisation/get-organisation.js';
import { unsafeCreateOrganisation } from '../domain/organisation/create-organisation.js';
import { unsafeOrganisationOverview } from '../domain/organisation/organisation-overview.js';
import { unsafeShareCommission } from '../domain/organisation/share-commission.js';
import { invitationLink, sendInvitationMail } from '../domain/accounts/send-invitation-mail.js';
import { runDueJobs } from '../jobs/run-jobs.js';
import { unsafeSetOrganisationAddress } from '../domain/organisation/set-organisation-address.js';
import { organisationAddress } from '../domain/organisation/organisation-address.js';
import { BackupRefused, createBackup } from '../backup/create-backup.js';
import { restoreBackup, RestoreRefused } from '../backup/restore-backup.js';

// The `tegenspraak` command for operators. It runs with the operator's access to the server and
// its configuration, so it needs no log-in; it can still never decrypt a case.
const usage: Record<string, string> = {
  main: `Usage: tegenspraak <command> [options]

Commands:
  init                       apply migrations; print a one-time setup link if not set up
  org create                 add an organisation and invite its first administrator
  org list                   list the organisations with their addresses and content-free counts
  org share-commission       let another organisation's commission handle an organisation's reports
  org set                    give an organisation its own host name; list or hide it on the start page
  operator invite            invite a platform operator (sees organisations and counts, never content)
  user invite                invite a staff member of an organisation (prints the link and mails it)
  user list                  list an organisation's staff accounts and roles
  demo                       seed a demo organisation with one account per role
  audit verify               check the audit chains (each organisation's and the platform's)
  jobs run                   run the scheduled jobs once (reminders, digest, purges)
  backup <file> [--org <slug>]
                             write the whole installation, or one organisation, to a file
                             (content stays encrypted)
  restore <file>             restore a backup: a whole installation into a fresh, empty one;
                             one organisation into any installation that does not hold it
  totp <secret>              print the current code for a TOTP secret (demo convenience)

Commands that act on one organisation's data take --org <slug>; with a single organisation
it may be left out. Every command reads the same environment as the server (DATA_DIR,
DATABASE_URL, ...).
Run 'tegenspraak <command> --help' for its options.`,
  init: 'Usage: tegenspraak init\n\nApplies database migrations and, when nobody has set up the installation yet,\nprints a fresh one-time setup link (earlier unused links stop working). When the\ninstallation is set up but its first administrator never finished their account,\nprints a fresh invitation link for them instead.',
  'org create':
    'Usage: tegenspraak org create --name <name> [--slug <address>] --email <first administrator> --admin <their name>\n\nAdds an organisation with its own address (/o/<slug>/), routes, receipt salt and audit\nchain, and invites its first administrator (prints the link and mails it). The organisation\'s\nbodies are founded by their own members afterwards; nobody on the platform can read its reports.',
  'org share-commission':
    'Usage: tegenspraak org share-commission --org <slug> --with <slug of the commission\'s organisation | own>\n\nFrom now on the reports to the commission of --org are sealed to the members of the commission\nof --with (a shared commission, as agreed between the organisations); "--with own" gives it its\nown commission back. Reports already received stay with whoever received them. Both audit chains\nrecord it and both commissions are told; reporters see the new readers before they send.',
  'operator invite':
    'Usage: tegenspraak operator invite --email <address> --name <display name>\n\nInvites an account of no organisation, for the independent party that runs the platform. It signs\nin at /platform/, where it adds organisations and invites their first administrators and sees\ntheir names and counts; it can never read a report, a name or a setting of theirs.',
  'org set':
    'Usage: tegenspraak org set --org <slug> [--host <host name> | --host none] [--listed yes|no]\n\n--host gives the organisation its own host name (arrange DNS and the certificate first): there its\npages are at the plain addresses, and no other organisation\'s nor the platform\'s are served; mail\nlinks point there. --host none takes it away. --listed no keeps it off the installation\'s start\npage (its own pages work either way). Both audit chains record the change.',
  'org list': 'Usage: tegenspraak org list\n\nLists every organisation: address, name, accounts and cases (counts only).',
  'user invite':
    'Usage: tegenspraak user invite [--org <slug>] --email <address> --name <display name> --role <role> [--role <role> ...]\n\nRoles: administrator, secretary, commission_member, chair, confidential_advisor,\nethics_panel_member, analyst. The administrator role cannot be combined with a case role.',
  'user list': 'Usage: tegenspraak user list [--org <slug>]\n\nLists every account of the organisation with its roles and status.',
  demo: 'Usage: tegenspraak demo\n\nSeeds a demo organisation with one account per role on an empty installation and prints\nthe log-in details (also when the demo exists already).',
  'audit verify':
    'Usage: tegenspraak audit verify [--org <slug>]\n\nRecomputes every entry of the audit chain of the organisation (or, without --org, of every\norganisation and of the platform) and its link to the previous one. Exits 0 when intact, 1 with\nthe first broken entry when not. Needs the same server key.',
  'jobs run':
    'Usage: tegenspraak jobs run\n\nRuns deadline reminders, the daily digest, retention purges and session clean-up once and\nprints what was done. The server does this by itself every JOB_INTERVAL_SECONDS; running it\nbeside the server is safe: each piece of work is claimed in the database and done once.',
  backup:
    'Usage: tegenspraak backup <file> [--org <slug>]\n\nWrites every account, case, message, file, audit entry and survey to <file> (gzipped JSON\nlines, mode 0600); with --org, only that organisation\'s rows (refused for an organisation that shares a\ncommission: back up the whole installation then). Report content, files and identities are in it as the ciphertext they are in\nthe database. The server key (KEY_FILE or SESSION_SECRET) is NOT in it: keep it apart, the restored\ninstallation needs the same one. Sessions are not kept: everyone signs in again.',
  restore:
    'Usage: tegenspraak restore <file>\n\nRestores a backup, all or nothing: a whole installation into a fresh one (migrated, not set up, no\ncases); a backup of one organisation into any installation that does not hold that organisation.\nStart it with the same server key as the original; handlers then read their cases with their own\npasswords and reporters with their receipts.',
  totp: 'Usage: tegenspraak totp <base32 secret>\n\nPrints the current six-digit code, for trying the demo without an authenticator app.',
};

/** A refusal the operator can act on, printed without a stack. */
class CliRefusal extends Error {}

async function run(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string', multiple: true },
      org: { type: 'string' },
      slug: { type: 'string' },
      admin: { type: 'string' },
      with: { type: 'string' },
      host: { type: 'string' },
      listed: { type: 'string' },
    },
  });
  const [first, second] = positionals;
  const command = (first === 'user' || first === 'audit' || first === 'jobs' || first === 'org' || first === 'operator') && second ? `${first} ${second}` : first;
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
  // The organisation a command acts on: --org <slug>, or the only one there is.
  const organisation = async () => {
    const all = await listOrganisations(services);
    const found = values.org ? all.find((o) => o.slug === values.org) : all.length === 1 ? all[0] : undefined;
    if (!found) throw new CliRefusal(values.org ? `No organisation with the address "${values.org}". See: tegenspraak org list` : 'Give the organisation: --org <slug>. See: tegenspraak org list');
    return found;
  };
  try {
    if (command === 'init') {
      const token = await issueSetupToken(services);
      const first = token ? null : await firstOrganisation(services);
      const again = first ? await unsafeReissueFirstAdminInvitation(services, first.id) : null;
      if (token) console.log(`Open this one-time link to set up Tegenspraak (valid 24 hours):\n  ${config.baseUrl}/setup/${token}`);
      else if (again && first) console.log(`Tegenspraak is set up, but its first administrator (${again.email}) has not finished their account.\nA new link for them (works once, valid 7 days; earlier links stop working):\n  ${invitationLink(config.baseUrl, first, again.token)}`);
      else console.log('Tegenspraak is already set up.');
    } else if (command === 'org create') {
      const admin = validate(inviteUserSchema, { email: values.email ?? '', displayName: values.admin ?? '', roles: ['administrator'] });
      const { created, invitation } = await services.db.transaction(async (tx) => {
        const made = await unsafeCreateOrganisation({ ...services, db: tx }, { name: values.name ?? '', ...(values.slug ? { slug: values.slug } : {}) });
        return { created: made, invitation: await unsafeCreateInvitation({ ...services, db: tx }, made.id, admin) };
      });
      const link = await sendInvitationMail(services, created.id, admin.email, invitation.token, invitation.expiresAt);
      console.log(`Organisation "${created.name}" created at ${config.baseUrl}/o/${created.slug}/\nInvitation for its first administrator sent to ${admin.email}. Link (works once, valid 7 days):\n  ${link}`);
    } else if (command === 'operator invite') {
      const email = validate(emailSchema, values.email ?? '');
      const displayName = validate(displayNameSchema, values.name ?? '');
      const invitation = await services.db.transaction((tx) => unsafeCreateInvitation({ ...services, db: tx }, null, { email, displayName, roles: [] }));
      const link = await sendInvitationMail(services, null, email, invitation.token, invitation.expiresAt);
      console.log(`Invitation sent to ${email}. Link (works once, valid 7 days):\n  ${link}`);
    } else if (command === 'org share-commission') {
      const target = await organisation();
      const all = await listOrganisations(services);
      const serving = values.with === 'own' ? target : all.find((o) => o.slug === values.with);
      if (!serving) throw new CliRefusal('Give the organisation whose commission will handle the reports: --with <slug>, or --with own.');
      await unsafeShareCommission(services, target.id, serving.id === target.id ? null : serving.id);
      console.log(serving.id === target.id ? `${target.name} has its own commission again.` : `Reports to the commission of ${target.name} now go to the commission of ${serving.name}.`);
    } else if (command === 'org set') {
      const target = await organisation();
      if (values.listed !== undefined && values.listed !== 'yes' && values.listed !== 'no') throw new CliRefusal('Give --listed yes or --listed no.');
      if (values.host === undefined && values.listed === undefined) throw new CliRefusal('Give --host <host name>, --host none, or --listed yes|no.');
      await unsafeSetOrganisationAddress(services, target.id, {
        ...(values.host !== undefined ? { hostName: values.host === 'none' ? null : values.host } : {}),
        ...(values.listed !== undefined ? { listed: values.listed === 'yes' } : {}),
      });
      const now = (await listOrganisations(services)).find((o) => o.id === target.id)!;
      console.log(`${now.name}: ${organisationAddress(config.baseUrl, now)}/ (${now.listed ? 'listed' : 'not listed'} on the start page)`);
    } else if (command === 'org list') {
      for (const row of await unsafeOrganisationOverview(services)) {
        console.log(`${row.slug.padEnd(24)} ${row.name.padEnd(40)} ${String(row.accounts).padStart(5)} accounts ${String(row.cases).padStart(7)} cases`);
      }
    } else if (command === 'user invite') {
      const input = validate(inviteUserSchema, { email: values.email ?? '', displayName: values.name ?? '', roles: values.role ?? [] });
      const target = await organisation();
      const invitation = await services.db.transaction((tx) => unsafeCreateInvitation({ ...services, db: tx }, target.id, input));
      const link = await sendInvitationMail(services, target.id, input.email, invitation.token, invitation.expiresAt);
      console.log(`Invitation sent to ${input.email}. Link (works once, valid 7 days):\n  ${link}`);
    } else if (command === 'user list') {
      for (const user of await unsafeListUsers(services, (await organisation()).id)) {
        console.log(`${user.displayName.padEnd(28)} ${user.email.padEnd(40)} ${user.status.padEnd(9)} ${user.roles.join(',')}`);
      }
    } else if (command === 'audit verify') {
      const verdict = values.org ? await unsafeVerifyAuditChain(services, (await organisation()).id) : await unsafeVerifyAudit(services);
      if (verdict.ok) console.log(`Audit log intact: ${verdict.entries} entries verified.`);
      else {
        const chain = verdict.chain ? ` of chain ${verdict.chain}` : '';
        console.log(`Audit log BROKEN at entry ${verdict.brokenAt}${chain} (${verdict.reason}); the ${verdict.entries} entries before it verify.`);
        return 1;
      }
    } else if (command === 'backup' || command === 'restore') {
      if (!second) {
        console.error(`Give the file, e.g. tegenspraak ${command} tegenspraak-backup.jsonl.gz`);
        return 2;
      }
      try {
        if (command === 'backup') {
          const only = values.org ? await organisation() : null;
          const { rows } = await createBackup(services, second, only ? { organisationId: only.id } : {});
          console.log(`Backup${only ? ` of ${only.name}` : ''} written to ${second}: ${rows} rows. Keep the server key apart from it.`);
        } else {
          const restored = await restoreBackup(services, second);
          console.log(`Restored ${restored.rows} rows from ${second}${restored.organisation ? `: the organisation at /o/${restored.organisation}/` : ''}.`);
        }
      } catch (error) {
        if (!(error instanceof RestoreRefused) && !(error instanceof BackupRefused)) throw error;
        console.error(error.message);
        return 1;
      }
    } else if (command === 'jobs run') {
      const report = await runDueJobs(services);
      console.log(`Reminders sent to ${report.reminders} people, digests to ${report.digests}, ${report.purged} cases purged. ${report.identitiesReleased} names released after the waiting period.`);
    } else if (command === 'demo') {
      printDemoAccounts(config.baseUrl, await seedDemo(services));
    }
    return 0;
  } catch (error) {
    if (!(error instanceof CliRefusal)) throw error;
    console.error(error.message);
    return 2;
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
