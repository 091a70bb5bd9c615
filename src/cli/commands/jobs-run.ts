import { runDueJobs } from '../../jobs/run-jobs.js';
import type { Command } from '../context.js';

export const run: Command = async ({ services }) => {
  const report = await runDueJobs(services);
  console.log(`Reminders sent to ${report.reminders} people, digests to ${report.digests}, ${report.purged} cases purged. ${report.identitiesReleased} names released after the waiting period.`);
};
