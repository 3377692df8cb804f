import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config } from '../../src/config.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { seedDemoData, seedReferenceData } from '../../src/db/seed/seed.js';
import { buildApp } from '../../src/http/app.js';
import type { TestDatabase, TestDialect } from './dialects.js';
import type { UserRow } from '../../src/db/schema.js';
import { SESSION_COOKIE } from '../../src/features/auth/session.service.js';
import { TestAgent } from './agent.js';
import { sessionCookieFor } from './factories.js';

export const TEST_BASE_URL = 'http://s3.test';

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ NODE_ENV: 'test', BASE_URL: TEST_BASE_URL, ...overrides });
}

/** A settable clock for rules that depend on "now". */
export class TestClock {
  constructor(private instant: Date = new Date('2026-11-28T10:00:00Z')) {}
  now = (): Date => new Date(this.instant);
  set(iso: string): void {
    this.instant = new Date(iso);
  }
}

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  clock: TestClock;
  close(): Promise<void>;
}

/** A migrated, seeded database of the given dialect and an app on it, called through inject(). */
export async function buildTestApp(dialect: TestDialect, options: { demo?: boolean; migrate?: boolean } = {}): Promise<TestApp> {
  const database = await dialect.open();
  if (options.migrate !== false) {
    await migrateToLatest(database);
    await seedReferenceData(database.db);
    if (options.demo !== false) await seedDemoData(database.db);
  }
  const clock = new TestClock();
  const app = await buildApp(testConfig(), { database, now: clock.now });
  return {
    app,
    database,
    clock,
    close: async () => {
      await app.close();
      await database.dispose();
    },
  };
}

/** A browser for the test app, signed in as the user when one is given. */
export async function agentFor(t: TestApp, user?: UserRow): Promise<TestAgent> {
  const agent = new TestAgent(t.app);
  if (user) agent.cookies.set(SESSION_COOKIE, await sessionCookieFor(t.database.db, user, t.app.config, t.clock.now()));
  return agent;
}
