import { boot } from '../bootstrap.js';
import { parseConfig } from '../config.js';
import { listOrganisations } from '../domain/organisation/get-organisation.js';
import { createLogger } from '../logging.js';
import { CliRefusal, type CliOptions, type CommandModule } from './context.js';
import { lazyMailer } from './lazy-mailer.js';

/**
 * Runs a command on the installation of this environment (DATA_DIR, DATABASE_URL, ...): opens and
 * migrates the database as the server does, and closes everything afterwards. The mail sink starts
 * only when the command sends mail (the Argon2id pool starts its threads only for a derivation); a
 * read-only command leaves adding this version's new routes to whoever starts next.
 */
export async function runOnInstallation(command: CommandModule, options: CliOptions, argument: string | undefined): Promise<number> {
  const config = parseConfig(process.env);
  const logger = createLogger(config.logLevel);
  const mailer = lazyMailer(config, logger);
  const { services, close } = await boot(config, { logger, mailer, ensureRoutes: !command.readOnly });
  const organisation = async () => {
    const all = await listOrganisations(services);
    const found = options.org ? all.find((o) => o.slug === options.org) : all.length === 1 ? all[0] : undefined;
    if (!found) throw new CliRefusal(options.org ? `No organisation with the address "${options.org}". See: tegenspraak org list` : 'Give the organisation: --org <slug>. See: tegenspraak org list');
    return found;
  };
  try {
    return (await command.run({ services, config, options, argument, organisation })) ?? 0;
  } catch (error) {
    if (!(error instanceof CliRefusal)) throw error;
    console.error(error.message);
    return 2;
  } finally {
    try {
      await mailer.stop();
    } finally {
      await close();
    }
  }
}
