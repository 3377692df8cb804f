import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { UserRow } from '../../src/db/schema.js';
import { nextDigestAt } from '../../src/features/notifications/digest-schedule.js';
import { saveNotificationPreferences } from '../../src/features/notifications/notification-preferences.repository.js';
import { notifyUser, type NotificationKind } from '../../src/features/notifications/notify-user.js';
import { buildApp } from '../../src/http/app.js';
import { buildTestApp, testConfig, type TestApp } from '../helpers/app.js';
import { testDialects } from '../helpers/dialects.js';
import { buildUser } from '../helpers/factories.js';

describe('when the digest goes out', () => {
  it('is the next 7.00 Helsinki time, in winter and in summer time', () => {
    assert.equal(nextDigestAt(new Date('2026-11-28T10:00:00.000Z')).toISOString(), '2026-11-29T05:00:00.000Z');
    assert.equal(nextDigestAt(new Date('2026-11-29T04:59:59.000Z')).toISOString(), '2026-11-29T05:00:00.000Z');
    assert.equal(nextDigestAt(new Date('2026-11-29T05:00:00.000Z')).toISOString(), '2026-11-30T05:00:00.000Z');
    // The clocks go forward in the night before 28 March 2027.
    assert.equal(nextDigestAt(new Date('2027-03-27T10:00:00.000Z')).toISOString(), '2027-03-28T04:00:00.000Z');
    assert.equal(nextDigestAt(new Date('2026-12-31T12:00:00.000Z')).toISOString(), '2027-01-01T05:00:00.000Z');
  });
});

