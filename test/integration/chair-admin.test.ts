import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { UserRow } from '../../src/db/schema.js';
import { agentFor, buildTestApp, type TestApp } from '../helpers/app.js';
import { testDialects } from '../helpers/dialects.js';
import { buildUser } from '../helpers/factories.js';

const ADMIN = '/fi/hallinta/puheenjohtajuus';
const CHAIR_TAG = /Tämän vuoden puheenjohtajamaakunta/;

/** The seeded rotation (base year 2024: 16, 17, 18, 19, 10, 11, 12) as the form would post it, with changes. */
function rotationForm(changes: Record<string, string> = {}): Record<string, string> {
  const order = ['16', '17', '18', '19', '10', '11', '12'];
  return { baseYear: '2024', ...Object.fromEntries(order.map((code, i) => [`position.${code}`, String(i + 1)])), ...changes };
}

for (const dialect of testDialects()) {
  describe(`chair administration [${dialect.name}]`, { skip: dialect.skip }, () => {
    let t: TestApp;
    let admin: UserRow;
    before(async () => {
      t = await buildTestApp(dialect);
      admin = await buildUser(t.database.db, { roles: [{ role: 'admin' }] });
    });
    after(async () => t?.close());

    it('is open to this year’s chair coordinator and closed to other officers and applicants', async () => {
      const coordinator = await agentFor(t, await buildUser(t.database.db, { roles: [{ role: 'officer', region: '18' }] }));
      const page = await coordinator.get(ADMIN);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<caption[^>]*>Puheenjohtajat tänä vuonna ja seuraavina vuosina<\/caption>/);
      assert.match(page.body, /<th scope="row">2033<\/th><td>Kainuu<\/td>/);
      const otherOfficer = await agentFor(t, await buildUser(t.database.db, { roles: [{ role: 'officer', region: '11' }] }));
      assert.equal((await otherOfficer.get(ADMIN)).statusCode, 403);
      assert.equal((await otherOfficer.post(`${ADMIN}/overrides`, { year: '2027', region: '11', reason: 'x' })).statusCode, 403);
      const applicant = await agentFor(t, await buildUser(t.database.db));
      assert.equal((await applicant.get(ADMIN)).statusCode, 403);
      assert.equal((await applicant.post(`${ADMIN}/rotation`, rotationForm())).statusCode, 403);
      assert.equal((await t.app.inject('/api/v1/chair/2027')).json().region.code, '19');
    });

    it('names the rotation fields that are wrong and changes nothing', async () => {
      const agent = await agentFor(t, admin);
      const res = await agent.post(`${ADMIN}/rotation`, rotationForm({ baseYear: '24', 'position.17': '1', 'position.19': 'x' }));
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /Kirjoita kenttään ”Perusvuosi” vuosiluku väliltä 1900–9999/);
      assert.match(res.body, /Maakunnilla Keski-Pohjanmaa ja Pohjois-Pohjanmaa on sama järjestysnumero 1/);
      assert.match(res.body, /Kirjoita maakunnan Lappi järjestysnumeroksi kokonaisluku 1–99/);
      assert.match(res.body, /href="#field-position-19"/);
      const blank = Object.fromEntries(Object.keys(rotationForm()).map((k) => [k, k === 'baseYear' ? '2024' : '']));
      assert.match((await agent.post(`${ADMIN}/rotation`, blank)).body, /Anna järjestysnumero vähintään yhdelle maakunnalle/);
      assert.equal((await t.app.inject('/api/v1/chair/current')).json().current.region.code, '18');
    });

    it('saves a new order and base year, shown in the API and on the public pages at once', async () => {
      const agent = await agentFor(t, admin);
      const res = await agent.post(
        `${ADMIN}/rotation`,
        rotationForm({ baseYear: '2026', 'position.12': '1', 'position.11': '2', 'position.10': '3', 'position.16': '4', 'position.17': '5', 'position.18': '6', 'position.19': '' }),
      );
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, `${ADMIN}?saved=1`);
      const now = (await t.app.inject('/api/v1/chair/current')).json();
      assert.equal(now.current.region.code, '12');
      assert.equal(now.next.region.code, '11');
      assert.equal((await t.app.inject('/api/v1/chair/2032')).json().region.code, '12');
      assert.match((await t.app.inject('/fi/maakunnat/pohjois-karjala')).body, CHAIR_TAG);
      assert.doesNotMatch((await t.app.inject('/fi/maakunnat/kainuu')).body, CHAIR_TAG);
      const entry = await t.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'chair.rotation-changed').executeTakeFirstOrThrow();
      assert.equal(entry.actor_user_id, admin.id);
      assert.deepEqual(JSON.parse(entry.before_json!), { baseYear: 2024, order: ['16', '17', '18', '19', '10', '11', '12'] });
      assert.deepEqual(JSON.parse(entry.after_json!), { baseYear: 2026, order: ['12', '11', '10', '16', '17', '18'] });
      assert.match((await agent.get(`${ADMIN}?saved=1`)).body, /Vuorojärjestys on tallennettu/);
    });

    it('names the override fields that are missing and keeps what was typed', async () => {
      const agent = await agentFor(t, admin);
      const res = await agent.post(`${ADMIN}/overrides`, { year: '20x7', reason: '  ' });
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /Kirjoita kenttään ”Vuosi” vuosiluku väliltä 1900–9999/);
      assert.match(res.body, /Valitse puheenjohtajamaakunta/);
      assert.match(res.body, /Täytä kenttä ”Perustelu”/);
      assert.match(res.body, /value="20x7"/);
      const sv = await agent.post('/sv/administration/ordforandeskap/overrides', { year: '2027', region: '99', reason: 'x' });
      assert.match(sv.body, /Välj ordförandelandskap/);
    });

    it('adds an override for this year and removes it, in the API and on the public page at once', async () => {
      const agent = await agentFor(t, admin);
      const res = await agent.post(`${ADMIN}/overrides`, { year: '2026', region: '19', reason: 'Maakuntien yhteinen päätös 1.11.2026' });
      assert.equal(res.statusCode, 303);
      const chair = (await t.app.inject('/api/v1/chair/2026')).json();
      assert.deepEqual([chair.region.code, chair.source], ['19', 'override']);
      assert.match((await t.app.inject('/fi/maakunnat/lappi')).body, CHAIR_TAG);
      const page = await agent.get(ADMIN);
      assert.match(page.body, /Poikkeus: Maakuntien yhteinen päätös 1\.11\.2026/);
      const added = await t.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'chair.override-set').executeTakeFirstOrThrow();
      assert.equal(added.entity_id, '2026');
      assert.equal(added.before_json, null);

      const removed = await agent.post(`${ADMIN}/overrides/2026/remove`);
      assert.equal(removed.statusCode, 303);
      assert.equal(removed.headers.location, `${ADMIN}?overrideRemoved=1`);
      assert.equal((await t.app.inject('/api/v1/chair/2026')).json().source, 'rotation');
      assert.doesNotMatch((await t.app.inject('/fi/maakunnat/lappi')).body, CHAIR_TAG);
      const cleared = await t.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'chair.override-cleared').executeTakeFirstOrThrow();
      assert.equal(JSON.parse(cleared.before_json!).regionCode, '19');
      assert.equal((await agent.post(`${ADMIN}/overrides/2026/remove`)).statusCode, 404);
    });
  });
}
