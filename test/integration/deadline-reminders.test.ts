import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { CallRow, UserRow } from '../../src/db/schema.js';
import { deadlineRemindersJob, reminderWindow } from '../../src/features/notifications/deadline-reminders.job.js';
import { saveNotificationPreferences } from '../../src/features/notifications/notification-preferences.repository.js';
import { buildApp } from '../../src/http/app.js';
import { buildTestApp, testConfig, type TestApp } from '../helpers/app.js';
import { buildApplication, buildCall } from '../helpers/call-factories.js';
import { testDialects } from '../helpers/dialects.js';
import { buildOrganisation, buildUser } from '../helpers/factories.js';

describe('the reminder windows before a call closes', () => {
  const closes = new Date('2026-12-15T14:15:00.000Z');
  const at = (iso: string) => reminderWindow(closes, new Date(iso));
  it('is none more than 7 days before, 7d in the six days before the last, 1d in the last day, and none once closed', () => {
    assert.equal(at('2026-12-08T14:14:59.000Z'), null);
    assert.equal(at('2026-12-08T14:15:00.000Z'), '7d');
    assert.equal(at('2026-12-14T14:14:59.000Z'), '7d');
    assert.equal(at('2026-12-14T14:15:00.000Z'), '1d');
    assert.equal(at('2026-12-15T14:14:59.000Z'), '1d');
    assert.equal(at('2026-12-15T14:15:00.000Z'), null);
  });
});

