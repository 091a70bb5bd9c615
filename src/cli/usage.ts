// What `tegenspraak --help` and `tegenspraak <command> --help` print. Plain text and nothing else, so
// that help answers without loading anything.
export const usage: Record<string, string> = {
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
