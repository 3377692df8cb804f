import { ConfigError, loadConfig } from './config.js';
import { openDatabase, sqliteFileIn } from './db/database.js';
import { DEMO_PASSWORD } from './db/seed/demo-data.js';
import { prepareDatabase } from './db/prepare.js';
import { buildApp } from './http/app.js';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nThe server did not start. See the configuration table in README.md.\n`);
      process.exit(1);
    }
    throw error;
  }

  const database = openDatabase({ databaseUrl: config.databaseUrl, sqliteFile: sqliteFileIn(config.dataDir) });
  const prepared = await prepareDatabase(config, database);
  const app = await buildApp(config, { database });
  app.log.info(
    { database: database.location, migrations: prepared.migrationsApplied, reference: prepared.reference },
    'database ready',
  );
  if (prepared.demoRows > 0) {
    app.log.info(`Demo dataset added (${prepared.demoRows} fictional rows, labelled "demo" on every page).`);
  }
  if (config.env !== 'production') {
    // Only demo users with a password can sign in; the fictional reviewers of the demo call in review cannot.
    const demo = await database.db
      .selectFrom('users')
      .select('email')
      .where('is_demo', '=', 1)
      .where('status', '=', 'active')
      .where('password_hash', 'is not', null)
      .orderBy('id')
      .execute();
    if (demo.length > 0) {
      app.log.info(
        `Demo sign-in accounts (fictional; password "${DEMO_PASSWORD}"): ${demo.map((u) => u.email).join(', ')}. ` +
          'Officials set up two-factor authentication at their first sign-in.',
      );
    }
  }

  // Every instance runs the scheduler and the dispatcher: the jobs claim what is due and the dispatcher
  // leases outbox rows, so the work is shared and each thing is done once. Routes also dispatch after
  // a commit that wrote to the outbox, so the timer only picks up retries and scheduled work.
  app.scheduler.start(60_000);
  app.outbox.start(15_000);
  void app.scheduler.tick();
  void app.outbox.dispatch();

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await database.destroy();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ host: config.host, port: config.port });
  app.log.info(`s3-enf serves ${config.baseUrl} (${config.env}, ${database.dialect})`);
}

main().catch((error: unknown) => {
  process.stderr.write(`The server failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
