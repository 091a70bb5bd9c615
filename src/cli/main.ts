import { parseArgs } from 'node:util';
import type { CliOptions, CommandModule } from './context.js';
import { usage } from './usage.js';

// The `tegenspraak` command for operators. It runs with the operator's access to the server and
// its configuration, so it needs no log-in; it can still never decrypt a case.
//
// Each command is loaded only when it runs: help and `totp` answer without loading the database,
// the server or even the configuration; every other command loads its own module and opens the
// installation (see open-installation.ts).
const commands: Record<string, () => Promise<CommandModule>> = {
  init: () => import('./commands/init.js'),
  'org create': () => import('./commands/org-create.js'),
  'org list': () => import('./commands/org-list.js'),
  'org share-commission': () => import('./commands/org-share-commission.js'),
  'org set': () => import('./commands/org-set.js'),
  'operator invite': () => import('./commands/operator-invite.js'),
  'user invite': () => import('./commands/user-invite.js'),
  'user list': () => import('./commands/user-list.js'),
  demo: () => import('./commands/demo.js'),
  'audit verify': () => import('./commands/audit-verify.js'),
  'jobs run': () => import('./commands/jobs-run.js'),
  backup: () => import('./commands/backup.js'),
  restore: () => import('./commands/restore.js'),
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
      org: { type: 'string' },
      slug: { type: 'string' },
      admin: { type: 'string' },
      with: { type: 'string' },
      host: { type: 'string' },
      listed: { type: 'string' },
    },
  });
  const options: CliOptions = values;
  const [first, second] = positionals;
  const command = (first === 'user' || first === 'audit' || first === 'jobs' || first === 'org' || first === 'operator') && second ? `${first} ${second}` : first;
  if (!command || (command !== 'totp' && !Object.hasOwn(commands, command))) {
    console.log(usage.main);
    return command ? 2 : options.help ? 0 : 2;
  }
  if (options.help) {
    console.log(usage[command]);
    return 0;
  }
  if (command === 'totp') return (await import('./totp.js')).printTotp(second);

  const [module, { runOnInstallation }] = await Promise.all([commands[command]!(), import('./open-installation.js')]);
  return runOnInstallation(module, options, second);
}

/** How an error ends the command: a known refusal as one line, anything else with its stack. */
async function explain(error: unknown): Promise<void> {
  if (String((error as { code?: string }).code).startsWith('ERR_PARSE_ARGS')) {
    console.error(`${(error as Error).message}\n\n${usage.main}`);
    return;
  }
  // Already loaded whenever they could have been thrown.
  const [{ ConfigError }, { AppError }, { translateKey, translator }] = await Promise.all([import('../config.js'), import('../domain/errors.js'), import('../i18n/index.js')]);
  if (error instanceof ConfigError) console.error(error.message);
  else if (error instanceof AppError) {
    const t = translator('en');
    console.error(`Refused (${error.code})${error.fieldErrors.map((e) => `\n  ${e.field}: ${translateKey(t, e.message)}`).join('')}`);
  } else throw error;
}

try {
  process.exitCode = await run(process.argv.slice(2));
} catch (error) {
  await explain(error);
  process.exitCode = 2;
}
