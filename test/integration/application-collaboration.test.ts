import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { OrganisationRow, UserRow } from '../../src/db/schema.js';
import { agentFor, buildTestApp, type TestApp } from '../helpers/app.js';
import { TestAgent } from '../helpers/agent.js';
import { buildApplication, buildCall } from '../helpers/call-factories.js';
import { testDialects } from '../helpers/dialects.js';
import { buildOrganisation, buildUser } from '../helpers/factories.js';

const APPS = '/fi/hakemukset';

for (const dialect of testDialects()) {
  describe(`application collaboration and autosave [${dialect.name}]`, { skip: dialect.skip }, () => {
    let t: TestApp;
    let leadOrg: OrganisationRow;
    let lead: UserRow;
    let application: { id: number; partnerIds: number[] };
    let partnerOrg: OrganisationRow;
    let partnerMember: UserRow;

    const db = () => t.database.db;
    const editors = (userId: number) =>
      db().selectFrom('application_editors').selectAll().where('application_id', '=', application.id).where('user_id', '=', userId).execute();
    const mailTo = (email: string) => db().selectFrom('email_messages').selectAll().where('to_address', '=', email).orderBy('id', 'desc').execute();
    const json = { headers: { accept: 'application/json' } };

    before(async () => {
      t = await buildTestApp(dialect);
      leadOrg = await buildOrganisation(db(), { region: '17', name: 'Oulun testiyliopisto' });
      lead = await buildUser(db(), { name: 'Liisa Lead', memberOf: [{ organisation: leadOrg }] });
      partnerOrg = await buildOrganisation(db(), { region: '18', name: 'Kainuun testiamk' });
      partnerMember = await buildUser(db(), { name: 'Pekka Partner', memberOf: [{ organisation: partnerOrg }] });
      const call = await buildCall(db());
      application = await buildApplication(db(), {
        call,
        lead: { organisation: leadOrg },
        partners: [{ organisation: partnerOrg, region: '18' }, { region: '19' }],
        createdBy: lead,
        title: 'Vetytalouden yhteishanke',
      });
    });
    after(async () => t?.close());

    it('lists who can edit what: the lead organisation everything, a partner organisation its own part', async () => {
      const res = await (await agentFor(t, lead)).get(`${APPS}/${application.id}/people`);
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /<h1>Hakemuksen tekijät<\/h1>/);
      assert.match(res.body, /Liisa Lead/);
      assert.match(res.body, /Päätoteuttajan organisaation jäsen: koko hakemus/);
      assert.match(res.body, /Osuus: Kainuun testiamk/);
      assert.match(res.body, /Pekka Partner/);
      // The lead may invite to every part; the form offers all three.
      assert.equal((res.body.match(/<option value="\d+"/g) ?? []).length, 3);
      // A partner organisation's member sees the page but may invite only to their own part.
      const partnerPage = await (await agentFor(t, partnerMember)).get(`${APPS}/${application.id}/people`);
      assert.equal(partnerPage.statusCode, 200);
      assert.deepEqual(partnerPage.body.match(/<option value="(\d+)"/g), [`<option value="${application.partnerIds[1]}"`]);
      // Someone of another organisation is refused.
      const stranger = await buildUser(db(), { memberOf: [{ organisation: await buildOrganisation(db()) }] });
      assert.equal((await (await agentFor(t, stranger)).get(`${APPS}/${application.id}/people`)).statusCode, 403);
      assert.equal((await (await agentFor(t, lead)).get(`${APPS}/999999/people`)).statusCode, 404);
      assert.equal((await (await agentFor(t, lead)).get(`${APPS}/abc/people`)).statusCode, 400);
    });

    it('adds an existing user to a partner’s part and e-mails them a link to the application', async () => {
      const existing = await buildUser(db(), { name: 'Olli Olemassa', email: 'olli.olemassa@example.test', locale: 'sv' });
      const agent = await agentFor(t, lead);
      const res = await agent.post(`${APPS}/${application.id}/people`, {
        partnerId: String(application.partnerIds[2]),
        name: 'Olli',
        email: 'Olli.Olemassa@example.test',
        locale: 'fi',
      });
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, `${APPS}/${application.id}/people?done=added`);
      const rows = await editors(existing.id);
      assert.deepEqual(
        rows.map((r) => [r.partner_id, r.invited_by]),
        [[application.partnerIds[2], lead.id]],
      );
      const [mail] = await mailTo('olli.olemassa@example.test');
      assert.equal(mail!.purpose, 'access-granted');
      assert.equal(mail!.locale, 'sv');
      assert.match(mail!.body_text, new RegExp(`http://s3\\.test/sv/ansokningar/${application.id}`));
      assert.match(mail!.body_text, /Vetytalouden yhteishanke/);
      const audit = await db().selectFrom('audit_log').select(['action', 'after_json']).where('action', '=', 'application.editor-added').orderBy('seq', 'desc').executeTakeFirstOrThrow();
      assert.deepEqual(JSON.parse(audit.after_json!), { userId: existing.id, partnerId: application.partnerIds[2] });
      const page = await agent.get(`${APPS}/${application.id}/people?done=added`);
      assert.match(page.body, /Henkilö voi nyt muokata osuutta/);
      assert.match(page.body, /Olli Olemassa/);
      // Asking again says so at the e-mail field and keeps what was typed.
      const again = await agent.post(`${APPS}/${application.id}/people`, { partnerId: String(application.partnerIds[2]), name: 'Olli', email: 'olli.olemassa@example.test', locale: 'fi' });
      assert.equal(again.statusCode, 400);
      assert.match(again.body, /Tällä henkilöllä on jo oikeus muokata tätä osuutta/);
      assert.match(again.body, /value="olli.olemassa@example.test"/);
    });

    it('invites a new address; the link sets the password and leads to the application, whose partner part alone the new account can edit', async () => {
      const agent = await agentFor(t, lead);
      const partnerId = application.partnerIds[1]!;
      const res = await agent.post(`${APPS}/${application.id}/people`, { partnerId: String(partnerId), name: 'Uusi Kirjoittaja', email: 'uusi.kirjoittaja@example.test', locale: 'en' });
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, `${APPS}/${application.id}/people?done=invited`);
      const user = await db().selectFrom('users').selectAll().where('email', '=', 'uusi.kirjoittaja@example.test').executeTakeFirstOrThrow();
      assert.equal(user.status, 'invited');
      assert.equal(user.locale, 'en');
      assert.equal((await editors(user.id)).length, 1);
      const [mail] = await mailTo('uusi.kirjoittaja@example.test');
      assert.equal(mail!.purpose, 'invitation');
      const link = /http:\/\/s3\.test(\/en\/applications\/invitation\/[A-Za-z0-9_-]+)/.exec(mail!.body_text)?.[1];
      assert.ok(link, mail!.body_text);

      const browser = new TestAgent(t.app);
      const page = await browser.get(link);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /invited you to work on the funding application “Vetytalouden yhteishanke”/);
      assert.match(page.body, /the part of Kainuun testiamk/);
      const weak = await browser.post(link, { name: 'Uma Uusi', password: 'short', passwordConfirm: 'short' });
      assert.equal(weak.statusCode, 400);
      assert.match(weak.body, /value="Uma Uusi"/);
      const accepted = await browser.post(link, { name: 'Uma Uusi', password: 'vihreä vety kulkee putkessa', passwordConfirm: 'vihreä vety kulkee putkessa' });
      assert.equal(accepted.statusCode, 303);
      assert.equal(accepted.headers.location, `/en/applications/${application.id}`);
      const active = await db().selectFrom('users').select(['status', 'name']).where('id', '=', user.id).executeTakeFirstOrThrow();
      assert.deepEqual(active, { status: 'active', name: 'Uma Uusi' });
      // The link is spent.
      assert.equal((await new TestAgent(t.app).get(link)).statusCode, 410);

      // Signed in by the acceptance: the partner's part saves, the general part and another partner's part are refused.
      const partner = await db().selectFrom('application_partners').select('version').where('id', '=', partnerId).executeTakeFirstOrThrow();
      const saved = await browser.post(
        `/en/applications/${application.id}/autosave/partners/${partnerId}`,
        { version: String(partner.version), unit: 'New unit', role_description: 'Tests', contact_name: 'Uma', contact_email: 'uma@example.test', 'cost.staff': '100 000', requested: '112 000', own_funding: '28 000', other_public: '0' },
        json,
      );
      assert.equal(saved.statusCode, 200, saved.body);
      assert.equal((await db().selectFrom('application_partners').select('unit').where('id', '=', partnerId).executeTakeFirstOrThrow()).unit, 'New unit');
      assert.equal((await browser.post(`/en/applications/${application.id}/autosave/general`, { version: '1', title: 'Taken over' }, json)).statusCode, 403);
      assert.equal((await browser.post(`/en/applications/${application.id}/autosave/partners/${application.partnerIds[0]}`, { version: '1' }, json)).statusCode, 403);
      assert.equal((await browser.post(`/en/applications/${application.id}/autosave/partners/${application.partnerIds[2]}`, { version: '1' }, json)).statusCode, 403);
      const people = await browser.get(`/en/applications/${application.id}/people`);
      assert.equal(people.statusCode, 200);
      assert.deepEqual(people.body.match(/<option value="(\d+)"/g), [`<option value="${partnerId}"`]);
    });

    it('lets a partner’s people invite only to their own part', async () => {
      const agent = await agentFor(t, partnerMember);
      const other = await agent.post(`${APPS}/${application.id}/people`, { partnerId: String(application.partnerIds[2]), name: 'X', email: 'x.other@example.test', locale: 'fi' });
      assert.equal(other.statusCode, 400);
      assert.match(other.body, /Valitse osuus luettelosta/);
      assert.equal((await mailTo('x.other@example.test')).length, 0);
      const own = await agent.post(`${APPS}/${application.id}/people`, { partnerId: String(application.partnerIds[1]), name: 'Oma', email: 'oma.kaveri@example.test', locale: 'fi' });
      assert.equal(own.statusCode, 303);
    });

    it('names each missing field, keeps the values, and refuses a post without the CSRF token', async () => {
      const agent = await agentFor(t, lead);
      const res = await agent.post(`${APPS}/${application.id}/people`, { partnerId: String(application.partnerIds[1]), name: 'Nimetön', email: 'ei-osoite', locale: 'sv' });
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /Kirjoita sähköpostiosoite muodossa/);
      assert.match(res.body, /value="Nimetön"/);
      assert.match(res.body, /<option value="sv" selected/);
      const forged = await agent.post(`${APPS}/${application.id}/people`, { partnerId: String(application.partnerIds[1]), name: 'X', email: 'forged@example.test' }, { csrf: false });
      assert.equal(forged.statusCode, 403);
      assert.equal((await mailTo('forged@example.test')).length, 0);
    });

    it('removing an editor ends their access at once', async () => {
      const removed = await buildUser(db(), { email: 'poistettava@example.test' });
      const agent = await agentFor(t, lead);
      await agent.post(`${APPS}/${application.id}/people`, { partnerId: String(application.partnerIds[2]), name: 'P', email: 'poistettava@example.test', locale: 'fi' });
      const them = await agentFor(t, removed);
      assert.equal((await them.get(`${APPS}/${application.id}/people`)).statusCode, 200);
      const res = await agent.post(`${APPS}/${application.id}/people/remove`, { partnerId: String(application.partnerIds[2]), userId: String(removed.id) });
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, `${APPS}/${application.id}/people?done=removed`);
      assert.equal((await editors(removed.id)).length, 0);
      assert.equal((await them.get(`${APPS}/${application.id}/people`)).statusCode, 403);
      assert.equal((await them.get(`${APPS}/${application.id}/attachments`)).statusCode, 403);
      assert.equal((await them.post(`${APPS}/${application.id}/autosave/partners/${application.partnerIds[2]}`, { version: '1' }, json)).statusCode, 403);
      const audit = await db().selectFrom('audit_log').select('before_json').where('action', '=', 'application.editor-removed').orderBy('seq', 'desc').executeTakeFirstOrThrow();
      assert.deepEqual(JSON.parse(audit.before_json!), { userId: removed.id, partnerId: application.partnerIds[2] });
      // A partner's member cannot remove editors of another part.
      const other = await buildUser(db(), { email: 'toinen.osa@example.test' });
      await agent.post(`${APPS}/${application.id}/people`, { partnerId: String(application.partnerIds[2]), name: 'T', email: 'toinen.osa@example.test', locale: 'fi' });
      const refused = await (await agentFor(t, partnerMember)).post(`${APPS}/${application.id}/people/remove`, { partnerId: String(application.partnerIds[2]), userId: String(other.id) });
      assert.equal(refused.statusCode, 403);
      assert.equal((await editors(other.id)).length, 1);
    });

    it('autosaves the general part as JSON, refuses a stale version with 409 and stores nothing', async () => {
      const agent = await agentFor(t, lead);
      const before = await db().selectFrom('applications').select(['version', 'title']).where('id', '=', application.id).executeTakeFirstOrThrow();
      const url = `${APPS}/${application.id}/autosave/general`;
      const ok = await agent.post(url, { version: String(before.version), title: 'Vetytalous 2.0', summary: 'Tiivistelmä.', start_date: '1.1.2027', end_date: '31.12.2028' }, json);
      assert.equal(ok.statusCode, 200, ok.body);
      const body = ok.json();
      assert.equal(body.saved, true);
      assert.equal(body.version, before.version + 1);
      assert.equal(body.savedAt, '2026-11-28T10:00:00.000Z');
      assert.equal(body.message, 'Tallennettu automaattisesti klo 12.00.');
      const stored = await db().selectFrom('applications').select(['version', 'title', 'start_date']).where('id', '=', application.id).executeTakeFirstOrThrow();
      assert.deepEqual(stored, { version: before.version + 1, title: 'Vetytalous 2.0', start_date: '2027-01-01' });

      const stale = await agent.post(url, { version: String(before.version), title: 'Vanha versio' }, json);
      assert.equal(stale.statusCode, 409);
      const conflict = stale.json();
      assert.equal(conflict.conflict, true);
      assert.equal(conflict.savedBy, 'Liisa Lead');
      assert.match(conflict.message, /Liisa Lead tallensi tämän osan klo 12\.00/);
      assert.equal((await db().selectFrom('applications').select('title').where('id', '=', application.id).executeTakeFirstOrThrow()).title, 'Vetytalous 2.0');

      const invalid = await agent.post(url, { version: String(before.version + 1), title: 'X', start_date: '31.2.2027' }, json);
      assert.equal(invalid.statusCode, 400);
      assert.equal(invalid.json().errors[0].field, 'start_date');
      const noToken = await agent.post(url, { version: String(before.version + 1), title: 'X' }, { csrf: false, ...json });
      assert.equal(noToken.statusCode, 403);
      assert.equal(noToken.json().code, 'CSRF_FAILED');
    });

    it('autosaves a partner’s part and names a malformed amount', async () => {
      const agent = await agentFor(t, partnerMember);
      const partnerId = application.partnerIds[1]!;
      const { version } = await db().selectFrom('application_partners').select('version').where('id', '=', partnerId).executeTakeFirstOrThrow();
      const url = `${APPS}/${application.id}/autosave/partners/${partnerId}`;
      const bad = await agent.post(url, { version: String(version), 'cost.staff': 'paljon', requested: '1' }, json);
      assert.equal(bad.statusCode, 400);
      assert.deepEqual(bad.json().errors.map((e: { field: string }) => e.field), ['cost.staff']);
      const ok = await agent.post(url, { version: String(version), unit: 'Kajaani', 'cost.staff': '50 000', requested: '56 000', own_funding: '14 000' }, json);
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal(ok.json().version, version + 1);
      const costs = await db().selectFrom('application_partner_costs').select(['category', 'amount_cents']).where('partner_id', '=', partnerId).execute();
      assert.deepEqual(costs.map((c) => [c.category, Number(c.amount_cents)]), [['staff', 5_000_000]]);
    });

    it('refuses autosave, invitations and changes after the deadline', async () => {
      const call = await buildCall(db(), { closesAt: '2026-11-28T09:59:59.000Z' });
      const closed = await buildApplication(db(), { call, lead: { organisation: leadOrg }, createdBy: lead });
      const agent = await agentFor(t, lead);
      const res = await agent.post(`${APPS}/${closed.id}/autosave/general`, { version: '1', title: 'Myöhässä' }, json);
      assert.equal(res.statusCode, 409);
      assert.equal(res.json().refused, true);
      assert.equal(res.json().code, 'DEADLINE_PASSED');
      assert.match(res.json().message, /Haku päättyi 28\.11\.2026 klo 11\.59/);
      assert.equal((await db().selectFrom('applications').select('title').where('id', '=', closed.id).executeTakeFirstOrThrow()).title === 'Myöhässä', false);
      const partner = await agent.post(`${APPS}/${closed.id}/autosave/partners/${closed.partnerIds[1]}`, { version: '1', unit: 'Myöhässä' }, json);
      assert.equal(partner.statusCode, 409);
      const invite = await agent.post(`${APPS}/${closed.id}/people`, { partnerId: String(closed.partnerIds[1]), name: 'Myöhäinen', email: 'myohainen@example.test', locale: 'fi' });
      assert.equal(invite.statusCode, 409);
      assert.match(invite.body, /Haku sulkeutui 28\.11\.2026 klo 11\.59/);
      assert.equal((await mailTo('myohainen@example.test')).length, 0);
      const page = await agent.get(`${APPS}/${closed.id}/people`);
      assert.match(page.body, /uusia tekijöitä ei voi kutsua/);
      assert.doesNotMatch(page.body, /Lähetä kutsu/);
    });

    it('serves the editor script bundled with the eligibility rules, cached and revalidated', async () => {
      const res = await t.app.inject('/assets/application-editor.js');
      assert.equal(res.statusCode, 200);
      assert.match(res.headers['content-type'] as string, /^text\/javascript/);
      assert.equal(res.headers['cache-control'], 'public, max-age=86400');
      assert.ok(res.body.includes('aid-rate-too-high'));
      assert.ok(res.body.includes('eligibility-data'));
      assert.doesNotMatch(res.body, /^import |require\(/m);
      const again = await t.app.inject({ url: '/assets/application-editor.js', headers: { 'if-none-match': res.headers.etag as string } });
      assert.equal(again.statusCode, 304);
      // The TypeScript source is not served as it is.
      assert.equal((await t.app.inject('/assets/js/application-editor.ts')).statusCode, 404);
    });
  });
}
