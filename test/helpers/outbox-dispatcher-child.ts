/**
 * A second dispatcher in a process of its own, for test/integration/outbox-exactly-once.test.ts: it
 * opens the test's schema, says "ready", waits for "go" on stdin, dispatches until nothing is pending
 * and prints how many webhooks it delivered as JSON.
 * Environment: DATABASE_URL, DB_SCHEMA, SECRET_KEY, SUBSCRIPTION_ID.
 */
import { createInterface } from 'node:readline';
import { openDatabase } from '../../src/db/database.js';
import { createDispatcher, type OutboxHandler } from '../../src/jobs/dispatcher.js';
import { testConfig } from './app.js';
import { instanceHandlers, outboxStatusCounts, sleep } from './outbox-fixtures.js';

const handle = openDatabase({ databaseUrl: process.env.DATABASE_URL!, schema: process.env.DB_SCHEMA!, poolSize: 6 });
const config = testConfig({ SECRET_KEY: process.env.SECRET_KEY! });
const handlers = instanceHandlers(config, handle.db, Number(process.env.SUBSCRIPTION_ID), { baseMs: 100, maxMs: 1_000, maxAttempts: 9 });
let webhooks = 0;
const counting: OutboxHandler = {
  ...handlers.webhook,
  async deliver(row) {
    const outcome = await handlers.webhook.deliver(row);
    if (outcome.ok) webhooks += 1;
    return outcome;
  },
};
const dispatcher = createDispatcher({ db: handle.db, handlers: { event: handlers.event, webhook: counting }, now: () => new Date(), owner: 'child' });

console.log('ready');
await new Promise<void>((resolve) => createInterface({ input: process.stdin }).once('line', () => resolve()));
for (;;) {
  if ((await dispatcher.dispatch()) > 0) continue;
  if ((await outboxStatusCounts(handle.db)).pending === 0) break;
  await sleep(3);
}
await handle.destroy();
console.log(JSON.stringify({ webhooks }));
process.exit(0);