for (const dialect of testDialects()) {
  describe(`the daily digest [${dialect.name}]`, { skip: dialect.skip }, () => {
    let t: TestApp;
    let second: FastifyInstance;
    const db = () => t.database.db;
    before(async () => {
      t = await buildTestApp(dialect, { demo: false });
      second = await buildApp(testConfig(), { database: t.database, now: t.clock.now });
    });
    after(async () => {
      await second?.close();
      await t?.close();
    });

    const digestUser = async (locale: 'fi' | 'sv' | 'en', name: string) => {
      const user = await buildUser(db(), { locale, name });
      await saveNotificationPreferences(db(), user.id, { deadlineReminders: true, reviewAssignments: true, reportNotices: true, delivery: 'daily' }, t.clock.now());
      return user;
    };
    const notify = (user: UserRow, kind: NotificationKind, subject: string, text: string) =>
      db()
        .transaction()
        .execute((trx) => notifyUser(trx, { userId: user.id, kind, purpose: kind, subject, text, to: user.email, locale: user.locale }, { deliverMail: false }, t.clock.now()));
    const digestsOf = (user: UserRow) => db().selectFrom('email_messages').selectAll().where('user_id', '=', user.id).where('purpose', '=', 'daily-digest').orderBy('id').execute();
    const itemsOf = (user: UserRow) => db().selectFrom('digest_items').selectAll().where('user_id', '=', user.id).orderBy('id').execute();
    const tickBoth = () => Promise.all([t.app.scheduler.tick(), second.scheduler.tick()]);

    it('gathers the notices of the day into one e-mail per user at 7.00 Helsinki time, not before, and only once', async () => {
      t.clock.set('2026-11-28T10:00:00.000Z');
      const liisa = await digestUser('fi', 'Liisa Lukija');
      const erik = await digestUser('en', 'Erik Reader');
      await notify(liisa, 'review-assigned', 'Sinut on määrätty arvioimaan hakemuksia: Kiertotaloushaku', 'Arvioi yksi hakemus.');
      await notify(liisa, 'deadline-reminder', 'Muistutus: haku ”Energiahaku” päättyy 15.12.2026 klo 16.15', 'Lähetä hakemus ajoissa.');
      await notify(erik, 'report-notice', 'Progress report submitted: Clean villages', 'Review the report.');
      assert.equal((await itemsOf(liisa)).length, 2);
      assert.equal((await digestsOf(liisa)).length, 0, 'nothing is sent while the notices gather');

      // Helsinki is UTC+2 in winter: 04:59 UTC is 06:59 there.
      t.clock.set('2026-11-29T04:59:59.000Z');
      await tickBoth();
      assert.equal((await digestsOf(liisa)).length, 0, 'not before seven');

      t.clock.set('2026-11-29T05:00:00.000Z');
      await tickBoth();
      await tickBoth();
      const [digest, ...more] = await digestsOf(liisa);
      assert.equal(more.length, 0, 'one digest across both instances');
      assert.equal(digest!.subject, 'Päivän ilmoitukset: 2 ilmoitusta');
      assert.equal(digest!.to_address, liisa.email);
      assert.match(digest!.body_text, /^Hei Liisa Lukija,/);
      assert.match(digest!.body_text, /1\. Sinut on määrätty arvioimaan hakemuksia: Kiertotaloushaku\n\nArvioi yksi hakemus\./);
      assert.match(digest!.body_text, /2\. Muistutus: haku ”Energiahaku” päättyy 15\.12\.2026 klo 16\.15\n\nLähetä hakemus ajoissa\./);
      assert.ok(digest!.body_text.includes('http://s3.test/fi/oma-tili/ilmoitukset'));
      assert.deepEqual((await itemsOf(liisa)).map((i) => i.email_id), [digest!.id, digest!.id]);
      const [english] = await digestsOf(erik);
      assert.equal(english!.subject, 'Your notifications today: 1 notification');
      assert.match(english!.body_text, /Progress report submitted: Clean villages\n\nReview the report\./);
      const slots = await db().selectFrom('job_runs').select('job_key').where('job_key', 'like', 'daily-digest:%').execute();
      assert.deepEqual(slots, [{ job_key: 'daily-digest:2026-11-29' }]);

      t.clock.set('2026-11-29T09:00:00.000Z');
      await notify(liisa, 'report-notice', 'Loppuraportti hyväksytty', 'Raportti on hyväksytty.');
      await tickBoth();
      assert.equal((await digestsOf(liisa)).length, 1, 'a notice after the day’s digest waits for the next one');

      t.clock.set('2026-11-30T06:30:00.000Z');
      await tickBoth();
      const next = await digestsOf(liisa);
      assert.equal(next.length, 2);
      assert.equal(next[1]!.subject, 'Päivän ilmoitukset: 1 ilmoitus');
      assert.match(next[1]!.body_text, /1\. Loppuraportti hyväksytty/);
      assert.doesNotMatch(next[1]!.body_text, /Kiertotaloushaku/, 'items already sent are not sent again');
      assert.equal((await digestsOf(erik)).length, 1, 'no empty digest');
    });

    it('leaves out notices older than two weeks, such as those whose e-mail was pruned', async () => {
      const user = await digestUser('fi', 'Vanha Viesti');
      await db()
        .insertInto('digest_items')
        .values({ user_id: user.id, purpose: 'review-assigned', subject: 'Kolme viikkoa vanha', body_text: 'Vanha.', created_at: '2026-11-09T10:00:00.000Z', email_id: null })
        .execute();
      await notify(user, 'report-notice', 'Tuore ilmoitus', 'Uusi.');
      t.clock.set('2026-12-01T05:00:00.000Z');
      await t.app.scheduler.tick();
      const [digest, ...more] = await digestsOf(user);
      assert.equal(more.length, 0);
      assert.equal(digest!.subject, 'Päivän ilmoitukset: 1 ilmoitus');
      assert.doesNotMatch(digest!.body_text, /Kolme viikkoa vanha/);
    });

    it('reckons seven o’clock in Helsinki summer time too', async () => {
      const user = await digestUser('sv', 'Sara Sommar');
      t.clock.set('2027-06-14T12:00:00.000Z');
      await notify(user, 'review-assigned', 'Du har utsetts att bedöma ansökningar: Sommarutlysning', 'Bedöm en ansökan.');
      // UTC+3 in summer: 03:59 UTC is 06:59, 04:00 UTC is 07:00.
      t.clock.set('2027-06-15T03:59:00.000Z');
      await t.app.scheduler.tick();
      assert.equal((await digestsOf(user)).length, 0);
      t.clock.set('2027-06-15T04:00:00.000Z');
      await t.app.scheduler.tick();
      const [digest] = await digestsOf(user);
      assert.equal(digest!.subject, 'Dagens aviseringar: 1 avisering');
      assert.match(digest!.body_text, /^Hej Sara Sommar,/);
    });
  });
}
