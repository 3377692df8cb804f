import net from 'node:net';
import { migrateToLatest } from '../../src/db/migrate.js';
import { seedDemoCalls } from '../../src/db/seed/demo-calls.js';
import { seedDemoData, seedReferenceData } from '../../src/db/seed/seed.js';
import { buildApp } from '../../src/http/app.js';
import { testConfig, TestClock, type TestApp } from '../helpers/app.js';
import { testDialects } from '../helpers/dialects.js';

/** A port nobody listens on now (the kernel picks it; it is free again a moment later). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * The app on a real port of its own, for a real browser, on a migrated and seeded SQLite database.
 * Its BASE_URL is the address the browser uses, since form posts must come from the site's own
 * origin (the CSRF check compares the Origin header with BASE_URL).
 */
export async function startLiveApp(): Promise<TestApp & { origin: string }> {
  const sqlite = testDialects().find((d) => d.name === 'sqlite')!;
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const database = await sqlite.open();
  await migrateToLatest(database);
  await seedReferenceData(database.db);
  await seedDemoData(database.db);
  const clock = new TestClock();
  await seedDemoCalls(database.db, clock.now());
  const app = await buildApp(testConfig({ BASE_URL: origin }), { database, now: clock.now });
  await app.listen({ host: '127.0.0.1', port });
  return {
    app,
    database,
    clock,
    origin,
    close: async () => {
      await app.close();
      await database.dispose();
    },
  };
}
