import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadMonitoring, type MonitoringData, type MonitoringFilters } from '../../src/features/monitoring/monitoring.repository.js';
import { monitoringMessages } from '../../src/features/monitoring/monitoring.messages.js';
import { formatMoney } from '../../src/i18n/format.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { testDialects } from '../helpers/dialects.js';
import { buildMonitoringFixture, type MonitoringFixture } from '../helpers/monitoring-fixture.js';

/**
 * The monitoring dashboard against the hand-computed figures of the fixture (see
 * test/helpers/monitoring-fixture.ts for the projects, and the sums worked out in the comments).
 */
const k = (euros: number) => euros * 1000 * 100;
const REGIONS = ['10', '11', '12', '16', '17', '18', '19'];
const fiMoney = (cents: number) => formatMoney(cents, 'fi', { wholeEuros: true });
/** Table cells are compared with no-break spaces as plain spaces. */
const plain = (s: string) => s.replace(/\u00a0|\u202f/g, ' ');
const cellMoney = (cents: number) => plain(fiMoney(cents));
const html = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The text of each cell of a table row picked by an attribute, tags removed. */
function rowCells(page: string, attribute: string): string[] {
  const row = new RegExp(`<tr ${attribute}>(.*?)</tr>`, 's').exec(page);
  assert.ok(row, `no row ${attribute}`);
  return [...row[1]!.matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/gs)].map((c) => plain(c[1]!.replace(/<[^>]+>/g, '')).trim());
}

function figure(page: string, name: string): string {
  const m = new RegExp(`<dd data-figure="${name}">([^<]*)</dd>`).exec(page);
  assert.ok(m, name);
  return m[1]!;
}

