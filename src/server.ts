import { ConfigError, loadConfig } from './config.js';
import { openDatabase, sqliteFileIn } from './db/database.js';
import { DEMO_PASSWORD } from './db/seed/demo-data.js';
import { pruneExpiredData } from './features/privacy/prune.js';
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

  // Housekeeping until the job scheduler arrives: expired personal data is pruned hourly (idempotent,
  // so several instances may all run it), and mail that a failed delivery left waiting is retried.
  const housekeeping = async () => {
    try {
      const counts = await pruneExpiredData(database.db, new Date(), { sessionIdleMinutes: config.session.idleMinutes });
      app.log.info({ counts }, 'expired personal data pruned');
    } catch (error) {
      app.log.error({ err: error }, 'pruning expired data failed');
    }
  };
  const timers = [setInterval(() => void housekeeping(), 3_600_000), setInterval(() => void app.mailer.flush(), 60_000)];
  for (const timer of timers) timer.unref();
  void housekeeping();
  void app.mailer.flush();

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    for (const timer of timers) clearInterval(timer);
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
