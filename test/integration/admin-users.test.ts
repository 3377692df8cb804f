import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { UserRow } from '../../src/db/schema.js';
import { buildTestApp, agentFor, type TestApp } from '../helpers/app.js';
import { testDialects } from '../helpers/dialects.js';
import { buildUser } from '../helpers/factories.js';

const users = '/fi/hallinta/kayttajat';

async function rolesOf(t: TestApp, userId: number) {
  const rows = await t.database.db.selectFrom('role_assignments').select(['id', 'role', 'region_code']).where('user_id', '=', userId).orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, role: r.role, region: r.region_code }));
}

async function auditActions(t: TestApp, userId: number) {
  const rows = await t.database.db
    .selectFrom('audit_log')
    .select(['action', 'actor_user_id'])
    .where('entity_type', '=', 'user')
    .where('entity_id', '=', String(userId))
    .orderBy('seq')
    .execute();
  return rows.map((r) => r.action);
}

for (const dialect of testDialects()) {
  describe(`administering users and roles [${dialect.name}]`, { skip: dialect.skip }, () => {
    let t: TestApp;
    let admin: UserRow;
    let officer: UserRow;
    before(async () => {
      t = await buildTestApp(dialect);
      admin = await buildUser(t.database.db, { name: 'Aino Ylläpitäjä', roles: [{ role: 'admin' }] });
      officer = await buildUser(t.database.db, { name: 'Olli Virkailija', roles: [{ role: 'officer', region: '17' }] });
    });
    after(async () => t?.close());

    it('lets an administrator invite an officer, keeping the e-mail with its link when there is no mail server', async () => {
      const agent = await agentFor(t, admin);
      const response = await agent.post(`${users}/invite`, { email: 'Uusi.Virkailija@Example.test', name: 'Uusi Virkailija', locale: 'sv', role: 'officer', region: '12' });
      assert.equal(response.statusCode, 303, response.body);
      const invited = await t.database.db.selectFrom('users').selectAll().where('email', '=', 'uusi.virkailija@example.test').executeTakeFirstOrThrow();
      assert.equal(response.headers.location, `${users}/${invited.id}?done=invited`);
      assert.equal(invited.status, 'invited');
      assert.deepEqual((await rolesOf(t, invited.id)).map((r) => `${r.role}:${r.region}`), ['officer:12']);
      const mail = await t.database.db.selectFrom('email_messages').selectAll().where('to_address', '=', invited.email).executeTakeFirstOrThrow();
      assert.equal(mail.status, 'kept');
      assert.match(mail.body_text, /http:\/\/s3\.test\/sv\/inbjudan\/[A-Za-z0-9_-]{40,}/);
      assert.deepEqual(await auditActions(t, invited.id), ['user.invited', 'role.granted']);

      const page = await agent.get(response.headers.location as string);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Kutsu lähetettiin/);
      assert.match(page.body, /Kutsuttu/);
    });

    it('refuses an invitation with missing or wrong fields, naming each field and keeping what was typed', async () => {
      const agent = await agentFor(t, admin);
      const response = await agent.post(`${users}/invite`, { email: 'ei-osoite', name: '', locale: 'fi', role: 'expert', region: '' });
      assert.equal(response.statusCode, 400);
      assert.match(response.body, /error-summary/);
      assert.match(response.body, /Kirjoita sähköpostiosoite muodossa/);
      assert.match(response.body, /value="ei-osoite"/);
      const region = await agent.post(`${users}/invite`, { email: 'asiantuntija@example.test', name: 'A', locale: 'fi', role: 'expert', region: '' });
      assert.equal(region.statusCode, 400);
      assert.match(region.body, /Valitse maakunta: virkailijalla ja asiantuntijalla on aina maakunta/);
    });

    it('finds people by part of the name or e-mail and by role and region', async () => {
      const agent = await agentFor(t, admin);
      const byName = await agent.get(`${users}?q=virKAIlija`);
      assert.equal(byName.statusCode, 200);
      assert.match(byName.body, /Olli Virkailija/);
      assert.match(byName.body, /Uusi Virkailija/);
      assert.doesNotMatch(byName.body, />Aino Ylläpitäjä<\/a>/);
      const byRegion = await agent.get(`${users}?role=officer&region=12`);
      assert.match(byRegion.body, /Uusi Virkailija/);
      assert.doesNotMatch(byRegion.body, /Olli Virkailija/);
      const swedish = await agent.get('/sv/administration/anvandare?q=virkailija');
      assert.match(swedish.body, /<h1>Användare och roller<\/h1>/);
      assert.match(swedish.body, /Tjänsteinnehavare, Norra Karelen/);
      const wildcard = await agent.get(`${users}?q=%25`);
      assert.match(wildcard.body, /Hakuehdoilla ei löytynyt käyttäjiä/);
    });

    it('grants and revokes roles, each recorded in the audit log', async () => {
      const person = await buildUser(t.database.db, { name: 'Rooliton Henkilö' });
      const agent = await agentFor(t, admin);
      const granted = await agent.post(`${users}/${person.id}/roles`, { role: 'expert', region: '11' });
      assert.equal(granted.statusCode, 303, granted.body);
      const [role] = await rolesOf(t, person.id);
      assert.deepEqual({ role: role?.role, region: role?.region }, { role: 'expert', region: '11' });
      const again = await agent.post(`${users}/${person.id}/roles`, { role: 'expert', region: '11' });
      assert.equal(again.statusCode, 409);
      assert.match(again.body, /Henkilöllä on jo tämä rooli/);

      const revoked = await agent.post(`${users}/${person.id}/roles/${role!.id}/revoke`);
      assert.equal(revoked.statusCode, 303);
      assert.deepEqual(await rolesOf(t, person.id), []);
      assert.deepEqual(await auditActions(t, person.id), ['role.granted', 'role.revoked']);
      const entry = await t.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'role.revoked').where('entity_id', '=', String(person.id)).executeTakeFirstOrThrow();
      assert.equal(entry.actor_user_id, admin.id);
      assert.deepEqual(JSON.parse(entry.before_json!), { role: 'expert', regionCode: '11' });
    });

    it('forbids an officer to grant the administrator role or any role in another region', async () => {
      const person = await buildUser(t.database.db, { roles: [{ role: 'expert', region: '17' }] });
      const agent = await agentFor(t, officer);
      assert.equal((await agent.post(`${users}/${person.id}/roles`, { role: 'admin', region: '' })).statusCode, 403);
      assert.equal((await agent.post(`${users}/${person.id}/roles`, { role: 'officer', region: '12' })).statusCode, 403);
      assert.equal((await agent.post(`${users}/invite`, { email: 'x@example.test', name: 'X', locale: 'fi', role: 'expert', region: '12' })).statusCode, 403);
      assert.equal((await agent.post(`${users}/invite`, { email: 'y@example.test', name: 'Y', locale: 'fi', role: 'admin', region: '' })).statusCode, 403);
      assert.equal((await agent.post(`${users}/${person.id}/disable`)).statusCode, 403);
      assert.deepEqual((await rolesOf(t, person.id)).map((r) => r.role), ['expert']);
    });

    it('lets an officer invite and grant officials of their own region, and see only them', async () => {
      const agent = await agentFor(t, officer);
      const invited = await agent.post(`${users}/invite`, { email: 'oma.asiantuntija@example.test', name: 'Oma Asiantuntija', locale: 'fi', role: 'expert', region: '17' });
      assert.equal(invited.statusCode, 303, invited.body);
      const person = await buildUser(t.database.db, { roles: [{ role: 'expert', region: '17' }] });
      assert.equal((await agent.post(`${users}/${person.id}/roles`, { role: 'officer', region: '17' })).statusCode, 303);
      const list = await agent.get(users);
      assert.match(list.body, /Oma Asiantuntija/);
      assert.doesNotMatch(list.body, /Uusi Virkailija/);
      const elsewhere = await buildUser(t.database.db, { roles: [{ role: 'expert', region: '12' }] });
      assert.equal((await agent.get(`${users}/${elsewhere.id}`)).statusCode, 403);

      // Taking away the person's only role in the officer's region leaves them out of the officer's sight.
      const leaving = await buildUser(t.database.db, { roles: [{ role: 'expert', region: '17' }] });
      const [only] = await rolesOf(t, leaving.id);
      const revoked = await agent.post(`${users}/${leaving.id}/roles/${only!.id}/revoke`);
      assert.equal(revoked.statusCode, 303);
      assert.equal(revoked.headers.location, `${users}?done=revoked`);
    });

    it('ends every session of an account when it is disabled, and lets it back when re-enabled', async () => {
      const person = await buildUser(t.database.db, { roles: [{ role: 'expert', region: '17' }] });
      const theirs = await agentFor(t, person);
      assert.equal((await theirs.get('/fi/oma-tili')).statusCode, 200);
      const agent = await agentFor(t, admin);
      assert.equal((await agent.post(`${users}/${person.id}/disable`)).statusCode, 303);
      const sessions = await t.database.db.selectFrom('sessions').select('id_hash').where('user_id', '=', person.id).execute();
      assert.equal(sessions.length, 0);
      assert.equal((await theirs.get('/fi/oma-tili')).statusCode, 303);
      assert.equal((await agent.get(`${users}/${person.id}`)).body.includes('Poistettu käytöstä'), true);
      assert.equal((await agent.post(`${users}/${person.id}/enable`)).statusCode, 303);
      const back = await t.database.db.selectFrom('users').select('status').where('id', '=', person.id).executeTakeFirstOrThrow();
      assert.equal(back.status, 'active');
      assert.deepEqual((await auditActions(t, person.id)).filter((a) => a.startsWith('user.')), ['user.disabled', 'user.enabled']);
    });

    it('resends an invitation with a new link to someone who has not taken the account into use', async () => {
      const agent = await agentFor(t, admin);
      const invited = await t.database.db.selectFrom('users').select('id').where('email', '=', 'uusi.virkailija@example.test').executeTakeFirstOrThrow();
      assert.equal((await agent.post(`${users}/${invited.id}/resend`)).statusCode, 303);
      const mails = await t.database.db.selectFrom('email_messages').select('id').where('to_address', '=', 'uusi.virkailija@example.test').execute();
      assert.equal(mails.length, 2);
      const active = await agent.post(`${users}/${officer.id}/resend`);
      assert.equal(active.statusCode, 400);
    });
  });

  describe(`the last active administrator [${dialect.name}]`, { skip: dialect.skip }, () => {
    let t: TestApp;
    before(async () => {
      t = await buildTestApp(dialect, { demo: false });
    });
    after(async () => t?.close());

    it('can be neither removed nor disabled, with a message saying why', async () => {
      const only = await buildUser(t.database.db, { roles: [{ role: 'admin' }] });
      const agent = await agentFor(t, only);
      const [role] = await rolesOf(t, only.id);
      const revoke = await agent.post(`${users}/${only.id}/roles/${role!.id}/revoke`);
      assert.equal(revoke.statusCode, 409);
      assert.match(revoke.body, /Palvelussa on oltava ainakin yksi käytössä oleva ylläpitäjä/);
      assert.equal((await rolesOf(t, only.id)).length, 1);

      const second = await buildUser(t.database.db, { roles: [{ role: 'admin' }] });
      const secondAgent = await agentFor(t, second);
      assert.equal((await secondAgent.post(`${users}/${only.id}/disable`)).statusCode, 303);
      const [secondRole] = await rolesOf(t, second.id);
      const last = await secondAgent.post(`${users}/${second.id}/roles/${secondRole!.id}/revoke`);
      assert.equal(last.statusCode, 409);
      assert.match(last.body, /Anna ylläpitäjän rooli ensin jollekulle toiselle/);
      const self = await secondAgent.post(`${users}/${second.id}/disable`);
      assert.equal(self.statusCode, 400);
      assert.match(self.body, /Et voi poistaa omaa tiliäsi käytöstä/);
    });
  });
}
