import { seedDemo } from '../../domain/demo/seed-demo.js';
import type { Command } from '../context.js';
import { printDemoAccounts } from '../print-demo-accounts.js';

export const run: Command = async ({ services, config }) => {
  printDemoAccounts(config.baseUrl, await seedDemo(services));
};
