import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { SMTPServer } from 'smtp-server';
import { migrateToLatest } from '../../src/db/migrate.js';
import { seedReferenceData } from '../../src/db/seed/seed.js';
import { queueEmail } from '../../src/features/mail/email.repository.js';
import { MAX_EMAIL_ATTEMPTS } from '../../src/features/mail/mailer.js';
import { buildApp } from '../../src/http/app.js';
import { TestAgent } from '../helpers/agent.js';
import { TEST_BASE_URL, TestClock, testConfig } from '../helpers/app.js';
import { testDialects, type TestDatabase } from '../helpers/dialects.js';
import { buildUser } from '../helpers/factories.js';

interface Received {
  from: string;
  to: string[];
  headers: Map<string, string>;
  body: string;
}

/** Decodes RFC 2047 encoded words (=?UTF-8?Q?…?= and =?UTF-8?B?…?=) in a header value. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_all, encoding: string, text: string) =>
      encoding.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8'),
    );
}

/** Just enough of a MIME parser for nodemailer's single-part plain-text messages. */
function parseMessage(raw: string): { headers: Map<string, string>; body: string } {
  const split = raw.indexOf('\r\n\r\n');
  const headers = new Map<string, string>();
  for (const line of raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).trim().toLowerCase(), decodeWords(line.slice(colon + 1).trim()));
  }
  let body = raw.slice(split + 4);
  const encoding = headers.get('content-transfer-encoding')?.toLowerCase();
  if (encoding === 'quoted-printable') {
    const bytes = body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    body = Buffer.from(bytes, 'latin1').toString('utf8');
  } else if (encoding === 'base64') {
    body = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  }
  return { headers, body: body.replace(/\r\n/g, '\n').replace(/\n$/, '') };
}

/** A mail server on 127.0.0.1 that keeps what it receives, or refuses every message with a 5xx. */
async function startMailServer(behaviour: 'accept' | 'reject'): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onMailFrom(_address, _session, callback) {
      if (behaviour === 'accept') return callback();
      const error = new Error('Mailbox unavailable') as Error & { responseCode: number };
      error.responseCode = 550;
      return callback(error);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const envelope = session.envelope;
        received.push({
          from: envelope.mailFrom ? envelope.mailFrom.address : '',
          to: envelope.rcptTo.map((r) => r.address),
          ...parseMessage(Buffer.concat(chunks).toString('latin1')),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

for (const dialect of testDialects()) {
  describe(`delivering e-mail over SMTP [${dialect.name}]`, { skip: dialect.skip }, () => {
    let database: TestDatabase;
    let accepting: Awaited<ReturnType<typeof startMailServer>>;
    let rejecting: Awaited<ReturnType<typeof startMailServer>>;
    let app: FastifyInstance;
    let failingApp: FastifyInstance;
    const clock = new TestClock();

    before(async () => {
      database = await dialect.open();
      await migrateToLatest(database);
      await seedReferenceData(database.db);
      [accepting, rejecting] = await Promise.all([startMailServer('accept'), startMailServer('reject')]);
      app = await buildApp(testConfig({ SMTP_URL: accepting.url }), { database, now: clock.now });
      failingApp = await buildApp(testConfig({ SMTP_URL: rejecting.url }), { database, now: clock.now });
    });
    after(async () => {
      await app?.close();
      await failingApp?.close();
      await Promise.all([accepting?.close(), rejecting?.close()]);
      await database?.dispose();
    });

    const statusOf = (id: number) => database.db.selectFrom('email_messages').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

    it('sends a queued message with its language and marks it sent', async () => {
      assert.equal(app.mailer.delivers, true);
      const id = await database.db.transaction().execute((trx) =>
        queueEmail(trx, { userId: null, to: 'saaja@example.test', locale: 'sv', purpose: 'test', subject: 'Testmeddelande från S3', text: 'Hej!\nDetta är ett test: åäö.' }, true, clock.now()),
      );
      assert.equal((await statusOf(id)).status, 'pending');
      assert.equal(await app.outbox.dispatch(), 1);
      const message = accepting.received.at(-1)!;
      assert.deepEqual(message.to, ['saaja@example.test']);
      assert.equal(message.from, 'no-reply@s3.test');
      assert.equal(message.headers.get('subject'), 'Testmeddelande från S3');
      assert.equal(message.headers.get('content-language'), 'sv');
      assert.equal(message.headers.get('auto-submitted'), 'auto-generated');
      assert.equal(message.body, 'Hej!\nDetta är ett test: åäö.');
      const row = await statusOf(id);
      assert.equal(row.status, 'sent');
      assert.equal(row.attempts, 1);
      assert.equal(row.sent_at, clock.now().toISOString());
    });

    it('sends the password reset link a user asks for on the page', async () => {
      const user = await buildUser(database.db, { email: 'unohtaja@example.test', name: 'Uuno Unohtaja', locale: 'fi' });
      const response = await new TestAgent(app).post('/fi/salasana-unohtui', { email: user.email });
      assert.equal(response.statusCode, 303);
      await app.outbox.dispatch();
      const row = await database.db.selectFrom('email_messages').selectAll().where('to_address', '=', user.email).executeTakeFirstOrThrow();
      assert.equal(row.status, 'sent');
      assert.equal(row.purpose, 'password-reset');
      const message = accepting.received.find((m) => m.to.includes(user.email));
      assert.ok(message, 'the mail server received the message');
      assert.equal(message.headers.get('subject'), row.subject);
      assert.equal(message.headers.get('content-language'), 'fi');
      assert.equal(message.body, row.body_text.replace(/\r\n/g, '\n').replace(/\n$/, ''));
      assert.match(message.body, new RegExp(`${TEST_BASE_URL}/fi/salasana-unohtui/[A-Za-z0-9_-]{43}`));
    });

    it('counts refused attempts, keeps the message pending, and gives up after the last attempt', async () => {
      const id = await database.db.transaction().execute((trx) =>
        queueEmail(trx, { userId: null, to: 'refused@example.test', locale: 'en', purpose: 'test', subject: 'Refused', text: 'Never arrives.' }, true, clock.now()),
      );
      const later = () => clock.set(new Date(clock.now().getTime() + 2 * 3_600_000).toISOString());
      for (let attempt = 1; attempt < MAX_EMAIL_ATTEMPTS; attempt += 1) {
        assert.equal(await failingApp.outbox.dispatch(), 0);
        // The failed attempt is retried after a backoff, not at once.
        assert.equal(await failingApp.outbox.dispatch(), 0);
        assert.equal((await statusOf(id)).attempts, attempt, `no retry before the backoff after attempt ${attempt}`);
        const row = await statusOf(id);
        assert.equal(row.status, 'pending', `after attempt ${attempt}`);
        assert.equal(row.attempts, attempt);
        assert.match(row.last_error ?? '', /550/);
        later();
      }
      await failingApp.outbox.dispatch();
      const row = await statusOf(id);
      assert.equal(row.status, 'failed');
      assert.equal(row.attempts, MAX_EMAIL_ATTEMPTS);
      assert.ok(!rejecting.received.some((m) => m.to.includes('refused@example.test')));
      // A failed message is left for an administrator; later runs do not try it again.
      later();
      await failingApp.outbox.dispatch();
      assert.equal((await statusOf(id)).attempts, MAX_EMAIL_ATTEMPTS);
    });
  });
}
