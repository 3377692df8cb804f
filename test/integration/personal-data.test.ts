import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { verifyAuditChain } from '../../src/features/audit/audit.repository.js';
import { findUserById } from '../../src/features/auth/users.repository.js';
import { queueEmail } from '../../src/features/mail/email.repository.js';
import { ERASED_NAME } from '../../src/features/privacy/erasure.service.js';
import { pruneExpiredData } from '../../src/features/privacy/prune.js';
import { sha256Hex } from '../../src/security/tokens.js';
import { agentFor, buildTestApp, type TestApp } from '../helpers/app.js';
import { testDialects } from '../helpers/dialects.js';
import { buildApplication, buildCall } from '../helpers/call-factories.js';
import { buildOrganisation, buildUser, TEST_PASSWORD } from '../helpers/factories.js';
import { buildAssignment, buildReviewedCall, buildReviewer, submitScores } from '../helpers/review-factories.js';

function fieldError(html: string, field: string): string | undefined {
  return new RegExp(`id="field-${field}-error"[^>]*>([^<]*)<`).exec(html)?.[1];
}

for (const dialect of testDialects()) {
  describe(`personal data: export, erasure and retention [${dialect.name}]`, { skip: dialect.skip }, () => {
    let t: TestApp;
    before(async () => {
      // Without demo data, so that "the last administrator" is decided by this test's users alone.
      t = await buildTestApp(dialect, { demo: false });
    });
    after(async () => t?.close());

    const db = () => t.database.db;
    const at = '2026-11-20T09:00:00.000Z';

    /** A user with something in every table the export and erasure cover. */
    async function userWithData(spec: { password?: string | null } = {}) {
      const org = await buildOrganisation(db(), { name: 'Oulun testiyliopisto' });
      const colleague = await buildUser(db(), { memberOf: [{ organisation: org, admin: true }] });
      const user = await buildUser(db(), {
        name: 'Pirjo Personal',
        roles: [{ role: 'expert', region: '17' }],
        memberOf: [{ organisation: org }],
        totpSecret: 'JBSWY3DPEHPK3PXP',
        ...(spec.password !== undefined ? { password: spec.password } : {}),
      }, t.app.config);
      await db()
        .insertInto('api_tokens')
        .values({ user_id: user.id, name: 'Raportointi', prefix: 's3_abcd', token_hash: sha256Hex(`token-${user.id}`), scopes: '["read"]', created_at: at, expires_at: '2027-11-20T09:00:00.000Z' })
        .execute();
      await db().insertInto('recovery_codes').values({ user_id: user.id, code_hash: sha256Hex(`code-${user.id}`) }).execute();
      await db()
        .insertInto('one_time_tokens')
        .values({ token_hash: sha256Hex(`reset-${user.id}`), purpose: 'reset', user_id: user.id, data: null, created_at: at, expires_at: '2026-12-20T10:00:00.000Z' })
        .execute();
      await queueEmail(db(), { userId: user.id, to: user.email, locale: 'fi', purpose: 'invite', subject: 'Kutsu', text: 'Tervetuloa' }, false, new Date(at));
      await db()
        .insertInto('accessibility_feedback')
        .values({ reference: `PA-20261120-${String(user.id).padStart(6, 'X')}`, received_at: at, locale: 'fi', page_url: null, name: 'Pirjo', email: user.email, message: 'Kontrasti on heikko.' })
        .execute();
      await db()
        .insertInto('expert_group_members')
        .values({ region_code: '17', name: 'Pirjo Personal', title_fi: 'Asiantuntija', title_sv: 'Expert', title_en: 'Expert', organisation: 'Liitto', email: user.email, phone: null, is_demo: 0, sort_order: 99, user_id: user.id })
        .execute();
      return { user, org, colleague };
    }

    it('exports the user’s data as a JSON attachment with the expected parts and no secrets', async () => {
      const { user, org } = await userWithData();
      const at = '2026-11-20T10:00:00.000Z';
      await db().insertInto('notification_preferences').values({ user_id: user.id, delivery: 'daily', deadline_reminders: 0, updated_at: at }).execute();
      await db()
        .insertInto('email_subscriptions')
        .values({ email: user.email, locale: 'fi', status: 'confirmed', wants_calls: 1, wants_news: 0, unsubscribe_token: 'unsubscribe-capability-not-exported', created_at: at, confirmed_at: at })
        .execute();
      const agent = await agentFor(t, user);
      await agent.post('/fi/oma-tili', { name: 'Pirjo P.', locale: 'fi' });
      const res = await agent.get('/fi/oma-tili/omat-tiedot/download');
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /^application\/json/);
      assert.match(String(res.headers['content-disposition']), /^attachment; filename="s3-personal-data-\d+-2026-11-28\.json"$/);
      assert.match(String(res.headers['cache-control']), /no-store/);
      const data = res.json();
      assert.deepEqual(Object.keys(data).sort(), [
        'accessibilityFeedback', 'apiTokens', 'applications', 'auditEntries', 'callQuestions', 'emails', 'expertGroupContact', 'exportedAt', 'memberships', 'notifications', 'reviews', 'roles', 'sessions', 'user',
      ]);
      assert.equal(data.notifications.preferences.delivery, 'daily');
      assert.equal(data.notifications.preferences.deadlineReminders, false);
      assert.deepEqual([data.notifications.emailSubscription.status, data.notifications.emailSubscription.newCalls], ['confirmed', true]);
      assert.equal(data.user.email, user.email);
      assert.equal(data.user.passwordSet, true);
      assert.deepEqual(data.roles.map((r: { role: string }) => r.role), ['expert']);
      assert.equal(data.memberships[0].organisationName, org.name);
      assert.equal(data.sessions.length, 1);
      assert.equal(data.apiTokens[0].prefix, 's3_abcd');
      assert.equal(data.emails[0].subject, 'Kutsu');
      assert.ok(data.auditEntries.some((e: { action: string }) => e.action === 'user.profile-updated'));
      assert.equal(data.accessibilityFeedback[0].message, 'Kontrasti on heikko.');
      for (const secret of ['password_hash', 'totp_secret', 'token_hash', 'code_hash', 'id_hash', '$argon2', sha256Hex(`token-${user.id}`), 'unsubscribe-capability-not-exported']) {
        assert.ok(!res.body.includes(secret), `no ${secret} in the export`);
      }
      const saved = await findUserById(db(), user.id);
      assert.ok(!res.body.includes(saved!.totp_secret!));
      const logged = await db().selectFrom('audit_log').select('action').where('action', '=', 'user.data-exported').where('entity_id', '=', String(user.id)).execute();
      assert.equal(logged.length, 1);
    });

    it('explains what is held and offers download and erasure', async () => {
      const user = await buildUser(db(), { locale: 'sv' });
      const res = await (await agentFor(t, user)).get('/sv/mitt-konto/mina-uppgifter');
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /Vilka uppgifter vi har om dig/);
      assert.match(res.body, /href="\/sv\/mitt-konto\/mina-uppgifter\/download"/);
      assert.match(res.body, /Radera mitt konto permanent/);
    });

    it('refuses erasure with a wrong password, with the message at the field', async () => {
      const user = await buildUser(db());
      const res = await (await agentFor(t, user)).post('/fi/oma-tili/omat-tiedot/erase', { password: 'väärä salasana tässä' });
      assert.equal(res.statusCode, 400);
      assert.equal(fieldError(res.body, 'password'), 'Salasana on väärin.');
      assert.equal((await findUserById(db(), user.id))?.status, 'active');
    });

    it('erases: anonymises the user, deletes what is personal, keeps the audit log, and the user can no longer sign in', async () => {
      const { user, org } = await userWithData();
      const at = '2026-11-20T10:00:00.000Z';
      await db().insertInto('notification_preferences').values({ user_id: user.id, delivery: 'daily', updated_at: at }).execute();
      await db().insertInto('digest_items').values({ user_id: user.id, purpose: 'review-assigned', subject: 'Arvioitavaa', body_text: '.', created_at: at }).execute();
      await db()
        .insertInto('email_subscriptions')
        .values({ email: user.email, locale: 'fi', status: 'confirmed', wants_calls: 1, wants_news: 1, unsubscribe_token: `erase-${user.id}`, created_at: at, confirmed_at: at })
        .execute();
      const agent = await agentFor(t, user);
      const res = await agent.post('/en/account/my-data/erase', { password: TEST_PASSWORD });
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, '/en/account/my-data/erased');
      assert.match((await agent.get('/en/account/my-data/erased')).body, /Your account has been erased/);

      const erased = await findUserById(db(), user.id);
      assert.equal(erased?.name, ERASED_NAME);
      assert.equal(erased?.email, `erased-${user.id}@invalid`);
      assert.equal(erased?.status, 'erased');
      assert.equal(erased?.erased_at, t.clock.now().toISOString());
      assert.equal(erased?.password_hash, null);
      assert.equal(erased?.totp_secret, null);
      assert.equal(erased?.totp_enabled_at, null);
      for (const table of ['sessions', 'recovery_codes', 'one_time_tokens', 'api_tokens', 'organisation_members', 'role_assignments', 'email_messages', 'digest_items', 'notification_preferences'] as const) {
        const rows = await db().selectFrom(table).select('user_id').where('user_id', '=', user.id).execute();
        assert.equal(rows.length, 0, `nothing left in ${table}`);
      }
      const mail = await db().selectFrom('email_messages').select('id').where('to_address', '=', user.email).execute();
      assert.equal(mail.length, 0);
      assert.equal((await db().selectFrom('email_subscriptions').select('id').where('email', '=', user.email).execute()).length, 0, 'the subscription of the address is gone');
      const contact = await db().selectFrom('expert_group_members').selectAll().where('email', '=', user.email).executeTakeFirstOrThrow();
      assert.equal(contact.user_id, null, 'the published contact row stays, unlinked');
      assert.ok(await db().selectFrom('organisations').select('id').where('id', '=', org.id).executeTakeFirst(), 'the organisation stays');

      const entries = await db().selectFrom('audit_log').selectAll().where('entity_id', '=', String(user.id)).execute();
      const erasure = entries.find((e) => e.action === 'user.erased');
      assert.ok(erasure);
      assert.ok(!`${erasure.before_json}${erasure.after_json}`.includes(user.email));
      assert.deepEqual((await verifyAuditChain(db())).ok, true, 'the audit chain is intact');

      assert.equal((await agent.get('/en/account')).statusCode, 303, 'the session is gone');
      const signIn = await (await agentFor(t)).post('/en/sign-in', { email: user.email, password: TEST_PASSWORD });
      assert.equal(signIn.statusCode, 400);
      const signInErased = await (await agentFor(t)).post('/en/sign-in', { email: `erased-${user.id}@invalid`, password: TEST_PASSWORD });
      assert.equal(signInErased.statusCode, 400);
    });

    it('exports and erases what calls and applications hold about a person, keeping submitted applications', async () => {
      const org = await buildOrganisation(db());
      const colleague = await buildUser(db(), { memberOf: [{ organisation: org, admin: true }] });
      const user = await buildUser(db(), { name: 'Hanna Hakija', memberOf: [{ organisation: org }] });
      const call = await buildCall(db());
      const draft = await buildApplication(db(), { call, lead: { organisation: org }, createdBy: user });
      const submitted = await buildApplication(db(), { call, lead: { organisation: org }, createdBy: colleague, status: 'submitted' });
      for (const id of [draft.partnerIds[0]!, submitted.partnerIds[0]!]) {
        await db().updateTable('application_partners').set({ contact_name: user.name, contact_email: user.email }).where('id', '=', id).execute();
      }
      await db().insertInto('application_editors').values({ application_id: submitted.id, user_id: user.id, partner_id: submitted.partnerIds[1]!, invited_by: colleague.id, created_at: at }).execute();
      const ask = (status: 'open' | 'published', question: string, publicQuestion: string | null) =>
        db().insertInto('call_inquiries').values({ call_id: call.id, asked_by: user.id, question, locale: 'fi', asked_at: at, public_question: publicQuestion, answer: status === 'published' ? 'Vastaus.' : null, status }).execute();
      await ask('open', 'Olen Hanna Hakija, saako yritys hakea?', null);
      await ask('published', 'Hanna Hakija kysyy: kelpaako kunta?', 'Kelpaako kunta osatoteuttajaksi?');

      const agent = await agentFor(t, user);
      const exported = JSON.parse((await agent.get('/en/account/my-data/download')).body);
      assert.equal(exported.callQuestions.length, 2);
      assert.deepEqual(exported.applications.started.map((a: { applicationId: number }) => a.applicationId), [draft.id]);
      assert.deepEqual(exported.applications.invitedToEdit.map((a: { applicationId: number }) => a.applicationId), [submitted.id]);
      assert.equal(exported.applications.namedAsContact.length, 2);

      assert.equal((await agent.post('/en/account/my-data/erase', { password: TEST_PASSWORD })).statusCode, 303);
      const questions = await db().selectFrom('call_inquiries').selectAll().where('call_id', '=', call.id).execute();
      assert.deepEqual(questions.map((q) => [q.question, q.asked_by, q.status]), [['Kelpaako kunta osatoteuttajaksi?', null, 'published']]);
      const contacts = await db().selectFrom('application_partners').select(['application_id', 'contact_name']).where('id', 'in', [draft.partnerIds[0]!, submitted.partnerIds[0]!]).orderBy('application_id').execute();
      assert.deepEqual(contacts.map((c) => c.contact_name), ['', user.name], 'the draft forgets the contact; the submitted record keeps it');
      assert.equal((await db().selectFrom('application_editors').select('user_id').where('user_id', '=', user.id).execute()).length, 0);
    });

    it('exports an expert’s review assignments with their declarations, scores and comments, and erasure keeps the review record', async () => {
      const { applicationIds } = await buildReviewedCall(db(), { scores: [4] });
      const expert = await buildReviewer(db(), { name: 'Eeva Arvioija' });
      const assignment = await buildAssignment(db(), { applicationId: applicationIds[0]!, reviewer: expert });
      await submitScores(db(), assignment, {}, 3);
      const agent = await agentFor(t, expert);
      const exported = JSON.parse((await agent.get('/en/account/my-data/download')).body);
      assert.equal(exported.reviews.assignments.length, 1);
      assert.equal(exported.reviews.assignments[0].status, 'cleared');
      assert.deepEqual(exported.reviews.assignments[0].disqualificationGrounds, []);
      assert.equal(exported.reviews.assignments[0].scores.length, 4);
      assert.match(exported.reviews.assignments[0].scores[1].comment, /Perustelu/);
      assert.equal((await agent.post('/en/account/my-data/erase', { password: TEST_PASSWORD })).statusCode, 303);
      const kept = await db().selectFrom('review_scores').select('score').where('assignment_id', '=', assignment).execute();
      assert.equal(kept.length, 4, 'the scores are part of the decision record and stay');
    });

    it('erases an account without a password after the checkbox and the typed e-mail address', async () => {
      const user = await buildUser(db(), { password: null, locale: 'fi' });
      const agent = await agentFor(t, user);
      const page = await agent.get('/fi/oma-tili/omat-tiedot');
      assert.match(page.body, /type="checkbox" name="confirm"/);
      const missing = await agent.post('/fi/oma-tili/omat-tiedot/erase', { email: 'someone.else@example.test' });
      assert.equal(missing.statusCode, 400);
      assert.equal(fieldError(missing.body, 'confirm'), 'Vahvista, että haluat poistaa tilisi.');
      assert.equal(fieldError(missing.body, 'email'), 'Sähköpostiosoite ei vastaa tilisi osoitetta.');
      assert.match(missing.body, /value="someone.else@example.test"/, 'what was typed is kept');
      const ok = await agent.post('/fi/oma-tili/omat-tiedot/erase', { confirm: 'yes', email: user.email.toUpperCase() });
      assert.equal(ok.statusCode, 303);
      assert.equal((await findUserById(db(), user.id))?.status, 'erased');
    });

    it('refuses erasure for the last active administrator, and allows it once there is another', async () => {
      const existing = await db().selectFrom('role_assignments').select('user_id').where('role', '=', 'admin').execute();
      await db().updateTable('users').set({ status: 'disabled' }).where('id', 'in', existing.length ? existing.map((r) => r.user_id) : [-1]).execute();
      const admin = await buildUser(db(), { roles: [{ role: 'admin' }], locale: 'en' });
      const agent = await agentFor(t, admin);
      assert.match((await agent.get('/en/account/my-data')).body, /only administrator of the service/, 'said before anything is typed');
      const refused = await agent.post('/en/account/my-data/erase', { password: TEST_PASSWORD });
      assert.equal(refused.statusCode, 400);
      assert.match(fieldError(refused.body, 'erase') ?? refused.body, /only administrator of the service/);
      assert.equal((await findUserById(db(), admin.id))?.status, 'active');
      await buildUser(db(), { roles: [{ role: 'admin' }] });
      assert.equal((await agent.post('/en/account/my-data/erase', { password: TEST_PASSWORD })).statusCode, 303);
    });

    it('refuses erasure for the only administrator of an organisation that has other members', async () => {
      const org = await buildOrganisation(db(), { name: 'Yksin ylläpidetty Oy' });
      const owner = await buildUser(db(), { memberOf: [{ organisation: org, admin: true }] });
      await buildUser(db(), { memberOf: [{ organisation: org }] });
      const refused = await (await agentFor(t, owner)).post('/fi/oma-tili/omat-tiedot/erase', { password: TEST_PASSWORD });
      assert.equal(refused.statusCode, 400);
      assert.match(refused.body, /ainoa ylläpitäjä organisaatiossa, jolla on muitakin jäseniä: Yksin ylläpidetty Oy/);
      assert.equal((await findUserById(db(), owner.id))?.status, 'active');
    });

    it('prunes expired sessions, old failed sign-ins, spent one-time tokens after a week and year-old e-mail', async () => {
      const now = new Date('2026-11-28T10:00:00Z');
      const iso = (ms: number) => new Date(now.getTime() - ms).toISOString();
      const hour = 3_600_000;
      const day = 24 * hour;
      const user = await buildUser(db());
      const session = (id: string, lastSeen: string, expires: string) =>
        db().insertInto('sessions').values({ id_hash: sha256Hex(id), user_id: user.id, method: 'password', mfa_pending: 0, created_at: iso(2 * hour), last_seen_at: lastSeen, expires_at: expires, ip: null, user_agent: null }).execute();
      await session('live', iso(60_000), iso(-hour));
      await session('idle', iso(31 * 60_000), iso(-hour));
      await session('expired', iso(60_000), iso(1000));
      await db().insertInto('login_failures').values([{ ip: '192.0.2.1', at: iso(25 * hour) }, { ip: '192.0.2.1', at: iso(hour) }]).execute();
      const token = (id: string, expires: string, used: string | null) =>
        db().insertInto('one_time_tokens').values({ token_hash: sha256Hex(`prune-${id}`), purpose: 'invite', user_id: user.id, data: null, created_at: iso(30 * day), expires_at: expires, used_at: used }).execute();
      await token('open', iso(-day), null);
      await token('used-recently', iso(-day), iso(day));
      await token('used-long-ago', iso(-day), iso(8 * day));
      await token('expired-long-ago', iso(8 * day), null);
      await queueEmail(db(), { userId: user.id, to: user.email, locale: 'fi', purpose: 'old', subject: 'Vanha', text: '.' }, false, new Date(iso(366 * day)));
      await queueEmail(db(), { userId: user.id, to: user.email, locale: 'fi', purpose: 'new', subject: 'Uusi', text: '.' }, false, new Date(iso(day)));
      // Outbox rows: delivered a month ago (pruned) or yesterday (kept); failed half a year ago (kept) or over a year ago (pruned); pending (kept).
      const outboxRow = (key: string, status: 'pending' | 'delivered' | 'failed', createdDaysAgo: number, deliveredDaysAgo?: number) =>
        db()
          .insertInto('outbox')
          .values({ kind: 'event', idempotency_key: `prune-${key}`, payload: 'null', status, available_at: iso(createdDaysAgo * day), created_at: iso(createdDaysAgo * day), delivered_at: deliveredDaysAgo === undefined ? null : iso(deliveredDaysAgo * day) })
          .execute();
      await outboxRow('delivered-old', 'delivered', 40, 31);
      await outboxRow('delivered-new', 'delivered', 2, 1);
      await outboxRow('failed-recent', 'failed', 180);
      await outboxRow('failed-old', 'failed', 366);
      await outboxRow('pending-old', 'pending', 400);
      await db().insertInto('job_runs').values([{ job_key: 'prune-test:old', owner: 'x', ran_at: iso(401 * day) }, { job_key: 'prune-test:new', owner: 'x', ran_at: iso(day) }]).execute();

      const counts = await pruneExpiredData(db(), now);
      assert.deepEqual(counts, { sessions: 2, loginFailures: 1, oneTimeTokens: 2, emails: 1, subscriptions: 0, outbox: 2, webhookDeliveries: 0, jobRuns: 1 });
      const outboxLeft = await db().selectFrom('outbox').select('idempotency_key').where('idempotency_key', 'like', 'prune-%').orderBy('idempotency_key').execute();
      assert.deepEqual(outboxLeft.map((r) => r.idempotency_key), ['prune-delivered-new', 'prune-failed-recent', 'prune-pending-old']);
      const left = await db().selectFrom('sessions').select('id_hash').where('user_id', '=', user.id).execute();
      assert.deepEqual(left.map((s) => s.id_hash), [sha256Hex('live')]);
      const tokens = await db().selectFrom('one_time_tokens').select('token_hash').where('user_id', '=', user.id).execute();
      assert.deepEqual(tokens.map((r) => r.token_hash).sort(), [sha256Hex('prune-open'), sha256Hex('prune-used-recently')].sort());
      const mail = await db().selectFrom('email_messages').select('purpose').where('user_id', '=', user.id).execute();
      assert.deepEqual(mail.map((m) => m.purpose), ['new']);
      const [entry] = await db().selectFrom('audit_log').selectAll().where('action', '=', 'privacy.pruned').execute();
      assert.deepEqual(JSON.parse(entry!.after_json!), counts);
      assert.deepEqual(await pruneExpiredData(db(), now), { sessions: 0, loginFailures: 0, oneTimeTokens: 0, emails: 0, subscriptions: 0, outbox: 0, webhookDeliveries: 0, jobRuns: 0 }, 'a second run finds nothing');
    });
  });
}
