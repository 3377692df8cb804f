import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { UserRow } from '../../src/db/schema.js';
import type { Actor } from '../../src/features/audit/audit.repository.js';
import { issueInvitation, resendInvitation, type InvitationRequest, type InvitationResult } from '../../src/features/auth/invitations.service.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { TestAgent } from '../helpers/agent.js';
import { testDialects } from '../helpers/dialects.js';
import { buildOrganisation, buildUser } from '../helpers/factories.js';

const PASSWORD = 'kuusi kuikkaa kaislikossa';

for (const dialect of testDialects()) {
  describe(`invitations [${dialect.name}]`, { skip: dialect.skip }, () => {
    let t: TestApp;
    let inviter: UserRow;
    let actor: Actor;
    before(async () => {
      t = await buildTestApp(dialect, { demo: false });
      inviter = await buildUser(t.database.db, { name: 'Iida Kutsuja', roles: [{ role: 'admin' }] });
      actor = { userId: inviter.id, label: 'user', ip: '127.0.0.1' };
    });
    after(async () => t?.close());

    function invite(input: InvitationRequest): Promise<InvitationResult> {
      return t.database.db
        .transaction()
        .execute((trx) => issueInvitation(trx, actor, input, t.clock.now(), { baseUrl: t.app.config.baseUrl, deliver: false }));
    }

    async function lastLink(email: string): Promise<string> {
      const mail = await t.database.db
        .selectFrom('email_messages')
        .selectAll()
        .where('to_address', '=', email)
        .where('purpose', '=', 'invitation')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      const match = /https?:\/\/[^/\s]+(\/(?:fi\/kutsu|sv\/inbjudan|en\/invitation)\/[A-Za-z0-9_-]{30,})/.exec(mail.body_text);
      assert.ok(match, 'the e-mail carries the link');
      return match[1]!;
    }

    it('invites an official by e-mail in their language; accepting sets the password and leads to the second factor', async () => {
      t.clock.set('2026-11-28T10:00:00Z');
      const result = await invite({ email: 'Uusi.Virkailija@Example.test', name: 'Ulla Uusi', locale: 'sv', role: { role: 'officer', regionCode: '17' } });
      assert.ok(result.ok && !result.existing);
      const user = await t.database.db.selectFrom('users').selectAll().where('id', '=', result.userId).executeTakeFirstOrThrow();
      assert.deepEqual([user.email, user.status, user.password_hash, user.locale], ['uusi.virkailija@example.test', 'invited', null, 'sv']);
      const roles = await t.database.db.selectFrom('role_assignments').select(['role', 'region_code']).where('user_id', '=', user.id).execute();
      assert.deepEqual(roles, [{ role: 'officer', region_code: '17' }]);
      const stored = await t.database.db.selectFrom('one_time_tokens').selectAll().where('user_id', '=', user.id).executeTakeFirstOrThrow();
      assert.equal(stored.purpose, 'invite');
      assert.equal(stored.expires_at, '2026-12-05T10:00:00.000Z');

      const link = await lastLink(user.email);
      assert.ok(link.startsWith('/sv/inbjudan/'));
      assert.ok(!stored.token_hash.includes(link.split('/').at(-1)!), 'only the hash is stored');
      const agent = new TestAgent(t.app);
      const page = await agent.get(link);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Iida Kutsuja har bjudit in dig till tjänsten som tjänsteinnehavare vid landskapsförbundet/);
      assert.match(page.body, /value="Ulla Uusi"/);

      const short = await agent.post(link, { name: 'Ulla Uusi', password: 'kort', passwordConfirm: 'kort' });
      assert.equal(short.statusCode, 400);
      assert.match(short.body, /Nytt lösenord: skriv minst 12 tecken/);
      const personal = await agent.post(link, { name: 'Ulla Uusi', password: 'uusi.virkailija1', passwordConfirm: 'uusi.virkailija1' });
      assert.match(personal.body, /Nytt lösenord: lösenordet får inte innehålla ditt namn eller din e-postadress/);
      const repetitive = await agent.post(link, { name: '', password: 'aaaaaaaaaaaaaaaa', passwordConfirm: 'aaaaaaaaaaaaaaaa' });
      assert.match(repetitive.body, /Nytt lösenord: lösenordet har för många upprepningar/);
      assert.match(repetitive.body, /Fyll i namn\./);

      const accepted = await agent.post(link, { name: 'Ulla Ny', password: PASSWORD, passwordConfirm: PASSWORD });
      assert.equal(accepted.statusCode, 303);
      assert.equal(accepted.headers.location, '/sv/logga-in/aktivera');
      const after = await t.database.db.selectFrom('users').selectAll().where('id', '=', user.id).executeTakeFirstOrThrow();
      assert.equal(after.status, 'active');
      assert.equal(after.name, 'Ulla Ny');
      assert.ok(after.password_hash);
      assert.equal((await agent.get('/sv/logga-in/aktivera')).statusCode, 200, 'signed in, waiting for the second factor');
      assert.equal((await agent.get('/sv/administration')).statusCode, 303, 'nothing else works before the second factor');
      const audit = await t.database.db.selectFrom('audit_log').select('action').where('entity_id', '=', String(user.id)).execute();
      assert.ok(audit.some((a) => a.action === 'user.invited') && audit.some((a) => a.action === 'user.invitation-accepted'));

      const reused = await new TestAgent(t.app).get(link);
      assert.equal(reused.statusCode, 410);
      assert.match(reused.body, /Inbjudningslänken gäller inte längre/);
    });

    it('invites an applicant into an organisation, who is signed in straight away', async () => {
      t.clock.set('2026-11-28T11:00:00Z');
      const org = await buildOrganisation(t.database.db, { name: 'Savon Testi Oy' });
      const result = await invite({ email: 'hakija@example.test', name: 'Hanna Hakija', locale: 'fi', organisation: { id: org.id, isAdmin: true } });
      assert.ok(result.ok);
      const link = await lastLink('hakija@example.test');
      const agent = new TestAgent(t.app);
      assert.match((await agent.get(link)).body, /organisaation Savon Testi Oy ylläpitäjä/);
      const accepted = await agent.post(link, { name: 'Hanna Hakija', password: PASSWORD, passwordConfirm: PASSWORD });
      assert.equal(accepted.statusCode, 303);
      assert.equal(accepted.headers.location, '/fi/oma-tili?welcome');
      assert.equal((await agent.get('/fi/oma-tili/kaksivaiheinen-tunnistus')).statusCode, 200);
      const member = await t.database.db.selectFrom('organisation_members').selectAll().where('user_id', '=', result.userId).executeTakeFirstOrThrow();
      assert.equal(member.is_admin, 1);
    });

    it('answers 410 for an invitation older than seven days', async () => {
      t.clock.set('2026-11-01T10:00:00Z');
      await invite({ email: 'myohassa@example.test', name: 'Matti Myöhässä', locale: 'fi' });
      const link = await lastLink('myohassa@example.test');
      t.clock.set('2026-11-08T10:00:01Z');
      const page = await new TestAgent(t.app).get(link);
      assert.equal(page.statusCode, 410);
      assert.match(page.body, /Kutsulinkki ei ole enää voimassa/);
      assert.match(page.body, /Pyydä kutsujalta uusi kutsu/);
    });

    it('replaces the older link when someone is invited again or the invitation is resent', async () => {
      t.clock.set('2026-11-28T12:00:00Z');
      const first = await invite({ email: 'kahdesti@example.test', name: 'Kalle', locale: 'en' });
      const oldLink = await lastLink('kahdesti@example.test');
      assert.ok(first.ok);
      const second = await invite({ email: 'kahdesti@example.test', name: 'Kalle Kahdesti', locale: 'en', role: { role: 'expert', regionCode: '11' } });
      assert.deepEqual(second, { ok: true, userId: first.userId, existing: false });
      const newLink = await lastLink('kahdesti@example.test');
      assert.equal((await new TestAgent(t.app).get(oldLink)).statusCode, 410);
      assert.match((await new TestAgent(t.app).get(newLink)).body, /expert group member/);

      const resent = await t.database.db.transaction().execute((trx) =>
        resendInvitation(trx, actor, first.userId, t.clock.now(), { baseUrl: t.app.config.baseUrl, deliver: false }),
      );
      assert.deepEqual(resent, { ok: true });
      assert.equal((await new TestAgent(t.app).get(newLink)).statusCode, 410);
      assert.match((await new TestAgent(t.app).get(await lastLink('kahdesti@example.test'))).body, /expert group member/);
    });

    it('grants an active account the access at once, and tells when there is nothing new', async () => {
      const existing = await buildUser(t.database.db, { locale: 'en' });
      const request: InvitationRequest = { email: existing.email, name: 'x', locale: 'fi', role: { role: 'expert', regionCode: '12' } };
      assert.deepEqual(await invite(request), { ok: true, userId: existing.id, existing: true });
      const notice = await t.database.db.selectFrom('email_messages').selectAll().where('to_address', '=', existing.email).executeTakeFirstOrThrow();
      assert.equal(notice.purpose, 'access-granted');
      assert.equal(notice.locale, 'en');
      assert.deepEqual(await invite(request), { ok: false, reason: 'already-member' });

      const disabled = await buildUser(t.database.db, { status: 'disabled' });
      assert.deepEqual(await invite({ ...request, email: disabled.email }), { ok: false, reason: 'account-disabled' });
      assert.deepEqual(await invite({ ...request, email: 'not-an-address' }), { ok: false, reason: 'email-invalid' });
    });
  });
}
