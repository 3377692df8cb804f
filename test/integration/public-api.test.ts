import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { testDialects } from '../helpers/dialects.js';

for (const dialect of testDialects()) {
  describe(`public API v1 [${dialect.name}]`, { skip: dialect.skip }, () => {
    let t: TestApp;
    before(async () => {
      t = await buildTestApp(dialect);
    });
    after(async () => t?.close());

    const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { accept: 'application/json' } });

    it('lists the seven regions with Statistics Finland and NUTS-3 codes and trilingual council names', async () => {
      const res = await get('/api/v1/regions');
      assert.equal(res.statusCode, 200);
      const { items } = res.json();
      assert.deepEqual(
        items.map((r: { code: string; nuts3: string }) => `${r.code}:${r.nuts3}`),
        ['10:FI1D1', '11:FI1D2', '12:FI1D3', '16:FI1D5', '17:FI1D9', '18:FI1D8', '19:FI1D7'],
      );
      const kp = items.find((r: { code: string }) => r.code === '16');
      assert.deepEqual(kp.name, { fi: 'Keski-Pohjanmaa', sv: 'Mellersta Österbotten', en: 'Central Ostrobothnia' });
      assert.equal(kp.council.name.sv, 'Mellersta Österbottens förbund');
      assert.deepEqual(
        kp.growthSectors.map((s: { slug: string }) => s.slug),
        ['chemical-industry', 'battery-materials', 'circular-economy'],
      );
      assert.match(res.headers['cache-control'] as string, /public/);
    });

    it('answers one region by code, and a problem with a stable code for an unknown one', async () => {
      assert.equal((await get('/api/v1/regions/18')).json().name.sv, 'Kajanaland');
      const missing = await get('/api/v1/regions/99');
      assert.equal(missing.statusCode, 404);
      assert.match(missing.headers['content-type'] as string, /^application\/problem\+json/);
      assert.equal(missing.json().code, 'REGION_NOT_FOUND');
    });

    it('gives the strategy in force with its three priorities, and the 2019–2023 strategy as an earlier version', async () => {
      const current = (await get('/api/v1/strategies/current')).json();
      assert.equal(current.status, 'in-force');
      assert.equal(current.validFrom, '2024-01-01');
      assert.deepEqual(
        current.priorities.map((p: { slug: string }) => p.slug),
        ['clean-solutions', 'digitalisation', 'sustainable-services'],
      );
      assert.deepEqual(current.priorities[1].name, {
        fi: 'Digitalisaation hyödyntäminen',
        sv: 'Utnyttjande av digitaliseringen',
        en: 'Utilising digitalisation',
      });
      const all = (await get('/api/v1/strategies')).json().items;
      assert.deepEqual(
        all.map((s: { slug: string; status: string }) => `${s.slug}:${s.status}`),
        ['ita-ja-pohjois-suomi-2024:in-force', 'elmo-2019-2023:earlier'],
      );
      assert.equal(all[1].validTo, '2023-12-31');
    });

    it('lists the priorities in force with their related regional growth sectors', async () => {
      const { items } = (await get('/api/v1/priorities')).json();
      assert.equal(items.length, 3);
      const clean = items.find((p: { slug: string }) => p.slug === 'clean-solutions');
      assert.ok(clean.growthSectors.some((s: { region: string; slug: string }) => s.region === '16' && s.slug === 'battery-materials'));
      const elmo = (await get('/api/v1/priorities?strategy=elmo-2019-2023')).json().items;
      assert.equal(elmo.length, 4);
      assert.equal((await get('/api/v1/priorities?strategy=no-such')).json().code, 'STRATEGY_NOT_FOUND');
    });

    it('names Keski-Pohjanmaa as the chair of 2024 and computes later years from the rotation', async () => {
      const res = await get('/api/v1/chair/2024');
      assert.equal(res.statusCode, 200);
      const body = res.json();
      assert.equal(body.year, 2024);
      assert.equal(body.region.code, '16');
      assert.equal(body.region.nuts3, 'FI1D5');
      assert.equal(body.region.council.name.fi, 'Keski-Pohjanmaan liitto');
      assert.equal((await get('/api/v1/chair/2031')).json().region.code, '16');
    });

    it('answers a year before the rotation with CHAIR_NOT_SET and a malformed year with VALIDATION_FAILED naming the field', async () => {
      const early = await get('/api/v1/chair/2023');
      assert.equal(early.statusCode, 404);
      assert.equal(early.json().code, 'CHAIR_NOT_SET');
      assert.match(early.json().detail, /2024/);
      for (const bad of ['abc', '12', '99999']) {
        const res = await get(`/api/v1/chair/${bad}`);
        assert.equal(res.statusCode, 400, bad);
        assert.equal(res.json().code, 'VALIDATION_FAILED');
        assert.equal(res.json().errors[0].field, 'year');
      }
    });

    it('hands the chair over at midnight Helsinki time on 1 January', async () => {
      t.clock.set('2024-12-31T21:59:59Z');
      const before = (await get('/api/v1/chair/current')).json();
      assert.equal(before.current.region.code, '16');
      assert.equal(before.next.region.code, '17');
      assert.equal(before.handoverAt, '2024-12-31T22:00:00.000Z');
      t.clock.set('2024-12-31T22:00:00Z');
      assert.equal((await get('/api/v1/chair/current')).json().current.region.code, '17');
    });

    it('lists the expert group with public contacts, marking the fictional demo people', async () => {
      const { items } = (await get('/api/v1/expert-group')).json();
      assert.ok(items.length >= 7);
      assert.ok(items.every((m: { demo: boolean; email: string }) => m.demo && m.email.endsWith('@example.org')));
      const regions = new Set(items.map((m: { region: { code: string } }) => m.region.code));
      assert.equal(regions.size, 7, 'every council has at least one member');
    });

    it('publishes an OpenAPI 3.1 document generated from the route schemas', async () => {
      const doc = (await get('/api/openapi.json')).json();
      assert.equal(doc.openapi, '3.1.0');
      for (const path of [
        '/api/v1/regions',
        '/api/v1/strategies',
        '/api/v1/strategies/current',
        '/api/v1/priorities',
        '/api/v1/chair/{year}',
        '/api/v1/expert-group',
      ]) {
        assert.ok(doc.paths[path]?.get, `${path} is documented`);
      }
      assert.equal(doc.paths['/fi/maakunnat'], undefined, 'HTML pages are not in the API document');
    });
  });
}
