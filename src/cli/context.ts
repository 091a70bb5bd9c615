import type { Config } from '../config.js';
import type { Organisation } from '../domain/organisation/get-organisation.js';
import type { Services } from '../services.js';

// What a command that works on the installation is given. Type imports only (and one small class):
// loading this module loads nothing else.

/** The options of every command, as parsed from the command line. */
export interface CliOptions {
  help?: boolean;
  email?: string;
  name?: string;
  role?: string[];
  org?: string;
  slug?: string;
  admin?: string;
  with?: string;
  host?: string;
  listed?: string;
}

export interface CommandContext {
  services: Services;
  config: Config;
  options: CliOptions;
  /** The word after the command itself (the file of `backup` and `restore`). */
  argument: string | undefined;
  /** The organisation a command acts on: --org <slug>, or the only one there is. */
  organisation(): Promise<Organisation>;
}

/** Runs the command; returns the exit code (nothing: 0). */
export type Command = (context: CommandContext) => Promise<number | void>;

/** A command's module: `readOnly` when it changes nothing (then the start-up route check is skipped). */
export interface CommandModule {
  run: Command;
  readOnly?: boolean;
}

/** A refusal the operator can act on, printed without a stack (exit code 2). */
export class CliRefusal extends Error {}
