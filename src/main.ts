import { serve } from '@hono/node-server';
import { boot } from './bootstrap.js';
import { ConfigError, parseConfig } from './config.js';
import { createApp } from './http/app.js';
import { printDemoAccounts } from './cli/print-demo-accounts.js';
import { seedDemo } from './domain/demo/seed-demo.js';
import { issueSetupToken } from './domain/setup/issue-setup-token.js';
import { startScheduler } from './jobs/scheduler.js';
import { memoryReport } from './memory-report.js';

// Entry point: parse the configuration, open and migrate the database, start the web server.
async function main() {
  let config;
  try {
    config = parseConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const { services, close } = await boot(config);

  if (process.argv.includes('--demo')) printDemoAccounts(config.baseUrl, await seedDemo(services));
  const setupToken = await issueSetupToken(services);
  if (setupToken) {
    console.log(`\nTegenspraak is not set up yet. Open this one-time link to set it up (valid 24 hours):\n  ${config.baseUrl}/setup/${setupToken}\n`);
  }

  const server = serve({ fetch: createApp(services).fetch, port: config.port, hostname: config.host }, (info) => {
    console.log(`Tegenspraak listens on ${config.baseUrl} (${services.database.kind}, port ${info.port})`);
  });
  const scheduler = config.jobIntervalSeconds > 0 ? startScheduler(services, config.jobIntervalSeconds) : null;
  const shutdown = () => {
    server.close(() => void (scheduler?.stop() ?? Promise.resolve()).then(close).then(() => process.exit(0)));
    setTimeout(() => process.exit(0), 5000).unref();
  };
  // Started by the benchmark with an IPC channel: it asks where the memory goes.
  process.on('message', (message: { memory?: number } | null) => {
    if (typeof message?.memory === 'number') process.send?.({ memory: memoryReport(services), id: message.memory });
  });
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

await main();
