import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { UserRow } from '../../src/db/schema.js';
import { buildTestApp, agentFor, type TestApp } from '../helpers/app.js';
import { testDialects } from '../helpers/dialects.js';
import { buildUser } from '../helpers/factories.js';

const ADMIN = '/fi/hallinta/strategia';
const CURRENT = 'ita-ja-pohjois-suomi-2024';

/** The edit form of a version as the page would post it, from the database. */
async function editForm(t: TestApp, id: number): Promise<Record<string, string>> {
  const v = await t.database.db.selectFrom('strategies').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const priorities = await t.database.db.selectFrom('priorities').selectAll().where('strategy_id', '=', id).orderBy('sort_order').execute();
  const form: Record<string, string> = {
    slug: v.slug,
    name_fi: v.name_fi,
    name_sv: v.name_sv,
    name_en: v.name_en,
    summary_fi: v.summary_fi,
    summary_sv: v.summary_sv,
    summary_en: v.summary_en,
    validFrom: v.valid_from,
    validTo: v.valid_to ?? '',
  };
  priorities.forEach((p, i) => {
    Object.assign(form, {
      [`p${i}.id`]: String(p.id),
      [`p${i}.slug`]: p.slug,
      [`p${i}.name_fi`]: p.name_fi,
      [`p${i}.name_sv`]: p.name_sv,
      [`p${i}.name_en`]: p.name_en,
      [`p${i}.description_fi`]: p.description_fi,
      [`p${i}.description_sv`]: p.description_sv,
      [`p${i}.description_en`]: p.description_en,
      [`p${i}.order`]: String(i + 1),
    });
  });
  return form;
}

function newVersion(slug: string, validFrom: string): Record<string, string> {
  return {
    slug,
    name_fi: 'Uusi yhteinen strategia',
    name_sv: 'Ny gemensam strategi',
    name_en: 'New joint strategy',
    summary_fi: 'Tiivistelmä',
    summary_sv: 'Sammandrag',
    summary_en: 'Summary',
    validFrom,
    validTo: '',
    'p0.slug': 'green-growth',
    'p0.name_fi': 'Vihreä kasvu',
    'p0.name_sv': 'Grön tillväxt',
    'p0.name_en': 'Green growth',
    'p0.description_fi': 'Kuvaus',
    'p0.description_sv': 'Beskrivning',
    'p0.description_en': 'Description',
    'p0.order': '2',
    'p1.slug': 'skills',
    'p1.name_fi': 'Osaaminen',
    'p1.name_sv': 'Kompetens',
    'p1.name_en': 'Skills',
    'p1.description_fi': 'Kuvaus',
    'p1.description_sv': 'Beskrivning',
    'p1.description_en': 'Description',
    'p1.order': '1',
    'p2.slug': '',
    'p2.order': '3',
  };
}