for (const dialect of testDialects()) {
  describe(`monitoring dashboard [${dialect.name}]`, { skip: dialect.skip }, () => {
    let t: TestApp;
    let fx: MonitoringFixture;
    let strategy2024: number;
    let elmo: number;
    const load = (f: Partial<MonitoringFilters> = {}): Promise<MonitoringData> => loadMonitoring(t.database.db, { strategyId: strategy2024, ...f });
    const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });

    before(async () => {
      t = await buildTestApp(dialect, { demo: false });
      const db = t.database.db;
      fx = await buildMonitoringFixture(db);
      strategy2024 = (await db.selectFrom('strategies').select('id').where('slug', '=', 'ita-ja-pohjois-suomi-2024').executeTakeFirstOrThrow()).id;
      elmo = (await db.selectFrom('strategies').select('id').where('slug', '=', 'elmo-2019-2023').executeTakeFirstOrThrow()).id;
    });
    after(async () => t?.close());

    it('sums funding by priority × granting council with row and column totals', async () => {
      const { funding: f } = await load();
      assert.deepEqual(f.regionCodes, REGIONS);
      assert.deepEqual(f.priorities.map((p) => p.slug), ['clean-solutions', 'digitalisation', 'sustainable-services']);
      // clean-solutions: P1 (17 100k, 18 50k, 19 50k) + P2 (17 120k, 18 80k) + P8 (18 45k, 10 15k)
      // digitalisation: P3 (10 60k, 11 40k) + P4 (12 30k); sustainable-services: P5 (16–19 25k each) + P6 (11 70k)
      assert.deepEqual(f.cells, [
        [k(15), 0, 0, 0, k(220), k(175), k(50)],
        [k(60), k(40), k(30), 0, 0, 0, 0],
        [0, k(70), 0, k(25), k(25), k(25), k(25)],
      ]);
      assert.deepEqual(f.rowTotals, [k(460), k(130), k(170)]);
      assert.deepEqual(f.columnTotals, [k(75), k(110), k(30), k(25), k(245), k(200), k(75)]);
      assert.equal(f.totalCents, k(760));
    });

    it('sums funding per year (every year of the range), per call and per instrument', async () => {
      const { funding: f } = await load();
      assert.deepEqual(f.byYear, [
        { year: 2024, projects: 1, cents: k(70) },
        { year: 2025, projects: 1, cents: k(200) },
        { year: 2026, projects: 3, cents: k(330) },
        { year: 2027, projects: 2, cents: k(160) },
      ]);
      assert.deepEqual(
        f.byCall.map((c) => [c.callId, c.instrument, c.projects, c.cents]),
        [
          [fx.calls.a.id, 'erdf', 5, k(630)],
          [fx.calls.b.id, 'akke', 2, k(130)],
        ],
      );
      assert.deepEqual(f.byInstrument, [
        { instrument: 'akke', projects: 2, cents: k(130) },
        { instrument: 'erdf', projects: 5, cents: k(630) },
      ]);
      // A range fills the years with nothing funded with zeros.
      const ranged = await load({ yearFrom: 2023, yearTo: 2025 });
      assert.deepEqual(ranged.funding.byYear, [
        { year: 2023, projects: 0, cents: 0 },
        { year: 2024, projects: 1, cents: k(70) },
        { year: 2025, projects: 1, cents: k(200) },
      ]);
    });

    it('counts projects, cross-regional projects and the exact average of regions per project', async () => {
      const { collaboration: c } = await load();
      // Region counts 3, 2, 2, 1, 4, 1, 2 → 15 / 7 = 2.142… → 2.14; cross-regional: P1, P2, P3, P5, P8.
      assert.deepEqual([c.projects, c.crossRegional, c.regionSum, c.averageRegionsHundredths], [7, 5, 15, 214]);
      // 2026: P2 (2), P3 (2), P4 (1) → 5 / 3 = 1.666… → 1.67 (rounded up).
      const y2026 = (await load({ yearFrom: 2026, yearTo: 2026 })).collaboration;
      assert.deepEqual([y2026.projects, y2026.crossRegional, y2026.averageRegionsHundredths], [3, 2, 167]);
      // From 2025, ERDF: P1 (3), P2 (2), P3 (2), P8 (2) → 9 / 4 = 2.25.
      const erdf = (await load({ yearFrom: 2025, instrument: 'erdf' })).collaboration;
      assert.deepEqual([erdf.projects, erdf.crossRegional, erdf.averageRegionsHundredths], [4, 4, 225]);
    });

    it('counts the projects of each pair of regions from the partners’ distinct regions', async () => {
      const { collaboration: c } = await load();
      // P1 {17,18,19}, P2 {17,18} (two partners in 17 count once), P3 {10,11}, P5 {16,17,18,19}, P8 {10,18}.
      assert.deepEqual(
        c.pairs.map((p) => `${p.a}-${p.b}:${p.projects}`),
        ['17-18:3', '17-19:2', '18-19:2', '10-11:1', '10-18:1', '16-17:1', '16-18:1', '16-19:1'],
      );
    });

    it('measures indicators from each project’s latest accepted report against the targets', async () => {
      const { indicators } = await load();
      const by = new Map(indicators.map((i) => [i.code, i]));
      assert.deepEqual(
        indicators.map((i) => i.code),
        ['RCO01', 'RCO84', 'RCR01', 'S3-CROSS', 'S3-REGIONS', 'S3-FUNDING'].sort((x, y) => indicators.findIndex((i) => i.code === x) - indicators.findIndex((i) => i.code === y)),
      );
      assert.equal(indicators.length, 6);
      // RCO01: P1 latest accepted (2028) 7 + P2 accepted 5 (the submitted 12 does not count) + P3 accepted 2 + P8 1 = 15;
      // targets 10 + 20 + 6 = 36 (P7 is of the other strategy); the strategy's target 60 → 25.0 %; 15 / 36 = 41.7 %.
      const rco01 = by.get('RCO01')!;
      assert.deepEqual(
        [rco01.achievedHundredths, rco01.projectsReporting, rco01.projectTargetsHundredths, rco01.projectsWithTarget, rco01.strategyTargetHundredths, rco01.percentOfStrategyTarget, rco01.percentOfProjectTargets],
        [1500, 4, 3600, 3, 6000, 250, 417],
      );
      // RCR01: P1 2.0 + P3 0.5 = 2.5 of 5 + 2.5 = 7.5 → 33.3 %; no strategy target.
      const rcr01 = by.get('RCR01')!;
      assert.deepEqual([rcr01.achievedHundredths, rcr01.projectTargetsHundredths, rcr01.strategyTargetHundredths, rcr01.percentOfStrategyTarget, rcr01.percentOfProjectTargets], [250, 750, null, null, 333]);
      // RCO84: a target of 3, nothing reported.
      const rco84 = by.get('RCO84')!;
      assert.deepEqual([rco84.achievedHundredths, rco84.projectTargetsHundredths, rco84.percentOfProjectTargets], [0, 300, 0]);
      // Computed: 5 cross-regional of 10 → 50.0 %; 2.14 regions of 2.5 → 85.6 %; 760 000 € of 2 000 000 € → 38.0 %.
      assert.deepEqual(
        ['S3-CROSS', 'S3-REGIONS', 'S3-FUNDING'].map((code) => {
          const i = by.get(code)!;
          return [i.computed, i.achievedHundredths, i.strategyTargetHundredths, i.percentOfStrategyTarget, i.projectTargetsHundredths];
        }),
        [
          [true, 500, 1000, 500, null],
          [true, 214, 250, 856, null],
          [true, k(760), k(2000), 380, null],
        ],
      );
    });

    it('filters by instrument, year range and strategy version', async () => {
      const akke = await load({ instrument: 'akke' });
      // P4 (12: 30k, 2026) and P5 (16–19: 25k each, 2027).
      assert.deepEqual(akke.funding.cells, [
        [0, 0, 0, 0, 0, 0, 0],
        [0, 0, k(30), 0, 0, 0, 0],
        [0, 0, 0, k(25), k(25), k(25), k(25)],
      ]);
      assert.deepEqual(akke.funding.byYear.map((y) => [y.year, y.cents]), [[2026, k(30)], [2027, k(100)]]);
      assert.deepEqual([akke.collaboration.projects, akke.collaboration.crossRegional, akke.collaboration.averageRegionsHundredths], [2, 1, 250]);
      assert.equal(akke.indicators.find((i) => i.code === 'RCO01'), undefined);
      assert.equal(akke.indicators.find((i) => i.code === 'RCO84')!.projectTargetsHundredths, 300);

      const y2026 = await load({ yearFrom: 2026, yearTo: 2026 });
      assert.deepEqual(y2026.funding.cells, [
        [0, 0, 0, 0, k(120), k(80), 0],
        [k(60), k(40), k(30), 0, 0, 0, 0],
        [0, 0, 0, 0, 0, 0, 0],
      ]);
      assert.deepEqual(y2026.collaboration.pairs.map((p) => `${p.a}-${p.b}:${p.projects}`), ['10-11:1', '17-18:1']);
      // RCO01 in 2026: P2 5 + P3 2 = 7 of the targets 20 + 6 = 26 → 26.9 %; of the strategy's 60 → 11.7 %.
      const rco01 = y2026.indicators.find((i) => i.code === 'RCO01')!;
      assert.deepEqual([rco01.achievedHundredths, rco01.projectTargetsHundredths, rco01.percentOfProjectTargets, rco01.percentOfStrategyTarget], [700, 2600, 269, 117]);

      const earlier = await load({ strategyId: elmo });
      assert.deepEqual(earlier.funding.priorities.map((p) => p.slug), ['elmo-clean-technologies', 'elmo-industrial-circular-economy', 'elmo-digitalisation', 'elmo-cluster-work']);
      assert.deepEqual(earlier.funding.cells[2], [0, 0, 0, 0, k(500), k(500), 0]);
      assert.equal(earlier.funding.totalCents, k(1000));
      assert.deepEqual(earlier.funding.byCall.map((c) => c.callId), [fx.calls.c.id]);
      assert.deepEqual([earlier.collaboration.projects, earlier.collaboration.crossRegional, earlier.collaboration.averageRegionsHundredths], [1, 1, 200]);
      const elmoRco01 = earlier.indicators.find((i) => i.code === 'RCO01')!;
      assert.deepEqual([elmoRco01.achievedHundredths, elmoRco01.projectTargetsHundredths, elmoRco01.strategyTargetHundredths, elmoRco01.percentOfProjectTargets], [5000, 10000, null, 500]);
    });

    it('shows the same numbers on the page in tables, with accessible SVG charts', async () => {
      const res = await get('/fi/seuranta');
      assert.equal(res.statusCode, 200);
      const page = res.body;
      assert.equal(figure(page, 'projects'), '7');
      assert.equal(figure(page, 'cross-regional'), '5');
      assert.equal(figure(page, 'average-regions'), '2,14');
      assert.equal(figure(page, 'total-funding'), fiMoney(k(760)));
      assert.deepEqual(rowCells(page, 'data-priority="clean-solutions"'), ['Puhtaat ratkaisut', ...[15, 0, 0, 0, 220, 175, 50, 460].map((e) => cellMoney(k(e)))]);
      assert.deepEqual(rowCells(page, 'data-priority="digitalisation"').slice(1), [60, 40, 30, 0, 0, 0, 0, 130].map((e) => cellMoney(k(e))));
      const totals = /<tfoot>(.*?)<\/tfoot>/s.exec(page)![1]!;
      assert.deepEqual([...totals.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => plain(m[1]!)), [75, 110, 30, 25, 245, 200, 75, 760].map((e) => cellMoney(k(e))));
      assert.deepEqual(rowCells(page, 'data-year="2026"'), ['2026', '3', cellMoney(k(330))]);
      assert.deepEqual(rowCells(page, `data-call="${fx.calls.a.id}"`).slice(1), ['Euroopan aluekehitysrahasto (EAKR)', '5', cellMoney(k(630))]);
      assert.ok(page.includes(`href="/fi/haut/${fx.calls.a.id}/decisions"`));
      assert.deepEqual(rowCells(page, 'data-instrument="akke"').slice(1), ['2', cellMoney(k(130))]);
      assert.deepEqual(rowCells(page, 'data-pair="17-18"'), ['Pohjois-Pohjanmaa – Kainuu', '3']);
      assert.deepEqual(rowCells(page, 'data-pair="10-11"'), ['Etelä-Savo – Pohjois-Savo', '1']);
      assert.deepEqual(rowCells(page, 'data-indicator="RCO01"').slice(1), ['15', '36', '60', '25,0 %', '41,7 %']);
      assert.deepEqual(rowCells(page, 'data-indicator="RCR01"').slice(1), ['2,5 htv', '7,5 htv', 'ei asetettu', '–', '33,3 %']);
      assert.deepEqual(rowCells(page, 'data-indicator="S3-REGIONS"').slice(1), ['2,14', '–', '2,50', '85,6 %', '–']);
      assert.deepEqual(rowCells(page, 'data-indicator="S3-FUNDING"').slice(1), [cellMoney(k(760)), '–', cellMoney(k(2000)), '38,0 %', '–']);

      // Four charts, each an image named by its title and described by its desc.
      const svgs = [...page.matchAll(/<svg [^>]*>/g)].map((m) => m[0]).filter((s) => s.includes('class="chart'));
      assert.equal(svgs.length, 4);
      for (const svg of svgs) {
        assert.match(svg, /role="img"/);
        const [titleId, descId] = /aria-labelledby="([^ "]+) ([^"]+)"/.exec(svg)!.slice(1);
        assert.match(page, new RegExp(`<title id="${titleId}">[^<]+</title><desc id="${descId}">[^<]+</desc>`));
        assert.match(svg, /width="100%"/);
      }
      // The heat map writes the amount in every cell and its description the total.
      assert.ok(page.includes(html(monitoringMessages.fi.heatDesc(fiMoney(k(760)), `Puhtaat ratkaisut, Pohjois-Pohjanmaa: ${fiMoney(k(220))}`))));
      assert.equal([...page.matchAll(/class="heat-cell"/g)].length, 21);
      assert.ok(/class="heat-cell" data-step="5"><rect[^>]*><\/rect><text[^>]*fill="#ffffff"[^>]*>220\st\.\s€<\/text>/.test(page));
      // The network draws the eight pairs.
      assert.equal([...page.matchAll(/class="network-link"/g)].length, 8);
      // Links to the open data and the project database.
      assert.ok(page.includes('href="/fi/avoin-data"'));
      assert.ok(page.includes('href="/fi/hankkeet"'));
    });

    it('filters the page with the GET form and keeps the values', async () => {
      const res = await get('/en/monitoring?yearFrom=2026&yearTo=2026&instrument=erdf');
      assert.equal(res.statusCode, 200);
      // 2026 ERDF: P2 (2 regions) and P3 (2) → 2.00; 300 000 €.
      assert.equal(figure(res.body, 'projects'), '2');
      assert.equal(figure(res.body, 'average-regions'), '2.00');
      assert.equal(figure(res.body, 'total-funding'), formatMoney(k(300), 'en', { wholeEuros: true }));
      assert.match(res.body, /name="yearFrom" type="text" value="2026"/);
      assert.match(res.body, /<option value="erdf" selected>/);
      const sv = await get('/sv/uppfoljning?strategy=elmo-2019-2023');
      assert.equal(sv.statusCode, 200);
      assert.equal(figure(sv.body, 'projects'), '1');
      assert.match(sv.body, /<option value="elmo-2019-2023" selected>/);
    });

    it('answers bad filter values with the page, a message at each field and the rest of the figures', async () => {
      const m = monitoringMessages.fi;
      const res = await get('/fi/seuranta?yearFrom=abc&yearTo=20266&instrument=bogus&strategy=nope');
      assert.equal(res.statusCode, 400);
      const page = res.body;
      for (const message of [m.errors.year(m.yearFrom), m.errors.year(m.yearTo), m.errors.instrument, m.errors.strategy]) assert.ok(page.includes(html(message)), message);
      assert.match(page, /<p class="field__error" id="field-yearFrom-error">/);
      assert.match(page, /name="yearFrom" type="text" value="abc"/);
      assert.equal(figure(page, 'projects'), '7');

      const order = await get('/fi/seuranta?yearFrom=2027&yearTo=2025');
      assert.equal(order.statusCode, 400);
      assert.ok(order.body.includes(html(m.errors.yearOrder)));
      // The start year is used: 2027 has P5 and P8.
      assert.equal(figure(order.body, 'projects'), '2');

      const repeated = await get('/fi/seuranta?yearFrom=2026&yearFrom=x&instrument[]=a');
      assert.notEqual(repeated.statusCode, 500);
    });
  });
}
