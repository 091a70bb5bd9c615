import type { Services } from '../services.js';
import { runDueJobs } from './run-jobs.js';

/** Runs the jobs every interval; one run at a time per instance, and a failing run never stops the next. */
export function startScheduler(s: Services, intervalSeconds: number): { stop(): Promise<void> } {
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = runDueJobs(s)
      .then((report) => {
        if (report.reminders || report.digests || report.purged || report.identitiesReleased) s.logger.info(report, 'scheduled jobs ran');
        else s.logger.debug('scheduled jobs ran, nothing was due');
      })
      .catch((error: unknown) => s.logger.error({ errorName: error instanceof Error ? error.name : 'unknown', code: (error as { code?: unknown } | null)?.code ?? null }, 'scheduled jobs failed; retrying at the next run'))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, intervalSeconds * 1000);
  timer.unref();
  setImmediate(tick);
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