for (const dialect of testDialects()) {
  describe(`strategy administration [${dialect.name}]`, { skip: dialect.skip }, () => {
    let t: TestApp;
    let officer: UserRow;
    let currentId: number;
    before(async () => {
      t = await buildTestApp(dialect);
      officer = await buildUser(t.database.db, { roles: [{ role: 'officer', region: '11' }] });
      currentId = (await t.database.db.selectFrom('strategies').select('id').where('slug', '=', CURRENT).executeTakeFirstOrThrow()).id;
    });
    after(async () => t?.close());

    it('is closed to an applicant', async () => {
      const applicant = await agentFor(t, await buildUser(t.database.db));
      assert.equal((await applicant.get(ADMIN)).statusCode, 403);
      assert.equal((await applicant.post(`${ADMIN}/new`, newVersion('x', '2030-01-01'))).statusCode, 403);
      assert.equal((await applicant.post(`${ADMIN}/${currentId}`, await editForm(t, currentId))).statusCode, 403);
    });

    it('lists the versions with their status for an officer', async () => {
      const res = await (await agentFor(t, officer)).get(ADMIN);
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /Itä- ja Pohjois-Suomen yhteinen älykkään erikoistumisen strategia/);
      assert.match(res.body, /Voimassa 1\.1\.2019–31\.12\.2023/);
      assert.match(res.body, /<caption[^>]*>Strategian versiot<\/caption>/);
      const form = await (await agentFor(t, officer)).get(`${ADMIN}/new`);
      assert.equal(form.statusCode, 200);
      assert.match(form.body, /<legend>Uusi painopiste 4<\/legend>/);
      const edit = await (await agentFor(t, officer)).get(`${ADMIN}/${currentId}`);
      assert.match(edit.body, /Liitetty kasvualoihin: /);
      assert.equal((await (await agentFor(t, officer)).get(`${ADMIN}/999999`)).statusCode, 404);
    });

    it('names each missing or malformed field and keeps what was typed', async () => {
      const agent = await agentFor(t, officer);
      const res = await agent.post(`${ADMIN}/new`, { ...newVersion('Bad Slug', '31.2.2027'), name_fi: '', validTo: '2020-01-01', 'p1.order': 'x' });
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /Täytä kenttä ”Nimi suomeksi”/);
      assert.match(res.body, /Kentässä ”Tunniste” saa olla vain pieniä kirjaimia/);
      assert.match(res.body, /Kirjoita kenttään ”Voimassa alkaen” päivämäärä muodossa p\.k\.vvvv/);
      assert.match(res.body, /Kirjoita kenttään ”Järjestysnumero \(2\)” kokonaisluku/);
      assert.match(res.body, /href="#field-name_fi"/);
      assert.match(res.body, /value="Bad Slug"/);
    });

    it('refuses a used identifier, an end before the start and an overlap, in Swedish too', async () => {
      const agent = await agentFor(t, officer);
      const dup = await agent.post(`${ADMIN}/new`, newVersion('elmo-2019-2023', '2030-01-01'));
      assert.equal(dup.statusCode, 400);
      assert.match(dup.body, /Tunniste ”elmo-2019-2023” on jo toisen strategian version käytössä/);
      const ends = await agent.post(`${ADMIN}/new`, { ...newVersion('s2030', '2030-01-01'), validTo: '2029-12-31' });
      assert.match(ends.body, /Voimassa asti -päivä ei voi olla ennen Voimassa alkaen -päivää/);
      const overlap = await agent.post('/sv/administration/strategi/new', newVersion('s2018', '2018-06-01'));
      assert.equal(overlap.statusCode, 400);
      assert.match(overlap.body, /Giltighetstiden överlappar versionen ”Näringar i omvälvning \(ELMO\)/);
      assert.equal((await t.database.db.selectFrom('strategies').select('id').execute()).length, 2);
    });

    it('adds a version, closes the one before it the day before, and shows it at once', async () => {
      const agent = await agentFor(t, officer);
      const res = await agent.post(`${ADMIN}/new`, newVersion('s2027', '1.1.2027'));
      assert.equal(res.statusCode, 303);
      assert.match(String(res.headers.location), /^\/fi\/hallinta\/strategia\/\d+\?created=1$/);
      const listed = (await t.app.inject('/api/v1/strategies')).json().items;
      const added = listed.find((s: { slug: string }) => s.slug === 's2027');
      assert.equal(added.status, 'upcoming');
      assert.deepEqual(added.priorities.map((p: { slug: string }) => p.slug), ['skills', 'green-growth']);
      assert.equal(listed.find((s: { slug: string }) => s.slug === CURRENT).validTo, '2026-12-31');
      const page = await agent.get(String(res.headers.location));
      assert.match(page.body, /Uusi versio on tallennettu/);

      t.clock.set('2027-01-01T00:30:00+02:00');
      assert.equal((await t.app.inject('/api/v1/strategies/current')).json().slug, 's2027');
      assert.match((await t.app.inject('/fi/strategia')).body, /Uusi yhteinen strategia/);
      t.clock.set('2026-11-28T10:00:00Z');

      const audit = await t.database.db.selectFrom('audit_log').selectAll().where('entity_type', '=', 'strategy').orderBy('seq').execute();
      assert.deepEqual(audit.map((a) => a.action), ['strategy.version-closed', 'strategy.version-created']);
      assert.equal(JSON.parse(audit[0]!.before_json!).validTo, null);
      assert.equal(JSON.parse(audit[0]!.after_json!).validTo, '2026-12-31');
      assert.equal(audit[1]!.actor_user_id, officer.id);
    });

    it('edits texts, renames and reorders priorities, visible on the public page and API at once', async () => {
      const agent = await agentFor(t, officer);
      const form = await editForm(t, currentId);
      form['p0.name_fi'] = 'Puhtaat ja kestävät ratkaisut';
      form['p0.order'] = '3';
      form['p2.order'] = '1';
      form['p3.slug'] = 'new-priority';
      form['p3.name_fi'] = 'Uusi painopiste';
      form['p3.name_sv'] = 'Ny prioritering';
      form['p3.name_en'] = 'New priority';
      form['p3.description_fi'] = 'Kuvaus';
      form['p3.description_sv'] = 'Beskrivning';
      form['p3.description_en'] = 'Description';
      form['p3.order'] = '4';
      const res = await agent.post(`${ADMIN}/${currentId}`, form);
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, `${ADMIN}/${currentId}?saved=1`);
      const api = (await t.app.inject('/api/v1/strategies/current')).json();
      assert.deepEqual(api.priorities.map((p: { slug: string }) => p.slug), ['sustainable-services', 'digitalisation', 'clean-solutions', 'new-priority']);
      assert.equal(api.priorities[2].name.fi, 'Puhtaat ja kestävät ratkaisut');
      assert.match((await t.app.inject('/fi/strategia')).body, /Puhtaat ja kestävät ratkaisut/);
      assert.match((await t.app.inject('/fi/maakunnat/pohjois-savo')).body, /Puhtaat ja kestävät ratkaisut/);
      const entry = await t.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'strategy.version-updated').executeTakeFirstOrThrow();
      assert.equal(JSON.parse(entry.before_json!).priorities[0].name.fi, 'Puhtaat ratkaisut');
      assert.equal(JSON.parse(entry.after_json!).priorities.length, 4);
    });

    it('refuses to remove a priority that growth sectors are linked to, and removes an unlinked one', async () => {
      const agent = await agentFor(t, officer);
      const linked = await editForm(t, currentId);
      linked['p0.remove'] = '1';
      const refused = await agent.post(`${ADMIN}/${currentId}`, linked);
      assert.equal(refused.statusCode, 400);
      assert.match(refused.body, /Painopistettä ”Kestävä palvelutuotanto” ei poistettu, koska siihen on liitetty kasvualoja: Ruoka \(Etelä-Savo\)/);
      assert.equal((await t.app.inject('/api/v1/strategies/current')).json().priorities.length, 4);

      const unlinked = await editForm(t, currentId);
      unlinked['p3.remove'] = '1';
      assert.equal((await agent.post(`${ADMIN}/${currentId}`, unlinked)).statusCode, 303);
      const slugs = (await t.app.inject('/api/v1/strategies/current')).json().priorities.map((p: { slug: string }) => p.slug);
      assert.deepEqual(slugs, ['sustainable-services', 'digitalisation', 'clean-solutions']);
    });

    it('refuses an edit whose dates would overlap another version', async () => {
      const agent = await agentFor(t, officer);
      const form = { ...(await editForm(t, currentId)), validFrom: '2023-01-01' };
      const res = await agent.post(`${ADMIN}/${currentId}`, form);
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /Voimassaolo menee päällekkäin version ”Elinkeinot murroksessa/);
    });
  });
}
