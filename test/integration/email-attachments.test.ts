import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { attachToEmail, queueEmail } from '../../src/features/mail/email.repository.js';
import { renderDecisionLetter } from '../../src/features/decisions/decision-letter.pdf.js';
import { agentFor, buildTestApp, TestClock, type TestApp } from '../helpers/app.js';
import { testDialects, type TestDatabase } from '../helpers/dialects.js';
import { buildUser } from '../helpers/factories.js';
import { startMailingApp, type MailServer, type MailingApp } from '../helpers/mail-server.js';

/** A file holding every byte value, so that any re-encoding on the way would show. */
const everyByte = Buffer.concat([Buffer.from('%PDF-1.5\n%\xff\xff\xff\xff\n', 'latin1'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7) % 256)), Buffer.from('\n%%EOF\n')]);

/** A real decision letter, as the councils' decisions attach it. */
const decisionLetter = () =>
  renderDecisionLetter({
    locale: 'fi',
    finalAt: '2026-11-28T10:00:00.000Z',
    recipient: 'Oulun yliopisto',
    call: { title: 'Yhteishaku 2026', reference: 'S3-2026-1' },
    application: { title: 'Vetytalouden ekosysteemi', receiptNumber: 'S3-2026-1-0001' },
    outcome: 'funded',
    explanation: { headline: 'Saa rahoitusta: avustus on 112 000,00 €.', details: [] },
    decisions: [{ council: 'Kainuun liitto', number: '§ 41', date: '2026-11-27', maker: 'Maakuntahallitus', grounds: 'Hanke vastaa strategiaa.', requestedCents: 11_200_000, grantedCents: 11_200_000 }],
    scores: { total: null, minimum: 14, criteria: [] },
  });
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

interface Part {
  headers: Map<string, string>;
  body: string;
}

function splitPart(raw: string): Part {
  const split = raw.indexOf('\r\n\r\n');
  const headers = new Map<string, string>();
  for (const line of raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body: raw.slice(split + 4) };
}

/** The parts of a multipart/mixed message, as nodemailer writes one with attachments. */
function mimeParts(raw: string): Part[] {
  const message = splitPart(raw);
  const boundary = /boundary="?([^";]+)"?/.exec(message.headers.get('content-type') ?? '')?.[1];
  assert.ok(boundary, 'the message is multipart');
  return message.body
    .split(`--${boundary}`)
    .slice(1, -1)
    .map((p) => splitPart(p.replace(/^\r\n/, '')));
}

for (const dialect of testDialects()) {
  describe(`e-mail attachments over SMTP [${dialect.name}]`, { skip: dialect.skip }, () => {
    let mailing: MailingApp;
    let database: TestDatabase;
    let mail: MailServer;
    let app: FastifyInstance;
    const clock = new TestClock();

    before(async () => {
      mailing = await startMailingApp(dialect, clock);
      ({ database, mail, app } = mailing);
    });
    after(() => mailing?.close());

    it('delivers the files attached in the queuing transaction byte for byte, in order, beside the text', async () => {
      const pdf = await decisionLetter();
      const id = await database.db.transaction().execute(async (trx) => {
        const emailId = await queueEmail(trx, { userId: null, to: 'hakija@example.test', locale: 'fi', purpose: 'funding-decision', subject: 'Päätös', text: 'Päätös on liitteenä.' }, true, clock.now());
        await attachToEmail(trx, emailId, [
          { filename: 'rahoituspaatos-S3-2026-1-0001.pdf', contentType: 'application/pdf', content: pdf },
          { filename: 'every-byte.bin', contentType: 'application/octet-stream', content: everyByte },
        ]);
        return emailId;
      });
      assert.equal(await app.outbox.dispatch(), 1);
      assert.equal((await database.db.selectFrom('email_messages').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status, 'sent');
      const parts = mimeParts(mail.received.at(-1)!.raw);
      assert.equal(parts.length, 3);
      assert.match(parts[0]!.headers.get('content-type') ?? '', /^text\/plain/);
      const [first, second] = [parts[1]!, parts[2]!];
      assert.match(first.headers.get('content-type') ?? '', /^application\/pdf/);
      assert.equal(first.headers.get('content-disposition'), 'attachment; filename=rahoituspaatos-S3-2026-1-0001.pdf');
      assert.equal(first.headers.get('content-transfer-encoding'), 'base64');
      const arrived = Buffer.from(first.body.replace(/\s+/g, ''), 'base64');
      assert.equal(arrived.subarray(0, 5).toString('latin1'), '%PDF-');
      assert.equal(sha256(arrived), sha256(pdf));
      assert.equal(second.headers.get('content-disposition'), 'attachment; filename=every-byte.bin');
      assert.equal(sha256(Buffer.from(second.body.replace(/\s+/g, ''), 'base64')), sha256(everyByte));
    });

    it('rolls the attachment back with the message when the transaction fails', async () => {
      const before = await database.db.selectFrom('email_attachments').select('id').execute();
      await assert.rejects(
        database.db.transaction().execute(async (trx) => {
          const emailId = await queueEmail(trx, { userId: null, to: 'peruttu@example.test', locale: 'fi', purpose: 'funding-decision', subject: 'x', text: 'x' }, true, clock.now());
          await attachToEmail(trx, emailId, [{ filename: 'x.pdf', contentType: 'application/pdf', content: everyByte }]);
          throw new Error('the change it reports failed');
        }),
      );
      assert.equal((await database.db.selectFrom('email_attachments').select('id').execute()).length, before.length);
      assert.equal((await database.db.selectFrom('email_messages').select('id').where('to_address', '=', 'peruttu@example.test').execute()).length, 0);
    });
  });

  describe(`kept e-mail lists its attachments [${dialect.name}]`, { skip: dialect.skip }, () => {
    let t: TestApp;
    before(async () => {
      t = await buildTestApp(dialect, { demo: false });
    });
    after(async () => t?.close());

    it('shows each attached file’s name and size to an administrator', async () => {
      const id = await t.database.db.transaction().execute(async (trx) => {
        const emailId = await queueEmail(trx, { userId: null, to: 'hakija@example.test', locale: 'sv', purpose: 'funding-decision', subject: 'Beslut', text: 'Beslutet bifogas.' }, false, t.clock.now());
        await attachToEmail(trx, emailId, [{ filename: 'finansieringsbeslut-TEST-2-0001.pdf', contentType: 'application/pdf', content: everyByte }]);
        return emailId;
      });
      const admin = await buildUser(t.database.db, { roles: [{ role: 'admin' }] });
      const page = await (await agentFor(t, admin)).get(`/en/admin/email/${id}`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<h2>Attachments<\/h2>/);
      // 4,119 bytes round up to 5 KB.
      assert.match(page.body, /<li>finansieringsbeslut-TEST-2-0001\.pdf \(5 KB\)<\/li>/);
      assert.match(page.body, /Funding decision/);
    });
  });
}