for (const dialect of testDialects()) {
  describe(`deadline reminders to the people of draft applications [${dialect.name}]`, { skip: dialect.skip }, () => {
    let t: TestApp;
    let second: FastifyInstance;
    let call: CallRow;
    const db = () => t.database.db;
    before(async () => {
      t = await buildTestApp(dialect);
      // A second instance on the same database, as behind a load balancer.
      second = await buildApp(testConfig(), { database: t.database, now: t.clock.now });
      // Closes 15 Dec 2026 at 16.15 Helsinki time.
      call = await buildCall(db(), { title: 'Vähähiilisyyden yhteishaku', closesAt: '2026-12-15T14:15:00.000Z' });
    });
    after(async () => {
      await second?.close();
      await t?.close();
    });

    const remindersOf = (user: UserRow) =>
      db().selectFrom('email_messages').selectAll().where('user_id', '=', user.id).where('purpose', '=', 'deadline-reminder').orderBy('id').execute();
    const addEditor = async (applicationId: number, partnerId: number, user: UserRow) => {
      await db().insertInto('application_editors').values({ application_id: applicationId, user_id: user.id, partner_id: partnerId, invited_by: null, created_at: '2026-11-20T10:00:00.000Z' }).execute();
    };

    it('reminds the creator and the editors once in the last 7 days and once in the last day, in their languages, and never a submitted application or an opted-out user', async () => {
      const lead = await buildOrganisation(db(), { region: '17' });
      const creator = await buildUser(db(), { name: 'Liisa Laatija', locale: 'fi' });
      const editor = await buildUser(db(), { name: 'Sven Skribent', locale: 'sv' });
      const invited = await buildUser(db(), { status: 'invited' });
      const draft = await buildApplication(db(), { call, lead: { organisation: lead }, createdBy: creator, title: 'Puhtaan energian kylät' });
      await addEditor(draft.id, draft.partnerIds[1]!, editor);
      await addEditor(draft.id, draft.partnerIds[2]!, editor);
      await addEditor(draft.id, draft.partnerIds[1]!, invited);

      const submitter = await buildUser(db());
      await buildApplication(db(), { call, lead: { organisation: await buildOrganisation(db()) }, createdBy: submitter, status: 'submitted' });
      const optedOut = await buildUser(db());
      await saveNotificationPreferences(db(), optedOut.id, { deadlineReminders: false, reviewAssignments: true, reportNotices: true, delivery: 'immediate' }, t.clock.now());
      const optedOutDraft = await buildApplication(db(), { call, lead: { organisation: await buildOrganisation(db()) }, createdBy: optedOut });

      t.clock.set('2026-12-08T14:00:00.000Z');
      await t.app.scheduler.tick();
      assert.equal((await remindersOf(creator)).length, 0, 'more than 7 days before closing');

      t.clock.set('2026-12-08T15:00:00.000Z');
      await Promise.all([t.app.scheduler.tick(), second.scheduler.tick()]);
      await t.app.scheduler.tick();
      const [fi] = await remindersOf(creator);
      assert.equal((await remindersOf(creator)).length, 1);
      assert.equal(fi!.to_address, creator.email);
      assert.equal(fi!.locale, 'fi');
      assert.equal(fi!.subject, 'Muistutus: haku ”Vähähiilisyyden yhteishaku” päättyy 15.12.2026 klo 16.15');
      assert.match(fi!.body_text, /^Hei Liisa Laatija,/);
      assert.match(fi!.body_text, /hakemus ”Puhtaan energian kylät”/);
      assert.match(fi!.body_text, /hakuaika päättyy 15\.12\.2026 klo 16\.15 \(Suomen aikaa\)/);
      assert.match(fi!.body_text, /Vain lähetetty hakemus otetaan käsiteltäväksi/);
      assert.ok(fi!.body_text.includes(`http://s3.test/fi/hakemukset/${draft.id}\n`));
      assert.ok(fi!.body_text.includes('http://s3.test/fi/oma-tili/ilmoitukset'));
      const sv = await remindersOf(editor);
      assert.equal(sv.length, 1, 'one reminder, though the editor edits two partners');
      assert.match(sv[0]!.body_text, /går ut 15\.12\.2026 kl\. 16\.15 \(finsk tid\)/);
      assert.match(sv[0]!.body_text, /Testutlysning/);
      assert.ok(sv[0]!.body_text.includes(`http://s3.test/sv/ansokningar/${draft.id}`));
      assert.equal((await remindersOf(invited)).length, 0, 'an invitation not yet accepted');
      assert.equal((await remindersOf(submitter)).length, 0, 'a submitted application');
      assert.equal((await remindersOf(optedOut)).length, 0, 'reminders switched off');

      t.clock.set('2026-12-13T10:00:00.000Z');
      await t.app.scheduler.tick();
      assert.equal((await remindersOf(creator)).length, 1, 'still in the 7-day window');

      t.clock.set('2026-12-14T20:00:00.000Z');
      await Promise.all([t.app.scheduler.tick(), second.scheduler.tick()]);
      await Promise.all([t.app.scheduler.tick(), second.scheduler.tick()]);
      assert.equal((await remindersOf(creator)).length, 2, 'the 1-day reminder, once across both instances');
      assert.equal((await remindersOf(editor)).length, 2);
      assert.equal((await remindersOf(optedOut)).length, 0);
      const slots = await db().selectFrom('job_runs').select('job_key').where('job_key', 'like', `deadline-reminder:${draft.id}:%`).orderBy('job_key').execute();
      assert.deepEqual(
        slots.map((s) => s.job_key),
        [`deadline-reminder:${draft.id}:${creator.id}:1d`, `deadline-reminder:${draft.id}:${creator.id}:7d`, `deadline-reminder:${draft.id}:${editor.id}:1d`, `deadline-reminder:${draft.id}:${editor.id}:7d`].sort(),
      );
      assert.ok(await db().selectFrom('job_runs').select('job_key').where('job_key', '=', `deadline-reminder:${optedOutDraft.id}:${optedOut.id}:1d`).executeTakeFirst());

      t.clock.set('2026-12-15T14:15:00.000Z');
      await t.app.scheduler.tick();
      assert.equal((await remindersOf(creator)).length, 2, 'nothing once the call has closed');
    });

    it('sends only the 1-day reminder for an application started in the last day', async () => {
      const late = await buildUser(db(), { locale: 'en' });
      const application = await buildApplication(db(), { call, lead: { organisation: await buildOrganisation(db()) }, createdBy: late, empty: true });
      t.clock.set('2026-12-15T02:15:00.000Z');
      await t.app.scheduler.tick();
      await t.app.scheduler.tick();
      const mails = await remindersOf(late);
      assert.equal(mails.length, 1);
      assert.equal(mails[0]!.subject, `Reminder: the call “${call.title_en}” closes on 15 December 2026 at 16:15`);
      assert.match(mails[0]!.body_text, /the application “Untitled application”/);
      const slots = await db().selectFrom('job_runs').select('job_key').where('job_key', 'like', `deadline-reminder:${application.id}:%`).execute();
      assert.deepEqual(slots.map((s) => s.job_key), [`deadline-reminder:${application.id}:${late.id}:1d`]);
    });

    it('puts a reminder in the digest of a user who chose it, unless the digest would come after the call has closed', async () => {
      const reader = await buildUser(db());
      await saveNotificationPreferences(db(), reader.id, { deadlineReminders: true, reviewAssignments: true, reportNotices: true, delivery: 'daily' }, t.clock.now());
      const closing = await buildCall(db(), { closesAt: '2026-12-22T14:15:00.000Z' });
      const application = await buildApplication(db(), { call: closing, lead: { organisation: await buildOrganisation(db()) }, createdBy: reader });
      const digestOf = () => db().selectFrom('digest_items').select(['purpose', 'subject']).where('user_id', '=', reader.id).execute();

      t.clock.set('2026-12-16T10:00:00.000Z');
      await deadlineRemindersJob.run(db(), t.clock.now(), { config: t.app.config, owner: 'a', deliverMail: false });
      assert.deepEqual((await digestOf()).map((i) => i.purpose), ['deadline-reminder']);
      assert.equal((await remindersOf(reader)).length, 0);

      // 08.00 on the closing day: tomorrow's digest would be too late.
      t.clock.set('2026-12-22T06:00:00.000Z');
      await deadlineRemindersJob.run(db(), t.clock.now(), { config: t.app.config, owner: 'a', deliverMail: false });
      assert.equal((await digestOf()).length, 1);
      const [mail] = await remindersOf(reader);
      assert.ok(mail?.body_text.includes(`/fi/hakemukset/${application.id}`));
    });

    it('claims each reminder once when the job runs twice at the same moment', async () => {
      const person = await buildUser(db());
      const other = await buildCall(db(), { closesAt: '2026-12-20T10:00:00.000Z' });
      await buildApplication(db(), { call: other, lead: { organisation: await buildOrganisation(db()) }, createdBy: person });
      const now = new Date('2026-12-16T10:00:00.000Z');
      const ctx = (owner: string) => ({ config: t.app.config, owner, deliverMail: false });
      await Promise.all([deadlineRemindersJob.run(db(), now, ctx('instance-a')), deadlineRemindersJob.run(db(), now, ctx('instance-b'))]);
      assert.equal((await remindersOf(person)).length, 1);
    });
  });
}
