import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { UserRow } from '../../src/db/schema.js';
import { findNotificationPreferences, saveNotificationPreferences, type NotificationPreferences } from '../../src/features/notifications/notification-preferences.repository.js';
import { notifyUser, type UserNotification } from '../../src/features/notifications/notify-user.js';
import { pagePath } from '../../src/http/page-paths.js';
import { TestAgent } from '../helpers/agent.js';
import { agentFor, buildTestApp, type TestApp } from '../helpers/app.js';
import { testDialects } from '../helpers/dialects.js';
import { buildUser } from '../helpers/factories.js';
import { buildClosedCall, buildReviewer, buildSubmittedApplication, startReview } from '../helpers/review-factories.js';

const page = '/fi/oma-tili/ilmoitukset';

function inputTag(html: string, name: string): string {
  const tag = new RegExp(`<input[^>]*id="field-${name}"[^>]*>`).exec(html)?.[0];
  assert.ok(tag, `an input #field-${name}`);
  return tag;
}
const isChecked = (html: string, name: string) => / checked/.test(inputTag(html, name));

for (const dialect of testDialects()) {
  describe(`users' notification preferences [${dialect.name}]`, { skip: dialect.skip }, () => {
    let t: TestApp;
    const db = () => t.database.db;
    before(async () => {
      t = await buildTestApp(dialect);
    });
    after(async () => t?.close());

    const prefer = (user: UserRow, change: Partial<NotificationPreferences>) =>
      saveNotificationPreferences(db(), user.id, { deadlineReminders: true, reviewAssignments: true, reportNotices: true, delivery: 'immediate', ...change }, t.clock.now());
    const notice = (user: UserRow, kind: UserNotification['kind'] = 'review-assigned'): UserNotification => ({
      userId: user.id,
      kind,
      purpose: kind,
      subject: 'Sinut on määrätty arvioimaan hakemuksia: Testihaku',
      text: 'Hei,\n\nsinut on määrätty arvioimaan yhden hakemuksen.',
      to: user.email,
      locale: 'fi',
    });
    const emailsOf = (user: UserRow) => db().selectFrom('email_messages').selectAll().where('user_id', '=', user.id).execute();
    const digestOf = (user: UserRow) => db().selectFrom('digest_items').selectAll().where('user_id', '=', user.id).orderBy('id').execute();
    const notify = (n: UserNotification, deliverMail = false) => db().transaction().execute((trx) => notifyUser(trx, n, { deliverMail }, t.clock.now()));

    it('sends a notice at once to a user who never set preferences: every kind is on, and delivery is immediate', async () => {
      const user = await buildUser(db());
      assert.deepEqual(await findNotificationPreferences(db(), user.id), { deadlineReminders: true, reviewAssignments: true, reportNotices: true, delivery: 'immediate' });
      assert.equal(await notify(notice(user), true), 'queued');
      const [mail] = await emailsOf(user);
      assert.deepEqual([mail?.purpose, mail?.to_address, mail?.status], ['review-assigned', user.email, 'pending']);
      const outbox = await db().selectFrom('outbox').select('kind').where('idempotency_key', '=', `email-${mail!.id}`).execute();
      assert.deepEqual(outbox, [{ kind: 'email' }], 'with a mail server, the e-mail waits in the outbox');
      assert.equal((await digestOf(user)).length, 0);
    });

    it('writes nothing for a kind the user has switched off, and still sends the kinds left on', async () => {
      const user = await buildUser(db());
      await prefer(user, { reviewAssignments: false });
      assert.equal(await notify(notice(user, 'review-assigned')), 'off');
      assert.equal((await emailsOf(user)).length, 0);
      assert.equal((await digestOf(user)).length, 0);
      assert.equal(await notify(notice(user, 'report-notice')), 'queued');
      assert.deepEqual((await emailsOf(user)).map((e) => e.purpose), ['report-notice']);
    });

    it('keeps the notice for the daily digest, not as an e-mail, for a user who chose the digest', async () => {
      const user = await buildUser(db());
      await prefer(user, { delivery: 'daily' });
      assert.equal(await notify(notice(user, 'deadline-reminder')), 'digest');
      assert.equal((await emailsOf(user)).length, 0);
      const [item] = await digestOf(user);
      assert.deepEqual([item?.purpose, item?.subject, item?.email_id], ['deadline-reminder', 'Sinut on määrätty arvioimaan hakemuksia: Testihaku', null]);
      assert.match(item!.body_text, /yhden hakemuksen/);
    });

    it('queues a notice to an address without an account as before', async () => {
      assert.equal(await notify({ ...notice(await buildUser(db())), userId: null, to: 'yhteyshenkilo@example.test' }), 'queued');
      const mails = await db().selectFrom('email_messages').select(['user_id', 'status']).where('to_address', '=', 'yhteyshenkilo@example.test').execute();
      assert.deepEqual(mails, [{ user_id: null, status: 'kept' }]);
    });

    it('shows the defaults, what is always sent, the public subscriptions, and is linked from the account page', async () => {
      const user = await buildUser(db());
      const agent = await agentFor(t, user);
      const res = await agent.get(page);
      assert.equal(res.statusCode, 200);
      for (const name of ['deadlineReminders', 'reviewAssignments', 'reportNotices', 'delivery']) assert.ok(isChecked(res.body, name), `${name} is on by default`);
      assert.ok(!isChecked(res.body, 'delivery-daily'));
      assert.match(res.body, /joka aamu kello 7/);
      assert.match(res.body, /Nämä lähetetään aina/);
      assert.match(res.body, /vastaanottokuittaus lähettämästäsi hakemuksesta/);
      assert.match(res.body, /rahoituspäätökset/);
      assert.match(res.body, /salasanan vaihtamiseen/);
      assert.ok(res.body.includes(`href="${pagePath('fi', 'subscribe')}"`));
      assert.ok((await agent.get('/fi/oma-tili')).body.includes(`href="${page}"`));
      const sv = await agent.get('/sv/mitt-konto/aviseringar');
      assert.match(sv.body, /Påminnelser om att ansökningstiden går ut/);
    });

    it('saves the choices with a 303 and a notice, and audits them', async () => {
      const user = await buildUser(db());
      const agent = await agentFor(t, user);
      const res = await agent.post(page, { deadlineReminders: '1', delivery: 'daily' });
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, `${page}?saved`);
      assert.deepEqual(await findNotificationPreferences(db(), user.id), { deadlineReminders: true, reviewAssignments: false, reportNotices: false, delivery: 'daily' });
      const after = await agent.get(String(res.headers.location));
      assert.match(after.body, /Ilmoitusasetukset on tallennettu\./);
      assert.ok(isChecked(after.body, 'deadlineReminders'));
      assert.ok(!isChecked(after.body, 'reviewAssignments'));
      assert.ok(isChecked(after.body, 'delivery-daily'));
      const [entry] = await db().selectFrom('audit_log').selectAll().where('action', '=', 'user.notifications-updated').where('entity_id', '=', String(user.id)).execute();
      assert.deepEqual(JSON.parse(entry!.after_json!), { deadlineReminders: true, reviewAssignments: false, reportNotices: false, delivery: 'daily' });

      await agent.post(page, { reviewAssignments: '1', delivery: 'immediate' });
      assert.deepEqual(await findNotificationPreferences(db(), user.id), { deadlineReminders: false, reviewAssignments: true, reportNotices: false, delivery: 'immediate' });
    });

    it('refuses a missing or unknown delivery with a message at the field, keeping the boxes as ticked, and saves nothing', async () => {
      const user = await buildUser(db());
      const agent = await agentFor(t, user);
      for (const fields of [{ reportNotices: '1' }, { reportNotices: '1', delivery: 'weekly' }] as Array<Record<string, string>>) {
        const res = await agent.post(page, fields);
        assert.equal(res.statusCode, 400);
        assert.match(res.body, /class="error-summary"/);
        assert.match(res.body, /href="#field-delivery">Valitse, lähetetäänkö ilmoitukset heti vai koosteena\./);
        assert.match(res.body, /id="field-delivery-error"/);
        assert.ok(isChecked(res.body, 'reportNotices'));
        assert.ok(!isChecked(res.body, 'deadlineReminders'));
      }
      assert.equal(await db().selectFrom('notification_preferences').select('user_id').where('user_id', '=', user.id).executeTakeFirst(), undefined);
    });

    it('sends a signed-out visitor to sign in', async () => {
      const res = await new TestAgent(t.app).get(page);
      assert.equal(res.statusCode, 303);
      assert.match(String(res.headers.location), /^\/fi\/kirjaudu\?next=/);
    });

    it('puts a review assignment in the digest of a reviewer who chose daily delivery', async () => {
      const officer = await buildUser(db(), { roles: [{ role: 'officer', region: '11' }] });
      const call = await buildClosedCall(db(), { title: 'Kiertotaloushaku' });
      const application = await buildSubmittedApplication(db(), { call });
      await startReview(db(), call);
      const reviewer = await buildReviewer(db(), { region: '10' });
      await prefer(reviewer, { delivery: 'daily' });
      const res = await (await agentFor(t, officer)).post(pagePath('fi', 'adminCalls', String(call.id), 'review', 'assign'), {
        application_id: String(application.id),
        [`reviewer_${application.id}`]: String(reviewer.id),
      });
      assert.equal(res.statusCode, 303);
      assert.equal((await emailsOf(reviewer)).length, 0);
      const [item] = await digestOf(reviewer);
      assert.equal(item?.purpose, 'review-assigned');
      assert.match(item!.subject, /Kiertotaloushaku/);
      assert.ok(item!.body_text.includes('http://s3.test/fi/arvioinnit'));
    });
  });
}
