import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { businessIdCheckDigit } from '../../src/domain/business-id.js';
import { agentFor, buildTestApp, type TestApp } from '../helpers/app.js';
import { testDialects } from '../helpers/dialects.js';
import { buildOrganisation, buildUser, uniqueBusinessId } from '../helpers/factories.js';

const orgIdFrom = (location: string | undefined) => Number(/\/(\d+)(\?|$)/.exec(location ?? '')?.[1]);

for (const dialect of testDialects()) {
  describe(`organisations and their members [${dialect.name}]`, { skip: dialect.skip }, () => {
    let t: TestApp;
    before(async () => {
      t = await buildTestApp(dialect);
    });
    after(async () => t?.close());

    const audits = (action: string) => t.database.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('seq').execute();
    const membersOf = (organisationId: number) =>
      t.database.db.selectFrom('organisation_members').selectAll().where('organisation_id', '=', organisationId).orderBy('user_id').execute();

    it('lets any signed-in user register their organisation and become its first administrator, audited', async () => {
      const user = await buildUser(t.database.db);
      const agent = await agentFor(t, user);
      const form = await agent.get('/fi/organisaatiot/new');
      assert.equal(form.statusCode, 200);
      assert.match(form.body, /Ammattikorkeakoulu/);
      const businessId = uniqueBusinessId();
      const res = await agent.post('/fi/organisaatiot/new', { businessId: ` ${businessId.replace('-', '')} `, name: '  Savon  Testi Oy ', orgType: 'company', regionCode: '11' });
      assert.equal(res.statusCode, 303);
      const id = orgIdFrom(res.headers.location);
      const org = await t.database.db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      assert.equal(org.business_id, businessId);
      assert.equal(org.name, 'Savon Testi Oy');
      assert.deepEqual((await membersOf(id)).map((m) => [m.user_id, m.is_admin]), [[user.id, 1]]);
      const created = (await audits('organisation.created')).find((a) => a.entity_id === String(id));
      assert.equal(created?.actor_user_id, user.id);
      assert.equal(JSON.parse(created!.after_json!).businessId, businessId);
      const page = await agent.get(res.headers.location as string);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Organisaatio on rekisteröity/);
      assert.match(page.body, /Kutsu jäsen/);
      const mine = await agent.get('/fi/organisaatiot');
      assert.match(mine.body, /Savon Testi Oy/);
    });

    it('explains an empty, badly written, wrongly checked or already registered business ID at the field, keeping what was typed', async () => {
      const agent = await agentFor(t, await buildUser(t.database.db));
      const post = (businessId: string, locale = 'fi', path = 'organisaatiot') =>
        agent.post(`/${locale}/${path}/new`, { businessId, name: 'Nimi', orgType: 'university', regionCode: '17' });
      const empty = await post('');
      assert.equal(empty.statusCode, 400);
      assert.match(empty.body, /Kirjoita Y-tunnus\./);
      assert.match(empty.body, /value="Nimi"/);
      assert.match((await post('12-34')).body, /muodossa 1234567-8/);
      const digits = '1572860';
      const right = businessIdCheckDigit(digits)!;
      const wrong = await post(`${digits}-${(right + 1) % 10}`);
      assert.match(wrong.body, new RegExp(`tarkistusnumero on ${right} \\(${digits}-${right}\\)`));
      assert.match(wrong.body, /aria-invalid="true"/);
      const existing = await buildOrganisation(t.database.db, { name: 'Jo Olemassa ry' });
      const taken = await post(existing.business_id);
      assert.equal(taken.statusCode, 400);
      assert.match(taken.body, /Jo Olemassa ry \(\d{7}-\d\) on jo rekisteröity palveluun\. Pyydä organisaation ylläpitäjää/);
      assert.match((await post('abc', 'sv', 'organisationer')).body, /Skriv FO-numret i formen 1234567-8/);
      assert.match((await post('', 'en', 'organisations')).body, /Enter the business ID\./);
    });

    it('lets an organisation’s administrator invite a member by e-mail, who then shows in the member list', async () => {
      const org = await buildOrganisation(t.database.db);
      const admin = await buildUser(t.database.db, { memberOf: [{ organisation: org, admin: true }] });
      const agent = await agentFor(t, admin);
      const bad = await agent.post(`/fi/organisaatiot/${org.id}/invite`, { name: '', email: 'not-an-email' });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /Kirjoita nimi\./);
      assert.match(bad.body, /value="not-an-email"/);
      const res = await agent.post(`/fi/organisaatiot/${org.id}/invite`, { name: 'Uusi Jäsen', email: 'Uusi.Jasen@Example.test', locale: 'sv' });
      assert.equal(res.statusCode, 303);
      const invited = await t.database.db.selectFrom('users').selectAll().where('email', '=', 'uusi.jasen@example.test').executeTakeFirstOrThrow();
      assert.equal(invited.status, 'invited');
      assert.deepEqual((await membersOf(org.id)).find((m) => m.user_id === invited.id)?.is_admin, 0);
      const mail = await t.database.db.selectFrom('email_messages').selectAll().where('to_address', '=', 'uusi.jasen@example.test').executeTakeFirstOrThrow();
      assert.equal(mail.locale, 'sv');
      const page = await agent.get(`/fi/organisaatiot/${org.id}`);
      assert.match(page.body, /Uusi Jäsen/);
      assert.match(page.body, /kutsuttu/);
      const again = await agent.post(`/fi/organisaatiot/${org.id}/invite`, { name: 'Admin', email: admin.email });
      assert.equal(again.statusCode, 400);
      assert.match(again.body, /on jo jäsen organisaatiossa/);
    });

    it('promotes and demotes members but never leaves an organisation without an administrator', async () => {
      const org = await buildOrganisation(t.database.db);
      const admin = await buildUser(t.database.db, { memberOf: [{ organisation: org, admin: true }] });
      const member = await buildUser(t.database.db, { memberOf: [{ organisation: org }] });
      const agent = await agentFor(t, admin);
      const path = `/en/organisations/${org.id}/members`;
      const lastOut = await agent.post(path, { userId: String(admin.id), action: 'unmake-admin' });
      assert.equal(lastOut.statusCode, 409);
      assert.match(lastOut.body, /must have at least one administrator/);
      assert.equal((await agent.post(path, { userId: String(admin.id), action: 'remove' })).statusCode, 409);
      assert.deepEqual((await membersOf(org.id)).map((m) => m.is_admin), [1, 0]);

      assert.equal((await agent.post(path, { userId: String(member.id), action: 'make-admin' })).statusCode, 303);
      const changed = (await audits('organisation.member-changed')).at(-1)!;
      assert.deepEqual(JSON.parse(changed.before_json!), { userId: member.id, isAdmin: false });
      assert.deepEqual(JSON.parse(changed.after_json!), { userId: member.id, isAdmin: true });
      assert.equal((await agent.post(path, { userId: String(admin.id), action: 'unmake-admin' })).statusCode, 303);
      assert.deepEqual((await membersOf(org.id)).map((m) => m.is_admin), [0, 1]);
      // No longer an administrator: the former admin can look but not change anything.
      assert.equal((await agent.post(path, { userId: String(member.id), action: 'remove' })).statusCode, 403);
      const view = await agent.get(`/en/organisations/${org.id}`);
      assert.equal(view.statusCode, 200);
      assert.doesNotMatch(view.body, /Invite a member/);

      const newAdmin = await agentFor(t, member);
      assert.equal((await newAdmin.post(path, { userId: String(admin.id), action: 'remove' })).statusCode, 303);
      assert.deepEqual((await membersOf(org.id)).map((m) => m.user_id), [member.id]);
      assert.equal((await audits('organisation.member-removed')).at(-1)!.entity_id, String(org.id));
      assert.equal((await newAdmin.post(path, { userId: '999999', action: 'remove' })).statusCode, 404);
    });

    it('sends an administrator who leaves the organisation back to their own list', async () => {
      const org = await buildOrganisation(t.database.db);
      const leaving = await buildUser(t.database.db, { memberOf: [{ organisation: org, admin: true }] });
      await buildUser(t.database.db, { memberOf: [{ organisation: org, admin: true }] });
      const agent = await agentFor(t, leaving);
      const res = await agent.post(`/sv/organisationer/${org.id}/members`, { userId: String(leaving.id), action: 'remove' });
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, '/sv/organisationer');
      assert.equal((await agent.get(`/sv/organisationer/${org.id}`)).statusCode, 403);
    });

    it('lets the organisation’s administrator edit its details but not its business ID, audited with before and after', async () => {
      const org = await buildOrganisation(t.database.db, { name: 'Vanha Nimi Oy', type: 'company', region: '17' });
      const admin = await buildUser(t.database.db, { memberOf: [{ organisation: org, admin: true }] });
      const agent = await agentFor(t, admin);
      assert.equal((await agent.get(`/fi/organisaatiot/${org.id}/edit`)).statusCode, 200);
      const bad = await agent.post(`/fi/organisaatiot/${org.id}/edit`, { name: '', orgType: 'spaceship', regionCode: '99' });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /Kirjoita organisaation nimi\./);
      assert.match(bad.body, /Valitse organisaation tyyppi\./);
      assert.match(bad.body, /Valitse maakunta\./);
      const res = await agent.post(`/fi/organisaatiot/${org.id}/edit`, { businessId: '0000000-0', name: 'Uusi Nimi Oy', orgType: 'association', regionCode: '18' });
      assert.equal(res.statusCode, 303);
      const row = await t.database.db.selectFrom('organisations').selectAll().where('id', '=', org.id).executeTakeFirstOrThrow();
      assert.deepEqual([row.business_id, row.name, row.org_type, row.region_code], [org.business_id, 'Uusi Nimi Oy', 'association', '18']);
      const audit = (await audits('organisation.updated')).at(-1)!;
      assert.equal(JSON.parse(audit.before_json!).name, 'Vanha Nimi Oy');
      assert.equal(JSON.parse(audit.after_json!).name, 'Uusi Nimi Oy');
    });

    it('answers 404 for an organisation that does not exist and 403 for one the user is not in', async () => {
      const agent = await agentFor(t, await buildUser(t.database.db));
      assert.equal((await agent.get('/fi/organisaatiot/987654')).statusCode, 404);
      assert.equal((await agent.get('/fi/organisaatiot/abc')).statusCode, 404);
      const other = await buildOrganisation(t.database.db);
      assert.equal((await agent.get(`/fi/organisaatiot/${other.id}`)).statusCode, 403);
      assert.equal((await (await agentFor(t)).get(`/fi/organisaatiot/${other.id}`)).statusCode, 303);
    });

    it('lets an officer search organisations by name, business ID, type and region in the admin area', async () => {
      const officer = await buildUser(t.database.db, { roles: [{ role: 'officer', region: '19' }] });
      const a = await buildOrganisation(t.database.db, { name: 'Lapin Hakutesti Oy', type: 'company', region: '19' });
      await buildOrganisation(t.database.db, { name: 'Kainuun Hakutesti ry', type: 'association', region: '18' });
      const agent = await agentFor(t, officer);
      const byName = await agent.get('/fi/hallinta/organisaatiot?q=hakutesti');
      assert.equal(byName.statusCode, 200);
      assert.match(byName.body, /Lapin Hakutesti Oy/);
      assert.match(byName.body, /Kainuun Hakutesti ry/);
      const byType = await agent.get('/fi/hallinta/organisaatiot?q=hakutesti&type=company');
      assert.doesNotMatch(byType.body, /Kainuun Hakutesti/);
      const byRegion = await agent.get('/fi/hallinta/organisaatiot?q=hakutesti&region=18');
      assert.doesNotMatch(byRegion.body, /Lapin Hakutesti/);
      const byId = await agent.get(`/fi/hallinta/organisaatiot?q=${a.business_id}`);
      assert.match(byId.body, /Lapin Hakutesti Oy/);
      assert.match(byId.body, /1 organisaatio/);
    });

    it('lets an officer add an organisation and invite its first administrator, and edit its business ID', async () => {
      const officer = await buildUser(t.database.db, { roles: [{ role: 'officer', region: '12' }] });
      const agent = await agentFor(t, officer);
      const half = await agent.post('/en/admin/organisations/new', {
        businessId: uniqueBusinessId(),
        name: 'Karelia Test',
        orgType: 'university-of-applied-sciences',
        regionCode: '12',
        adminEmail: 'first.admin@example.test',
      });
      assert.equal(half.statusCode, 400);
      assert.match(half.body, /Enter the administrator’s name too/);
      const businessId = uniqueBusinessId();
      const res = await agent.post('/en/admin/organisations/new', {
        businessId,
        name: 'Karelia Test',
        orgType: 'university-of-applied-sciences',
        regionCode: '12',
        adminName: 'First Admin',
        adminEmail: 'first.admin@example.test',
        adminLocale: 'en',
      });
      assert.equal(res.statusCode, 303);
      const id = orgIdFrom(res.headers.location);
      const invited = await t.database.db.selectFrom('users').selectAll().where('email', '=', 'first.admin@example.test').executeTakeFirstOrThrow();
      assert.deepEqual((await membersOf(id)).map((m) => [m.user_id, m.is_admin]), [[invited.id, 1]]);
      const dup = await agent.post('/en/admin/organisations/new', { businessId, name: 'Again', orgType: 'other', regionCode: '12' });
      assert.match(dup.body, /already registered with the business ID/);

      const newId = uniqueBusinessId();
      const edit = await agent.post(`/en/admin/organisations/${id}`, { businessId: newId, name: 'Karelia Test UAS', orgType: 'university-of-applied-sciences', regionCode: '12' });
      assert.equal(edit.statusCode, 303);
      const row = await t.database.db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      assert.equal(row.business_id, newId);
      const audit = (await audits('organisation.updated')).at(-1)!;
      assert.equal(JSON.parse(audit.before_json!).businessId, businessId);
      assert.equal(JSON.parse(audit.after_json!).businessId, newId);
      assert.equal((await agent.get('/en/admin/organisations/999999')).statusCode, 404);
    });

    it('keeps applicants out of the admin area', async () => {
      const org = await buildOrganisation(t.database.db);
      const applicant = await agentFor(t, await buildUser(t.database.db, { memberOf: [{ organisation: org, admin: true }] }));
      assert.equal((await applicant.get('/fi/hallinta/organisaatiot')).statusCode, 403);
      assert.equal((await applicant.get(`/fi/hallinta/organisaatiot/${org.id}`)).statusCode, 403);
      assert.equal((await applicant.post('/fi/hallinta/organisaatiot/new', { businessId: uniqueBusinessId(), name: 'x', orgType: 'other', regionCode: '17' })).statusCode, 403);
    });
  });
}
