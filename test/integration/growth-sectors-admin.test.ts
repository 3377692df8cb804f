import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { UserRow } from '../../src/db/schema.js';
import { agentFor, buildTestApp, type TestApp } from '../helpers/app.js';
import { testDialects } from '../helpers/dialects.js';
import { buildUser } from '../helpers/factories.js';

const ADMIN = '/fi/hallinta/kasvualat';

for (const dialect of testDialects()) {
  describe(`growth sector administration [${dialect.name}]`, { skip: dialect.skip }, () => {
    let t: TestApp;
    let officer11: UserRow;
    let priority: Record<string, number>;
    const sectorId = async (region: string, slug: string) =>
      (await t.database.db.selectFrom('growth_sectors').select('id').where('region_code', '=', region).where('slug', '=', slug).executeTakeFirstOrThrow()).id;

    before(async () => {
      t = await buildTestApp(dialect);
      officer11 = await buildUser(t.database.db, { roles: [{ role: 'officer', region: '11' }] });
      const rows = await t.database.db
        .selectFrom('priorities')
        .innerJoin('strategies', 'strategies.id', 'priorities.strategy_id')
        .select(['priorities.id', 'priorities.slug'])
        .where('strategies.slug', '=', 'ita-ja-pohjois-suomi-2024')
        .execute();
      priority = Object.fromEntries(rows.map((r) => [r.slug, r.id]));
    });
    after(async () => t?.close());

    it('shows an officer only their own region, and refuses another region with 403', async () => {
      const agent = await agentFor(t, officer11);
      const list = await agent.get(ADMIN);
      assert.equal(list.statusCode, 200);
      assert.match(list.body, /Pohjois-Savo/);
      assert.doesNotMatch(list.body, /kasvualat\/12"/);
      assert.equal((await agent.get(`${ADMIN}/12`)).statusCode, 403);
      const other = await sectorId('12', 'green-transition');
      assert.equal((await agent.post(`${ADMIN}/12/new`, { slug: 'x', name_fi: 'X', name_sv: 'X', name_en: 'X', order: '1' })).statusCode, 403);
      assert.equal((await agent.post(`${ADMIN}/12/${other}`, { slug: 'x', name_fi: 'X', name_sv: 'X', name_en: 'X', order: '1' })).statusCode, 403);
      assert.equal((await agent.post(`${ADMIN}/12/${other}/remove`)).statusCode, 403);
      assert.equal((await t.app.inject('/api/v1/regions/12')).json().growthSectors.length, 3);
    });

    it('is closed to an applicant', async () => {
      const applicant = await agentFor(t, await buildUser(t.database.db));
      assert.equal((await applicant.get(ADMIN)).statusCode, 403);
      assert.equal((await applicant.post(`${ADMIN}/11/new`, { slug: 'x' })).statusCode, 403);
    });

    it('names each field that is missing or malformed and keeps the ticked priorities', async () => {
      const agent = await agentFor(t, officer11);
      const res = await agent.post(`${ADMIN}/11/new`, {
        slug: 'food-chain',
        name_fi: '',
        name_sv: 'Turism',
        name_en: 'Tourism',
        order: '99',
        priority: [String(priority['sustainable-services'])],
      });
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /Täytä kenttä ”Nimi suomeksi”/);
      assert.match(res.body, /Kirjoita kenttään ”Järjestysnumero” kokonaisluku väliltä 1–5/);
      assert.match(res.body, new RegExp(`value="${priority['sustainable-services']}" checked`));
      const dup = await agent.post(`${ADMIN}/11/new`, { slug: 'food-chain', name_fi: 'Matkailu', name_sv: 'Turism', name_en: 'Tourism', order: '1' });
      assert.equal(dup.statusCode, 400);
      assert.match(dup.body, /Maakunnalla on jo kasvuala, jonka tunniste on ”food-chain”/);
    });

    it('adds a sector at the place given, linked to priorities, shown on the public page and API at once', async () => {
      const agent = await agentFor(t, officer11);
      const res = await agent.post(`${ADMIN}/11/new`, {
        slug: 'tourism',
        name_fi: 'Matkailu',
        name_sv: 'Turism',
        name_en: 'Tourism',
        order: '1',
        priority: [String(priority['sustainable-services']), String(priority['digitalisation'])],
      });
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, `${ADMIN}/11?created=1`);
      const api = (await t.app.inject('/api/v1/regions/11')).json();
      assert.equal(api.growthSectors[0].slug, 'tourism');
      assert.deepEqual([...api.growthSectors[0].priorities].sort(), ['digitalisation', 'sustainable-services']);
      assert.match((await t.app.inject('/fi/maakunnat/pohjois-savo')).body, /Matkailu/);
      const current = (await t.app.inject('/api/v1/strategies/current')).json();
      const services = current.priorities.find((p: { slug: string }) => p.slug === 'sustainable-services');
      assert.ok(services.growthSectors.some((s: { slug: string }) => s.slug === 'tourism'));
      const entry = await t.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'growth-sector.created').executeTakeFirstOrThrow();
      assert.equal(entry.actor_user_id, officer11.id);
      assert.equal(JSON.parse(entry.after_json!).position, 1);
    });

    it('edits names, place and links, keeping links to earlier strategies', async () => {
      const agent = await agentFor(t, officer11);
      const id = await sectorId('11', 'tourism');
      const elmo = await t.database.db.selectFrom('priorities').select('id').where('slug', '=', 'elmo-cluster-work').executeTakeFirstOrThrow();
      await t.database.db.insertInto('growth_sector_priorities').values({ growth_sector_id: id, priority_id: elmo.id }).execute();
      const form = await agent.get(`${ADMIN}/11/${id}`);
      assert.equal(form.statusCode, 200);
      assert.match(form.body, /<legend>Painopisteet, joihin kasvuala liittyy/);
      const res = await agent.post(`${ADMIN}/11/${id}`, {
        slug: 'tourism',
        name_fi: 'Matkailu ja elämystalous',
        name_sv: 'Turism och upplevelseekonomi',
        name_en: 'Tourism and experience economy',
        order: '5',
        priority: [String(priority['clean-solutions'])],
      });
      assert.equal(res.statusCode, 303);
      const api = (await t.app.inject('/api/v1/regions/11')).json();
      const last = api.growthSectors.at(-1);
      assert.equal(last.slug, 'tourism');
      assert.equal(last.name.sv, 'Turism och upplevelseekonomi');
      assert.deepEqual([...last.priorities].sort(), ['clean-solutions', 'elmo-cluster-work']);
      assert.match((await t.app.inject('/sv/landskap/pohjois-savo')).body, /Turism och upplevelseekonomi/);
      const entry = await t.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'growth-sector.updated').executeTakeFirstOrThrow();
      assert.equal(JSON.parse(entry.before_json!).name.fi, 'Matkailu');
      assert.equal(JSON.parse(entry.after_json!).position, 5);
    });

    it('lets an admin remove another region’s sector, gone from the public page at once', async () => {
      const admin = await agentFor(t, await buildUser(t.database.db, { roles: [{ role: 'admin' }] }));
      const id = await sectorId('12', 'green-transition');
      const res = await admin.post(`${ADMIN}/12/${id}/remove`);
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, `${ADMIN}/12?removed=1`);
      assert.doesNotMatch((await t.app.inject('/fi/maakunnat/pohjois-karjala')).body, /Puhtaat ratkaisut ja vihreä siirtymä/);
      assert.equal((await t.app.inject('/api/v1/regions/12')).json().growthSectors.length, 2);
      const entry = await t.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'growth-sector.removed').executeTakeFirstOrThrow();
      assert.equal(JSON.parse(entry.before_json!).slug, 'green-transition');
      assert.equal(entry.after_json, null);
    });
  });
}
