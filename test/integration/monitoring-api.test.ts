import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { testDialects } from '../helpers/dialects.js';
import { buildMonitoringFixture, type MonitoringFixture } from '../helpers/monitoring-fixture.js';

/** The statistics API: the dashboard's hand-computed figures (see test/helpers/monitoring-fixture.ts) as JSON, amounts in cents. */
const k = (euros: number) => euros * 1000 * 100;

for (const dialect of testDialects()) {
  describe(`statistics API [${dialect.name}]`, { skip: dialect.skip }, () => {
    let t: TestApp;
    let fx: MonitoringFixture;
    const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers: { accept: 'application/json', ...headers } });

    before(async () => {
      t = await buildTestApp(dialect, { demo: false });
      fx = await buildMonitoringFixture(t.database.db);
    });
    after(async () => t?.close());

    it('gives the funding matrix, years, calls and instruments in cents for the strategy in force', async () => {
      const res = await get('/api/v1/statistics/funding');
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['cache-control'], 'public, max-age=60');
      const body = res.json();
      assert.deepEqual(body.filters, { strategy: 'ita-ja-pohjois-suomi-2024', yearFrom: null, yearTo: null, instrument: null });
      assert.equal(body.totalCents, k(760));
      assert.equal(body.projects, 7);
      assert.deepEqual(body.regions, ['10', '11', '12', '16', '17', '18', '19']);
      assert.deepEqual(
        body.byPriority.map((p: { priority: string; byRegion: number[]; totalCents: number }) => [p.priority, p.byRegion, p.totalCents]),
        [
          ['clean-solutions', [k(15), 0, 0, 0, k(220), k(175), k(50)], k(460)],
          ['digitalisation', [k(60), k(40), k(30), 0, 0, 0, 0], k(130)],
          ['sustainable-services', [0, k(70), 0, k(25), k(25), k(25), k(25)], k(170)],
        ],
      );
      assert.deepEqual(body.regionTotals, [k(75), k(110), k(30), k(25), k(245), k(200), k(75)]);
      assert.deepEqual(body.byYear, [
        { year: 2024, projects: 1, cents: k(70) },
        { year: 2025, projects: 1, cents: k(200) },
        { year: 2026, projects: 3, cents: k(330) },
        { year: 2027, projects: 2, cents: k(160) },
      ]);
      assert.deepEqual(
        body.byCall.map((c: { callId: number; projects: number; cents: number; decisions: string }) => [c.callId, c.projects, c.cents, c.decisions]),
        [
          [fx.calls.a.id, 5, k(630), `http://s3.test/api/v1/calls/${fx.calls.a.id}/decisions`],
          [fx.calls.b.id, 2, k(130), `http://s3.test/api/v1/calls/${fx.calls.b.id}/decisions`],
        ],
      );
      assert.deepEqual(body.byInstrument, [
        { instrument: 'akke', projects: 2, cents: k(130) },
        { instrument: 'erdf', projects: 5, cents: k(630) },
      ]);
      assert.equal(body.links.page.sv, 'http://s3.test/sv/uppfoljning?strategy=ita-ja-pohjois-suomi-2024');
    });

    it('gives the collaboration figures: cross-regional projects, the exact average and the pairs', async () => {
      const body = (await get('/api/v1/statistics/collaboration')).json();
      assert.deepEqual([body.projects, body.crossRegionalProjects, body.regionSum, body.averageRegionsPerProject], [7, 5, 15, 2.14]);
      assert.deepEqual(body.pairs.slice(0, 3), [
        { regions: ['17', '18'], projects: 3 },
        { regions: ['17', '19'], projects: 2 },
        { regions: ['18', '19'], projects: 2 },
      ]);
      assert.equal(body.pairs.length, 8);
      const y2026 = (await get('/api/v1/statistics/collaboration?yearFrom=2026&yearTo=2026')).json();
      assert.deepEqual([y2026.projects, y2026.crossRegionalProjects, y2026.averageRegionsPerProject], [3, 2, 1.67]);
      assert.deepEqual(y2026.filters, { strategy: 'ita-ja-pohjois-suomi-2024', yearFrom: 2026, yearTo: 2026, instrument: null });
    });

    it('gives indicator achievement against the targets, with the computed strategy indicators', async () => {
      const body = (await get('/api/v1/statistics/indicators')).json();
      const by = new Map(body.indicators.map((i: { code: string }) => [i.code, i]));
      assert.deepEqual(by.get('RCO01'), {
        code: 'RCO01',
        name: { fi: 'Tuetut yritykset', sv: 'Företag som får stöd', en: 'Enterprises supported' },
        unit: 'count',
        computed: false,
        achievedHundredths: 1500,
        projectsReporting: 4,
        projectTargetsHundredths: 3600,
        projectsWithTarget: 3,
        strategyTargetHundredths: 6000,
        percentOfStrategyTarget: 25,
        percentOfProjectTargets: 41.7,
      });
      const pick = (code: string) => {
        const i = by.get(code) as Record<string, unknown>;
        return [i.achievedHundredths, i.strategyTargetHundredths, i.percentOfStrategyTarget, i.percentOfProjectTargets];
      };
      assert.deepEqual(pick('RCR01'), [250, null, null, 33.3]);
      assert.deepEqual(pick('S3-CROSS'), [500, 1000, 50, null]);
      assert.deepEqual(pick('S3-REGIONS'), [214, 250, 85.6, null]);
      assert.deepEqual(pick('S3-FUNDING'), [k(760), k(2000), 38, null]);
      const akke = (await get('/api/v1/statistics/indicators?instrument=akke')).json();
      assert.deepEqual(akke.indicators.filter((i: { computed: boolean }) => !i.computed).map((i: { code: string }) => i.code), ['RCO84']);
    });

    it('filters by the strategy version and agrees with the page', async () => {
      const body = (await get('/api/v1/statistics/funding?strategy=elmo-2019-2023')).json();
      assert.equal(body.totalCents, k(1000));
      assert.deepEqual(body.byPriority[2].byRegion, [0, 0, 0, 0, k(500), k(500), 0]);
      const page = await t.app.inject({ method: 'GET', url: '/en/monitoring?strategy=elmo-2019-2023', headers: { accept: 'text/html' } });
      assert.match(page.body, /<dd data-figure="total-funding">€1,000,000<\/dd>/);
      const api = (await get('/api/v1/statistics/collaboration?yearFrom=2025&instrument=erdf')).json();
      const html = (await t.app.inject({ method: 'GET', url: '/en/monitoring?yearFrom=2025&instrument=erdf' })).body;
      assert.equal(api.averageRegionsPerProject, 2.25);
      assert.match(html, /<dd data-figure="average-regions">2\.25<\/dd>/);
      assert.match(html, new RegExp(`<dd data-figure="projects">${api.projects}</dd>`));
    });

    it('answers 304 to a matching ETag', async () => {
      for (const path of ['funding', 'collaboration', 'indicators']) {
        const first = await get(`/api/v1/statistics/${path}?instrument=erdf`);
        const etag = first.headers.etag as string;
        assert.match(etag, /^"[A-Za-z0-9_-]+"$/);
        const again = await get(`/api/v1/statistics/${path}?instrument=erdf`, { 'if-none-match': etag });
        assert.equal(again.statusCode, 304, path);
        assert.equal(again.body, '');
        assert.equal((await get(`/api/v1/statistics/${path}?instrument=akke`, { 'if-none-match': etag })).statusCode, 200);
      }
    });

    it('refuses bad filter values with 400 problem details naming the field', async () => {
      for (const [query, field] of [
        ['yearFrom=abc', 'yearFrom'],
        ['yearTo=1999', 'yearTo'],
        ['instrument=bogus', 'instrument'],
        ['strategy=no-such-version', 'strategy'],
        ['strategy=Bad%20Slug', 'strategy'],
        ['yearFrom=2027&yearTo=2025', 'yearTo'],
      ] as const) {
        for (const path of ['funding', 'collaboration', 'indicators']) {
          const res = await get(`/api/v1/statistics/${path}?${query}`);
          assert.equal(res.statusCode, 400, `${path}?${query}`);
          assert.match(res.headers['content-type'] as string, /application\/problem\+json/);
          assert.ok(JSON.stringify(res.json()).includes(field), `${path}?${query}`);
        }
      }
    });

    it('is documented in the OpenAPI document under the statistics tag', async () => {
      const doc = (await get('/api/openapi.json')).json();
      for (const path of ['/api/v1/statistics/funding', '/api/v1/statistics/collaboration', '/api/v1/statistics/indicators']) {
        const op = doc.paths[path]?.get;
        assert.ok(op, path);
        assert.deepEqual(op.tags, ['statistics']);
        assert.deepEqual(op.parameters.map((p: { name: string }) => p.name).sort(), ['instrument', 'strategy', 'yearFrom', 'yearTo']);
      }
    });
  });
}
