import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { SMTPServer } from 'smtp-server';
import { migrateToLatest } from '../../src/db/migrate.js';
import { seedReferenceData } from '../../src/db/seed/seed.js';
import { buildApp } from '../../src/http/app.js';
import { testConfig, type TestClock } from './app.js';
import type { TestDatabase, TestDialect } from './dialects.js';

/** A message as a real SMTP server received it: the envelope, the headers (lower-case names, decoded) and the text. */
export interface ReceivedMail {
  from: string;
  to: string[];
  headers: Map<string, string>;
  body: string;
  /** The message as sent, for tests that read its MIME parts. */
  raw: string;
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
export function parseMessage(raw: string): { headers: Map<string, string>; body: string } {
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
export async function startMailServer(behaviour: 'accept' | 'reject' = 'accept'): Promise<{ url: string; received: ReceivedMail[]; close(): Promise<void> }> {
  const received: ReceivedMail[] = [];
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
        const raw = Buffer.concat(chunks).toString('latin1');
        received.push({ from: envelope.mailFrom ? envelope.mailFrom.address : '', to: envelope.rcptTo.map((r) => r.address), ...parseMessage(raw), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export type MailServer = Awaited<ReturnType<typeof startMailServer>>;

export interface MailingApp {
  database: TestDatabase;
  mail: MailServer;
  app: FastifyInstance;
  close(): Promise<void>;
}

/** A migrated database with reference data, a mail server that accepts everything, and an app that delivers to it. */
export async function startMailingApp(dialect: TestDialect, clock: TestClock): Promise<MailingApp> {
  const database = await dialect.open();
  await migrateToLatest(database);
  await seedReferenceData(database.db);
  const mail = await startMailServer();
  const app = await buildApp(testConfig({ SMTP_URL: mail.url }), { database, now: clock.now });
  return {
    database,
    mail,
    app,
    close: async () => {
      await app.close();
      await mail.close();
      await database.dispose();
    },
  };
}
